import { describe, expect, it } from 'vitest';
import { ogLocale, type SocialMetaInput, socialMeta } from './social-meta.js';

const SITE = 'https://news.example.test';

const story: SocialMetaInput = {
  siteName: 'Code Velocity',
  url: `${SITE}/zh/ai-models/h100`,
  title: '英伟达与 AMD 的新一代 AI 芯片对比',
  description: '从显存、带宽到软件生态，逐项比较。',
  locale: 'zh',
  alternateLocales: ['en', 'ja'],
  image: { url: `${SITE}/media/h100.webp`, width: 1600, height: 900, alt: '英伟达 H100 主板特写' },
  type: 'article',
  publishedTime: '2025-03-02T09:30:00Z',
  modifiedTime: '2025-03-03T08:00:00Z',
  section: 'AI模型',
  tags: ['英伟达', 'AMD'],
};

describe('ogLocale', () => {
  it.each([
    ['zh', 'zh_CN'],
    ['en', 'en_US'],
    ['zh-Hant', 'zh_TW'],
    ['en-GB', 'en_GB'],
    ['pt-BR', 'pt_BR'],
    ['ja', 'ja_JP'],
    ['xx', 'xx'],
    ['not a tag', 'not a tag'],
  ])('%s → %s', (locale, tag) => expect(ogLocale(locale)).toBe(tag));
});

describe('socialMeta', () => {
  it('describes an article with an image', () => {
    expect(socialMeta(story)).toEqual([
      { property: 'og:type', content: 'article' },
      { property: 'og:site_name', content: 'Code Velocity' },
      { property: 'og:title', content: '英伟达与 AMD 的新一代 AI 芯片对比' },
      { property: 'og:description', content: '从显存、带宽到软件生态，逐项比较。' },
      { property: 'og:url', content: `${SITE}/zh/ai-models/h100` },
      { property: 'og:locale', content: 'zh_CN' },
      { property: 'og:locale:alternate', content: 'en_US' },
      { property: 'og:locale:alternate', content: 'ja_JP' },
      { property: 'og:image', content: `${SITE}/media/h100.webp` },
      { property: 'og:image:width', content: '1600' },
      { property: 'og:image:height', content: '900' },
      { property: 'og:image:alt', content: '英伟达 H100 主板特写' },
      { property: 'article:published_time', content: '2025-03-02T09:30:00Z' },
      { property: 'article:modified_time', content: '2025-03-03T08:00:00Z' },
      { property: 'article:section', content: 'AI模型' },
      { property: 'article:tag', content: '英伟达' },
      { property: 'article:tag', content: 'AMD' },
      { name: 'twitter:card', content: 'summary_large_image' },
      { name: 'twitter:image:alt', content: '英伟达 H100 主板特写' },
    ]);
  });

  it('describes a website page without an image', () => {
    const { image: _image, publishedTime: _p, modifiedTime: _m, section: _s, tags: _t, ...page } = story;
    expect(socialMeta({ ...page, type: 'website', title: 'Code Velocity', alternateLocales: [] })).toEqual([
      { property: 'og:type', content: 'website' },
      { property: 'og:site_name', content: 'Code Velocity' },
      { property: 'og:title', content: 'Code Velocity' },
      { property: 'og:description', content: '从显存、带宽到软件生态，逐项比较。' },
      { property: 'og:url', content: `${SITE}/zh/ai-models/h100` },
      { property: 'og:locale', content: 'zh_CN' },
      { name: 'twitter:card', content: 'summary' },
    ]);
  });

  it.each([
    ['article fields on a website page', { type: 'website' as const }, 'article:', false],
    ['an empty description', { description: '' }, 'og:description', false],
    [
      'an article without dates',
      { publishedTime: undefined, modifiedTime: undefined },
      'article:published_time',
      false,
    ],
    [
      'its own locale among the alternates',
      { alternateLocales: ['zh', 'en', 'en'] },
      'og:locale:alternate',
      true,
    ],
  ])('handles %s', (_, change, key, present) => {
    const tags = socialMeta({ ...story, ...change });
    expect(tags.some((tag) => (tag.property ?? tag.name ?? '').startsWith(key))).toBe(present);
  });

  it('lists each alternate once and never the page locale', () => {
    const tags = socialMeta({ ...story, alternateLocales: ['zh', 'en', 'en', 'zh-Hant'] });
    expect(tags.filter((t) => t.property === 'og:locale:alternate').map((t) => t.content)).toEqual([
      'en_US',
      'zh_TW',
    ]);
  });

  it('passes text through unescaped: escaping is the view’s job', () => {
    const tags = socialMeta({ ...story, title: '"><script>alert(1)</script>' });
    expect(tags.find((t) => t.property === 'og:title')?.content).toBe('"><script>alert(1)</script>');
  });
});
