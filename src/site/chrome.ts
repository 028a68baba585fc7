import { createTranslator, languageName } from '../platform/i18n.js';
import { hreflangLinks, htmlLangTag } from '../publishing/index.js';
import { sectionPath, sectionSlug } from '../stories/index.js';
import { absoluteUrl, type SiteDeps } from './deps.js';
import type { FeedLinks, MetaTag, PageChrome } from './view-models.js';

export interface ChromeInput {
  locale: string;
  title: string;
  description: string;
  /** Path of this page; absent for error pages. */
  canonicalPath?: string;
  /** This page in every locale it exists in (itself included). */
  alternates: { locale: string; path: string }[];
  currentSectionId?: number;
  meta?: MetaTag[];
  jsonLd?: object[];
  feeds?: FeedLinks;
  noindex?: boolean;
}

export function feedLinksFor(basePath: string, title: string): FeedLinks {
  return { title, rss: `${basePath}feed.xml`, atom: `${basePath}atom.xml`, json: `${basePath}feed.json` };
}

export function buildChrome(deps: SiteDeps, input: ChromeInput): PageChrome {
  const { catalog } = deps;
  const { settings } = catalog;
  const t = createTranslator(input.locale, settings.defaultLocale);
  const siteName = catalog.pick(settings.name, input.locale)?.value ?? '';
  const pathIn = new Map(input.alternates.map((a) => [a.locale, a.path]));
  return {
    locale: input.locale,
    htmlLang: htmlLangTag(input.locale),
    siteName,
    tagline: catalog.pick(settings.tagline, input.locale)?.value ?? '',
    title: input.title === siteName ? siteName : `${input.title} · ${siteName}`,
    description: input.description,
    ...(input.canonicalPath ? { canonicalUrl: absoluteUrl(deps, input.canonicalPath) } : {}),
    alternates: hreflangLinks(
      input.alternates.map((a) => ({ locale: a.locale, url: absoluteUrl(deps, a.path) })),
      settings.defaultLocale,
    ),
    homeHref: `/${input.locale}/`,
    navigation: settings.navigation.flatMap((key) => {
      const section = catalog.sections.find((s) => s.key === key);
      if (!section) return [];
      const name = catalog.pick(section.translations, input.locale)?.value.name ?? key;
      return [
        {
          href: sectionPath(input.locale, sectionSlug(section, input.locale)),
          label: name,
          current: section.id === input.currentSectionId,
        },
      ];
    }),
    languageLinks: settings.locales.map((locale) => ({
      locale,
      label: languageName(locale),
      href: pathIn.get(locale) ?? `/${locale}/`,
      current: locale === input.locale,
    })),
    feeds: input.feeds ?? feedLinksFor(`/${input.locale}/`, siteName),
    meta: input.meta ?? [],
    jsonLd: input.jsonLd ?? [],
    stylesheetHref: deps.assets.css.path,
    scriptHref: deps.assets.js.path,
    ...(input.noindex ? { noindex: true } : {}),
    t,
  };
}
