import type { Context, Hono } from 'hono';
import { can } from '../../accounts/index.js';
import {
  compareRevisions,
  deleteStory,
  deliverOutcome,
  getStory,
  listRevisions,
  restoreRevision,
} from '../../editorial/index.js';
import { DomainError } from '../../platform/errors.js';
import { languageName } from '../../platform/i18n.js';
import { htmlLangTag } from '../../publishing/index.js';
import { adminTimeLabel, loadNewsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { ComparePage, DeleteConfirmPage, RevisionsPage } from '../views/story-history.js';

type C = Context<NewsroomEnv>;

const ID = '/stories/:id{[0-9]+}';

function positive(value: string | undefined): number | undefined {
  return value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}

/** History (revisions, compare, restore) and deletion of a story. */
export function storyHistoryRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  const loadStory = async (c: C) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const loaded = await getStory(deps.db, actor, Number(c.req.param('id')));
    return { actor, ...loaded };
  };
  const localeOf = (
    story: { variants: { locale: string }[]; sourceLocale: string },
    value: string | undefined,
  ) => {
    const locale = value ?? story.sourceLocale;
    if (!story.variants.some((v) => v.locale === locale)) {
      throw new DomainError('not-found', `The story has no ${locale} variant.`);
    }
    return locale;
  };

  app.get(`${ID}/revisions`, async (c) => {
    const t = c.get('t');
    const { actor, story } = await loadStory(c);
    const locale = localeOf(story, c.req.query('locale'));
    const variant = story.variants.find((v) => v.locale === locale);
    const [revisions, zone] = await Promise.all([
      listRevisions(deps.db, actor, { storyId: story.id, locale }),
      loadNewsroomZone(deps.db),
    ]);
    const base = `/admin/stories/${story.id}`;
    const heading = t('stories.history.heading', { title: variant?.title ?? '' });
    const view = {
      t,
      storyId: story.id,
      heading,
      editorHref: `${base}/${locale}`,
      locale,
      lang: htmlLangTag(locale),
      tabs: story.variants.map((v) => ({
        label: languageName(v.locale),
        href: `${base}/revisions?locale=${encodeURIComponent(v.locale)}`,
        current: v.locale === locale,
      })),
      current: variant?.revision ?? null,
      revisions: revisions.map((r) => ({
        revision: r.revision,
        title: r.title,
        savedAt: r.savedAt,
        savedLabel: adminTimeLabel(r.savedAt, zone),
        savedBy: r.savedBy ? r.savedBy.displayName || r.savedBy.email : t('stories.history.imported'),
        ...(variant &&
        r.revision !== variant.revision &&
        revisions.some((x) => x.revision === variant.revision)
          ? {
              compareHref: `${base}/compare?locale=${encodeURIComponent(locale)}&a=${r.revision}&b=${variant.revision}`,
            }
          : {}),
      })),
    };
    return renderAdmin(c, adminChrome(c, deps, heading), <RevisionsPage view={view} />);
  });

  app.get(`${ID}/compare`, async (c) => {
    const t = c.get('t');
    const { actor, story, scope } = await loadStory(c);
    const locale = localeOf(story, c.req.query('locale'));
    const from = positive(c.req.query('a'));
    const to = positive(c.req.query('b'));
    if (from === undefined || to === undefined)
      throw new DomainError('not-found', 'Choose two revisions to compare.');
    const [comparison, zone] = await Promise.all([
      compareRevisions(deps.db, actor, { storyId: story.id, locale, from, to }),
      loadNewsroomZone(deps.db),
    ]);
    const base = `/admin/stories/${story.id}`;
    const who = (r: typeof comparison.from) =>
      r.savedBy ? r.savedBy.displayName || r.savedBy.email : t('stories.history.imported');
    const heading = t('stories.history.compareHeading', { title: comparison.to.title });
    const view = {
      t,
      csrfToken: c.get('session')?.csrfToken,
      heading,
      historyHref: `${base}/revisions?locale=${encodeURIComponent(locale)}`,
      lang: htmlLangTag(locale),
      from: {
        revision: comparison.from.revision,
        savedLabel: adminTimeLabel(comparison.from.savedAt, zone),
        savedBy: who(comparison.from),
      },
      to: {
        revision: comparison.to.revision,
        savedLabel: adminTimeLabel(comparison.to.savedAt, zone),
        savedBy: who(comparison.to),
      },
      fields: comparison.fields,
      ...(can(actor, { action: 'story.edit', story: scope, locale })
        ? { restore: { action: `${base}/revisions/restore`, locale, revision: comparison.from.revision } }
        : {}),
    };
    return renderAdmin(c, adminChrome(c, deps, heading), <ComparePage view={view} />);
  });

  app.post(`${ID}/revisions/restore`, async (c) => {
    const { actor, story, scope } = await loadStory(c);
    const body = await c.req.parseBody();
    const locale = localeOf(story, typeof body.locale === 'string' ? body.locale : undefined);
    requirePermission(c, { action: 'story.edit', story: scope, locale });
    const revision = positive(typeof body.revision === 'string' ? body.revision : undefined);
    if (revision === undefined) throw new DomainError('invalid', 'Which revision should be restored?');
    const restored = await restoreRevision(
      deps.db,
      actor,
      { storyId: story.id, locale, revision },
      { now: deps.now() },
    );
    await deliverOutcome(restored, deps);
    return c.redirect(`/admin/stories/${story.id}/${locale}?notice=restored`, 303);
  });

  const confirmPage = async (c: C) => {
    const t = c.get('t');
    requirePermission(c, { action: 'story.delete' });
    const { story } = await loadStory(c);
    const source = story.variants.find((v) => v.locale === story.sourceLocale) ?? story.variants[0];
    const view = {
      t,
      csrfToken: c.get('session')?.csrfToken,
      title: source?.title ?? '',
      lang: htmlLangTag(source?.locale ?? story.sourceLocale),
      action: `/admin/stories/${story.id}/delete`,
      editorHref: `/admin/stories/${story.id}/${story.sourceLocale}`,
      locales: story.variants.map((v) => languageName(v.locale)),
      published: story.variants.some((v) => v.status === 'published'),
    };
    return renderAdmin(
      c,
      adminChrome(c, deps, t('stories.delete.heading')),
      <DeleteConfirmPage view={view} />,
    );
  };

  app.get(`${ID}/delete`, confirmPage);

  // Without the confirmation field (no JavaScript asked), the answer is the confirmation page.
  app.post(`${ID}/delete`, async (c) => {
    const { actor, story } = await loadStory(c);
    requirePermission(c, { action: 'story.delete' });
    const body = await c.req.parseBody();
    if (body.confirmed !== 'yes') return confirmPage(c);
    const outcome = await deleteStory(deps.db, actor, { storyId: story.id }, { now: deps.now() });
    await deliverOutcome(outcome, deps);
    return c.redirect('/admin/stories?notice=deleted', 303);
  });
}
