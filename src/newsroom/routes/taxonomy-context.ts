import { languageName } from '../../platform/i18n.js';
import type { Locale } from '../../platform/locale.js';
import { findSiteSettings, type SiteSettings } from '../../stories/index.js';
import type { NewsroomDeps } from '../deps.js';
import type { LocaleLabel } from '../views/taxonomy-pages.js';

/** The saved site settings; the site cannot run without them, so neither can these pages. */
export async function siteSettingsOrThrow(deps: NewsroomDeps): Promise<SiteSettings> {
  const settings = await findSiteSettings(deps.db);
  if (!settings) throw new Error('The site has no settings: run `velocity seed` or `velocity import` first.');
  return settings;
}

export function localeLabels(tags: Locale[]): LocaleLabel[] {
  return tags.map((tag) => ({ tag, label: languageName(tag) }));
}

/** What a taxonomy save changes for readers: names on every page, so the site reloads them. */
export const NO_STORIES = { storyIds: [] as number[], sectionIds: [] as number[], entityIds: [] as number[] };
