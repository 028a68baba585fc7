import { createTranslator } from '../../../src/platform/i18n.js';
import { shareLinks } from '../../../src/site/share-links.js';
import type { StoryPageData } from '../../../src/site/view-models.js';
import { SAMPLE_SECTIONS, SAMPLE_STORIES } from './fixture-content.js';
import {
  buildChrome,
  buildImage,
  buildStoryCard,
  DATES,
  type FixtureLocale,
  HTML_LANG,
  other,
  SITE_URL,
} from './fixture-parts.js';

export function buildStoryPageData(
  locale: FixtureLocale,
  overrides: Partial<Omit<StoryPageData, 'story'>> & { story?: Partial<StoryPageData['story']> } = {},
): StoryPageData {
  const sample = SAMPLE_STORIES[locale];
  const canonicalUrl = `${SITE_URL}/${locale}/ai-models/h200-vs-mi300x`;
  const chrome = buildChrome(locale, {
    title: `${sample.title} · Code Velocity`,
    description: sample.summary,
    canonicalUrl,
    meta: [
      { property: 'og:type', content: 'article' },
      { property: 'og:title', content: sample.title },
      { name: 'twitter:card', content: 'summary_large_image' },
    ],
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: sample.title,
        inLanguage: locale,
      },
    ],
  });
  const t = chrome.t;
  const section = { href: `/${locale}/ai-models/`, label: SAMPLE_SECTIONS['ai-models']?.[locale] ?? '' };
  const publishedAt = '2025-03-12T06:30:00.000Z';
  const { story, ...rest } = overrides;
  return {
    chrome,
    story: {
      id: 42,
      lang: locale,
      title: sample.title,
      summary: sample.summary,
      section,
      publishedAt,
      publishedLabel: DATES[locale](publishedAt),
      updatedAt: publishedAt,
      readingMinutes: 7,
      byline: {},
      entities: [
        { href: `/${locale}/topics/nvidia`, label: locale === 'zh' ? '英伟达' : 'Nvidia', kind: 'company' },
        { href: `/${locale}/topics/amd`, label: 'AMD', kind: 'company' },
        { href: `/${locale}/topics/h200`, label: 'H200', kind: 'gpu' },
      ],
      sources: [
        {
          url: 'https://www.example-chips.com/2025/03/h200-mi300x-benchmarks',
          publisher: 'Example Chips',
          author: 'Dana Lee',
        },
      ],
      hero: buildImage(sample.alt, { credit: 'Example Photo Agency' }),
      bodyHtml: sample.bodyHtml,
      faq: sample.faq,
      canonicalUrl,
      ...story,
    },
    share: {
      count: 11,
      endpoint: '/share/42',
      url: canonicalUrl,
      links: shareLinks(canonicalUrl, sample.title, t),
    },
    breadcrumbs: [{ href: `/${locale}/`, label: t('breadcrumbs.home') }, section],
    related: [buildStoryCard(locale, 0), buildStoryCard(locale, 1), buildStoryCard(locale, 2)],
    ...rest,
  };
}

/** The story of `content` shown on a page whose UI is in `ui`, with the notice the route writes. */
export function buildFallbackStoryPageData(ui: FixtureLocale): StoryPageData {
  const content = other(ui);
  const data = buildStoryPageData(content);
  const chrome = buildChrome(ui, {
    ...data.chrome,
    locale: ui,
    htmlLang: HTML_LANG[ui],
    t: createTranslator(ui),
  });
  const name = (l: string) => new Intl.DisplayNames([ui], { type: 'language' }).of(l) ?? l;
  const t = chrome.t;
  // Labels around the content come in the UI language, as the route builds them.
  const uiStory = buildStoryPageData(ui).story;
  return {
    ...data,
    story: {
      ...data.story,
      section: uiStory.section,
      publishedLabel: uiStory.publishedLabel,
      entities: uiStory.entities,
      sources: uiStory.sources,
    },
    chrome: { ...chrome, languageLinks: buildChrome(ui).languageLinks },
    share: { ...data.share, links: shareLinks(data.share.url, data.story.title, t) },
    fallbackNotice: chrome.t('story.fallbackNotice', { requested: name(ui), shown: name(content) }),
    breadcrumbs: [{ href: `/${ui}/`, label: chrome.t('breadcrumbs.home') }, uiStory.section],
  };
}
