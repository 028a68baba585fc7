import type { Context, Hono } from 'hono';
import { recordAudit } from '../../accounts/index.js';
import { listSections, type Section, type SiteSettings, saveSiteSettings } from '../../stories/index.js';
import type { NewsroomDeps } from '../deps.js';
import { translateErrors } from '../forms.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import {
  parseSettingsForm,
  type SettingsFormValues,
  settingsFormLocales,
  settingsFormValues,
  settingsToFormValues,
} from '../settings-form.js';
import { SettingsPage } from '../views/settings-page.js';
import { localeLabels, NO_STORIES, siteSettingsOrThrow } from './taxonomy-context.js';

type C = Context<NewsroomEnv>;

function sectionNames(sections: Section[], settings: SiteSettings, locale: string): Record<string, string> {
  return Object.fromEntries(
    sections.map((s) => [
      s.key,
      s.translations[locale]?.name ?? s.translations[settings.defaultLocale]?.name ?? s.key,
    ]),
  );
}

function render(
  c: C,
  deps: NewsroomDeps,
  data: { values: SettingsFormValues; locales: string[]; settings: SiteSettings; sections: Section[] },
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
): Response {
  const t = c.get('t');
  const chrome = adminChrome(c, deps, t('settings.heading'));
  const view = {
    t,
    csrfToken: chrome.csrfToken,
    values: data.values,
    locales: localeLabels(data.locales),
    sectionNames: sectionNames(data.sections, data.settings, t.locale),
    errors,
  };
  return renderAdmin(c, chrome, <SettingsPage view={view} />, status);
}

/** JSON with object keys sorted: `{ en, zh }` and `{ zh, en }` are the same settings. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Only the keys that changed, so the audit log says what a save did. */
function changedKeys(before: SiteSettings, after: SiteSettings): (keyof SiteSettings)[] {
  return (Object.keys(after) as (keyof SiteSettings)[]).filter(
    (key) => canonical(before[key]) !== canonical(after[key]),
  );
}

/** The site's name and tagline per locale, its locales, navigation and fallbacks (owners only). */
export function settingsRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/settings', async (c) => {
    requirePermission(c, { action: 'settings.manage' });
    const [settings, sections] = await Promise.all([siteSettingsOrThrow(deps), listSections(deps.db)]);
    const values = settingsToFormValues(settings, sections);
    return render(c, deps, { values, locales: settings.locales, settings, sections });
  });

  app.post('/settings', async (c) => {
    const actor = requirePermission(c, { action: 'settings.manage' });
    const t = c.get('t');
    const [settings, sections] = await Promise.all([siteSettingsOrThrow(deps), listSections(deps.db)]);
    const body = await c.req.parseBody({ all: true });
    const locales = settingsFormLocales(
      settings.locales,
      typeof body.locales === 'string' ? body.locales : '',
    );
    const values = settingsFormValues(body, locales, sections);
    const parsed = parseSettingsForm(values, { sections });
    if (!parsed.ok) {
      const errors = translateErrors(parsed.errors, t);
      return render(c, deps, { values, locales, settings, sections }, errors, 422);
    }
    const changed = changedKeys(settings, parsed.value);
    if (changed.length > 0) {
      await saveSiteSettings(deps.db, parsed.value);
      await recordAudit(
        deps.db,
        {
          actor,
          action: 'settings.save',
          subject: { kind: 'settings' },
          summary: changed.join(', '),
          details: Object.fromEntries(
            changed.map((key) => [key, { from: settings[key], to: parsed.value[key] }]),
          ),
        },
        deps.now(),
      );
      await deps.contentChanged(NO_STORIES, { taxonomy: true });
    }
    return c.redirect('/admin/settings?notice=saved', 303);
  });
}
