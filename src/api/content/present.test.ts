import { describe, expect, it } from 'vitest';
import type { SiteSettings, Story, Variant } from '../../stories/index.js';
import { readerVariant } from '../../stories/index.js';
import { absolutizeHtml, pickTranslation, presentSummary } from './present.js';

const SITE = 'https://news.example.test';

describe('absolutizeHtml', () => {
  it.each([
    ['a root-relative link', '<a href="/zh/ai-models/x">x</a>', `<a href="${SITE}/zh/ai-models/x">x</a>`],
    ['an image', '<img src="/media/a.webp" alt="">', `<img src="${SITE}/media/a.webp" alt="">`],
    ['an absolute link stays', '<a href="https://other.test/">o</a>', '<a href="https://other.test/">o</a>'],
    ['a protocol-relative link stays', '<a href="//cdn.test/x">c</a>', '<a href="//cdn.test/x">c</a>'],
    ['a fragment stays', '<a href="#faq">f</a>', '<a href="#faq">f</a>'],
    [
      'text that looks like an attribute stays',
      '<p>write href="/x" in HTML</p>',
      '<p>write href="/x" in HTML</p>',
    ],
    ['escaped text stays', '<p>href=&quot;/x&quot;</p>', '<p>href=&quot;/x&quot;</p>'],
    [
      'a link among other attributes',
      '<a class="x" href="/a" rel="y">a</a>',
      `<a class="x" href="${SITE}/a" rel="y">a</a>`,
    ],
    [
      'several links',
      '<a href="/a">a</a> <a href="/b">b</a>',
      `<a href="${SITE}/a">a</a> <a href="${SITE}/b">b</a>`,
    ],
  ])('%s', (_, html, expected) => {
    expect(absolutizeHtml(html, SITE)).toBe(expected);
  });
});

const settings: SiteSettings = {
  name: { zh: '站', en: 'Site' },
  tagline: { zh: '', en: '' },
  locales: ['zh', 'en', 'ja'],
  defaultLocale: 'zh',
  navigation: [],
  fallbacks: { en: ['zh'], ja: ['en', 'zh'] },
};

function variant(locale: string, status: Variant['status']): Variant {
  return {
    id: 1,
    storyId: 1,
    locale,
    title: `title ${locale}`,
    slug: `slug-${locale}`,
    summary: '',
    bodyMarkdown: '',
    bodyHtml: '',
    readingMinutes: 1,
    faq: [],
    faqAnswersHtml: [],
    faqQuestionLangs: [],
    heroAlt: '',
    revision: 1,
    status,
    publishAt: null,
    publishedAt: null,
    updatedAt: '2026-11-20T00:00:00.000Z',
    translatedFromRevision: null,
    authorId: null,
    translatorId: null,
  };
}

function storyWith(sourceLocale: string, variants: Variant[]): Story {
  return {
    id: 1,
    sectionId: 1,
    sourceLocale,
    heroMediaId: null,
    createdAt: '',
    updatedAt: '',
    entityIds: [],
    sources: [],
    variants,
  };
}

describe('readerVariant (the fallback rule the API shares with the site)', () => {
  it.each([
    [
      'its own published variant',
      'en',
      ['zh:published', 'en:published'],
      { locale: 'en', isFallback: false },
    ],
    [
      'the declared fallback when its own is missing',
      'en',
      ['zh:published'],
      { locale: 'zh', isFallback: true },
    ],
    [
      'the declared fallback when its own is a draft',
      'en',
      ['zh:published', 'en:draft'],
      { locale: 'zh', isFallback: true },
    ],
    [
      'fallbacks in declared order',
      'ja',
      ['zh:published', 'en:published'],
      { locale: 'en', isFallback: true },
    ],
    [
      'the source locale when no fallback is declared',
      'zh',
      ['en:published'],
      { locale: 'en', isFallback: true },
    ],
    ['nothing when nothing is published', 'en', ['zh:draft', 'en:unpublished'], undefined],
  ])('%s', (_, locale, variants, expected) => {
    const story = storyWith(
      'zh',
      variants.map((v) => {
        const [l, s] = v.split(':') as [string, Variant['status']];
        return variant(l, s);
      }),
    );
    const chosen = readerVariant(story, locale, settings);
    expect(chosen && { locale: chosen.variant.locale, isFallback: chosen.isFallback }).toEqual(expected);
  });
});

describe('pickTranslation', () => {
  it.each([
    ['its own', 'en', { zh: 'zh', en: 'en' }, 'en'],
    ['a declared fallback', 'ja', { zh: 'zh', en: 'en' }, 'en'],
    ['the default locale', 'fr', { zh: 'zh', en: 'en' }, 'zh'],
    ['any at all', 'fr', { de: 'de' }, 'de'],
    ['none', 'en', {}, undefined],
  ])('%s', (_, locale, translations, expected) => {
    expect(pickTranslation(translations as Record<string, string>, locale, settings)).toBe(expected);
  });
});

describe('presentSummary', () => {
  const ctx = {
    siteUrl: SITE,
    mediaUrl: (file: string) => `${SITE}/media/${file}`,
    settings,
    sections: [
      {
        id: 1,
        key: 'chips',
        position: 1,
        translations: {
          zh: { name: '芯片', slug: 'xin-pian', description: '' },
          en: { name: 'Chips', slug: 'chips', description: '' },
        },
      },
    ],
    entities: [],
    media: [
      {
        id: 7,
        fileName: 'hero.jpg',
        mimeType: 'image/jpeg',
        width: 1600,
        height: 900,
        renditions: [
          { width: 1600, file: 'hero-1600.webp' },
          // A height recorded at encoding wins over one scaled from the aspect ratio.
          { width: 480, file: 'hero-480.webp', height: 271 },
          { width: 960, file: 'hero-960.webp' },
        ],
        credit: 'Photo: A. Person',
        createdAt: '',
      },
    ],
  };

  it('links a fallback under the reader’s locale and section slug, with the image made absolute', () => {
    const story = { ...storyWith('zh', [variant('zh', 'published')]), heroMediaId: 7 };
    const summary = presentSummary(ctx, story, 'en');
    expect(summary).toMatchObject({
      locale: 'zh',
      isFallback: true,
      url: `${SITE}/en/chips/slug-zh`,
      section: { key: 'chips', name: 'Chips', slug: 'chips', url: `${SITE}/en/chips/` },
    });
    // The size given is the linked file's (960 wide), not the original's 1600×900.
    expect(summary?.image).toEqual({
      url: `${SITE}/media/hero-960.webp`,
      width: 960,
      height: 540,
      alt: '',
      credit: 'Photo: A. Person',
      renditions: [
        { width: 480, height: 271, url: `${SITE}/media/hero-480.webp` },
        { width: 960, height: 540, url: `${SITE}/media/hero-960.webp` },
        { width: 1600, height: 900, url: `${SITE}/media/hero-1600.webp` },
      ],
    });
  });

  it('links its own variant under its own section slug', () => {
    const summary = presentSummary(ctx, storyWith('zh', [variant('zh', 'published')]), 'zh');
    expect(summary?.url).toBe(`${SITE}/zh/xin-pian/slug-zh`);
    expect(summary?.image).toBeNull();
  });
});
