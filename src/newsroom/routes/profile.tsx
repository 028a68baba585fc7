import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { findUserById, type User } from '../../accounts/index.js';
import { mayEditProfile, saveProfile, siteSettingsOrThrow } from '../../editorial/index.js';
import { findProfile, type Profile } from '../../people/index.js';
import { DomainError, isDomainError } from '../../platform/errors.js';
import { displayLanguageName } from '../../platform/i18n.js';
import { htmlLangTag } from '../../publishing/index.js';
import { listMedia } from '../../stories/index.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { actorOf, requireSession } from '../http/guard.js';
import { idParam } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { ProfileForm } from '../views/profile-page.js';

type C = Context<NewsroomEnv>;

const ADMIN_LOCALES = ['zh', 'en'];
const MAX_AVATARS = 60;

const ProfileFormInput = z.object({
  slug: z.string().trim().max(60).default(''),
  isPublic: z.literal('1').optional(),
  avatarMediaId: z
    .string()
    .regex(/^\d{0,9}$/)
    .default(''),
  uiLocale: z.enum(['zh', 'en']).optional(),
});

/** The person whose profile this address edits, when the signed-in person may edit it. */
async function editable(c: C, deps: NewsroomDeps, own: boolean): Promise<User> {
  const actor = actorOf(requireSession(c));
  const userId = own ? actor.id : idParam(c, 'id');
  if (!mayEditProfile(actor, userId))
    throw new DomainError('forbidden', 'Your role does not allow this.', { action: 'profile.edit' });
  const user = await findUserById(deps.db, userId);
  if (!user) throw new DomainError('not-found', 'No such person.');
  return user;
}

async function render(
  c: C,
  deps: NewsroomDeps,
  user: User,
  own: boolean,
  profile: Profile,
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  const t = c.get('t');
  const settings = await siteSettingsOrThrow(deps.db);
  const media = (await listMedia(deps.db)).slice(-MAX_AVATARS);
  const chrome = adminChrome(c, deps, t('profile.heading', { name: user.displayName || user.email }));
  const view = {
    t,
    csrfToken: chrome.csrfToken,
    action: own ? '/admin/account' : `/admin/people/${user.id}/profile`,
    name: user.displayName || user.email,
    slug: profile.slug ?? '',
    isPublic: profile.isPublic,
    avatarMediaId: profile.avatarMediaId,
    avatars: media.map((m) => {
      const smallest = [...m.renditions].sort((a, b) => a.width - b.width)[0];
      return { id: m.id, thumbnail: `/media/${smallest?.file ?? m.fileName}` };
    }),
    bios: settings.locales.map((locale) => ({
      locale,
      label: displayLanguageName(locale, t.locale),
      lang: htmlLangTag(locale),
      value: profile.bios[locale] ?? '',
    })),
    ...(own
      ? {
          uiLocale: {
            value: t.locale,
            options: ADMIN_LOCALES.map((l) => ({ value: l, label: displayLanguageName(l, l) })),
          },
        }
      : {}),
    errors,
  };
  return renderAdmin(c, chrome, <ProfileForm view={view} />, status);
}

async function show(c: C, deps: NewsroomDeps, own: boolean) {
  const user = await editable(c, deps, own);
  const profile = (await findProfile(deps.db, user.id)) as Profile;
  return render(c, deps, user, own, profile);
}

async function save(c: C, deps: NewsroomDeps, own: boolean) {
  const t = c.get('t');
  const user = await editable(c, deps, own);
  const body = await c.req.parseBody();
  const form = ProfileFormInput.safeParse(body);
  if (!form.success) throw new DomainError('invalid', 'The profile form was malformed.');
  const settings = await siteSettingsOrThrow(deps.db);
  const bios = Object.fromEntries(
    settings.locales.map((locale) => {
      const value = body[`bio.${locale}`];
      return [locale, typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : ''];
    }),
  );
  const profile: Profile = {
    userId: user.id,
    slug: form.data.slug === '' ? null : form.data.slug.toLowerCase(),
    avatarMediaId: form.data.avatarMediaId === '' ? null : Number(form.data.avatarMediaId),
    isPublic: form.data.isPublic === '1',
    bios,
  };
  try {
    const outcome = await saveProfile(deps.db, actorOf(requireSession(c)), profile, {
      now: deps.now(),
      locales: settings.locales,
    });
    if (outcome.change) await deps.contentChanged(outcome.change, { taxonomy: true });
  } catch (error) {
    if (!isDomainError(error) || error.kind !== 'invalid') throw error;
    const issues = (error.details as { issues?: { path: string }[] } | undefined)?.issues ?? [];
    const errors: Record<string, string> = {};
    for (const issue of issues) {
      if (issue.path === 'slug') errors.slug = t('profile.error.slug');
      else if (issue.path === 'avatarMediaId') errors.avatarMediaId = t('profile.error.avatar');
      else if (issue.path.startsWith('bios.')) errors[issue.path] = t('profile.error.bio');
    }
    if (Object.keys(errors).length === 0) errors.slug = t('profile.error.slug');
    return render(c, deps, user, own, profile, errors, 422);
  }
  if (own && form.data.uiLocale) {
    await deps.db
      .updateTable('users')
      .set({ ui_locale: form.data.uiLocale, ui_locale_chosen: 1 })
      .where('id', '=', user.id)
      .execute();
  }
  return c.redirect(`${own ? '/admin/account' : `/admin/people/${user.id}/profile`}?notice=saved`, 303);
}

/** Everyone edits their own public profile and admin language; editors and owners anyone's profile. */
export function profileRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/account', (c) => show(c, deps, true));
  app.post('/account', (c) => save(c, deps, true));
  app.get('/people/:id/profile', (c) => show(c, deps, false));
  app.post('/people/:id/profile', (c) => save(c, deps, false));
}
