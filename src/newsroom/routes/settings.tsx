import type { Context, Hono } from 'hono';
import {
  deliverNamesOutcome,
  InvalidFields,
  saveSettings,
  siteSettingsOrThrow,
} from '../../editorial/index.js';
import { listSections, type Section, type SiteSettings } from '../../stories/index.js';
import type { NewsroomDeps } from '../deps.js';
import { translateErrors } from '../forms.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import {
  type SettingsFormValues,
  settingsFormLocales,
  settingsFormValues,
  settingsToFormValues,
} from '../settings-form.js';
import { SettingsPage } from '../views/settings-page.js';
import { localeLabels } from './taxonomy-records.js';

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

/** The site's name and tagline per locale, its locales, navigation and fallbacks (owners only). */
export function settingsRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/settings', async (c) => {
    requirePermission(c, { action: 'settings.manage' });
    const [settings, sections] = await Promise.all([siteSettingsOrThrow(deps.db), listSections(deps.db)]);
    const values = settingsToFormValues(settings, sections);
    return render(c, deps, { values, locales: settings.locales, settings, sections });
  });

  app.post('/settings', async (c) => {
    const actor = requirePermission(c, { action: 'settings.manage' });
    const t = c.get('t');
    const [settings, sections] = await Promise.all([siteSettingsOrThrow(deps.db), listSections(deps.db)]);
    const body = await c.req.parseBody({ all: true });
    const locales = settingsFormLocales(
      settings.locales,
      typeof body.locales === 'string' ? body.locales : '',
    );
    const values = settingsFormValues(body, locales, sections);
    try {
      const saved = await saveSettings(deps.db, actor, values, deps.now());
      if (saved.outcome) await deliverNamesOutcome(saved.outcome, deps);
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error;
      const errors = translateErrors(error.fields, t);
      return render(c, deps, { values, locales, settings, sections }, errors, 422);
    }
    return c.redirect('/admin/settings?notice=saved', 303);
  });
}
