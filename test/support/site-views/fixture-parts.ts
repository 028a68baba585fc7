import { createTranslator, languageName } from '../../../src/platform/i18n.js';
import type { ImageView, PageChrome, StoryCardView } from '../../../src/site/view-models.js';
import { type FixtureLocale, SAMPLE_CARDS, SAMPLE_SECTIONS } from './fixture-content.js';

// The pieces every fixture page is made of: chrome, images, story cards.

export type { FixtureLocale };
export const SITE_URL = 'https://news.example.test';
export const HTML_LANG: Record<FixtureLocale, string> = { zh: 'zh-Hans', en: 'en' };
export const DATES: Record<FixtureLocale, (iso: string) => string> = {
  zh: (iso) => new Intl.DateTimeFormat('zh', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso)),
  en: (iso) => new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso)),
};
export const other = (locale: FixtureLocale): FixtureLocale => (locale === 'zh' ? 'en' : 'zh');

export function buildChrome(locale: FixtureLocale, overrides: Partial<PageChrome> = {}): PageChrome {
  const url = overrides.canonicalUrl ? new URL(overrides.canonicalUrl) : undefined;
  const path = url ? `${url.pathname}${url.search}` : `/${locale}/`;
  const pathIn = (l: FixtureLocale) => path.replace(/^\/(zh|en)\//, `/${l}/`);
  const t = createTranslator(locale);
  return {
    locale,
    htmlLang: HTML_LANG[locale],
    siteName: 'Code Velocity',
    tagline: locale === 'zh' ? '用你的语言读懂AI与芯片' : 'AI and chip news, in your language',
    title: 'Code Velocity',
    description:
      locale === 'zh'
        ? '每天追踪AI模型、芯片与产业动态。'
        : 'Daily reporting on AI models, chips and industry.',
    canonicalUrl: `${SITE_URL}${path}`,
    alternates: [
      { hreflang: 'zh-Hans', href: `${SITE_URL}${pathIn('zh')}` },
      { hreflang: 'en', href: `${SITE_URL}${pathIn('en')}` },
      { hreflang: 'x-default', href: `${SITE_URL}${pathIn('zh')}` },
    ],
    homeHref: `/${locale}/`,
    navigation: Object.entries(SAMPLE_SECTIONS).map(([slug, names]) => ({
      href: `/${locale}/${slug}/`,
      label: names[locale],
      current: false,
    })),
    languageLinks: (['zh', 'en'] as const).map((l) => ({
      locale: l,
      label: languageName(l),
      href: pathIn(l),
      current: l === locale,
    })),
    feeds: {
      title: 'Code Velocity',
      rss: `/${locale}/feed.xml`,
      atom: `/${locale}/atom.xml`,
      json: `/${locale}/feed.json`,
    },
    meta: [
      { property: 'og:site_name', content: 'Code Velocity' },
      { name: 'twitter:card', content: 'summary_large_image' },
    ],
    jsonLd: [{ '@context': 'https://schema.org', '@type': 'WebSite', name: 'Code Velocity', url: SITE_URL }],
    stylesheetHref: '/assets/site.0123456789ab.css',
    scriptHref: '/assets/site.0123456789ab.js',
    t,
    ...overrides,
  };
}

export function buildImage(alt: string, overrides: Partial<ImageView> = {}): ImageView {
  return {
    src: '/media/gpu-racks-800.webp',
    srcset:
      '/media/gpu-racks-400.webp 400w, /media/gpu-racks-800.webp 800w, /media/gpu-racks-1600.webp 1600w',
    sizes: '(min-width: 50em) 46em, 100vw',
    width: 1600,
    height: 900,
    alt,
    ...overrides,
  };
}

/** Card `index` of the samples (wrapping around), in `locale`. */
export function buildStoryCard(
  locale: FixtureLocale,
  index = 0,
  overrides: Partial<StoryCardView> = {},
): StoryCardView {
  const sample = SAMPLE_CARDS[index % SAMPLE_CARDS.length] ?? SAMPLE_CARDS[0];
  if (!sample) throw new Error('no sample cards');
  const [slug, section, titleZh, titleEn, summaryZh, summaryEn] = sample;
  const publishedAt = new Date(Date.UTC(2025, 2, 10 - index, 8)).toISOString();
  return {
    href: `/${locale}/${section}/${slug}`,
    title: locale === 'zh' ? titleZh : titleEn,
    summary: locale === 'zh' ? summaryZh : summaryEn,
    lang: locale,
    section: { href: `/${locale}/${section}/`, label: SAMPLE_SECTIONS[section]?.[locale] ?? section },
    publishedAt,
    publishedLabel: DATES[locale](publishedAt),
    readingMinutes: 3 + index,
    image: buildImage(locale === 'zh' ? '一排服务器的近景' : 'A close view of a row of servers', {
      src: `/media/${slug}-400.webp`,
      srcset: `/media/${slug}-400.webp 400w, /media/${slug}-800.webp 800w`,
      sizes: '(min-width: 40em) 20em, 100vw',
      width: 800,
      height: 450,
    }),
    ...overrides,
  };
}
