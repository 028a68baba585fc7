import { describe, expect, it } from 'vitest';
import {
  breadcrumbListJsonLd,
  faqPageJsonLd,
  type NewsArticleInput,
  newsArticleJsonLd,
  serializeJsonLd,
  truncateHeadline,
} from './structured-data.js';

const SITE = 'https://news.example.test';
const URL_ZH = `${SITE}/zh/ai-models/h100`;

const article: NewsArticleInput = {
  url: URL_ZH,
  headline: '英伟达与 AMD 的新一代 AI 芯片对比',
  description: '从显存、带宽到软件生态，逐项比较。',
  inLanguage: 'zh',
  datePublished: '2025-03-02T09:30:00Z',
  dateModified: '2025-03-03T08:00:00Z',
  image: [
    { url: `${SITE}/media/h100-16x9.webp`, width: 1600, height: 900 },
    { url: `${SITE}/media/h100-1x1.webp`, width: 1200, height: 1200 },
  ],
  authorName: 'Code Velocity',
  publisher: { name: 'Code Velocity', url: `${SITE}/`, logoUrl: `${SITE}/assets/logo.png` },
  section: 'AI模型',
  about: [
    { name: '英伟达', url: `${SITE}/zh/companies/nvidia`, kind: 'company' },
    { name: 'H100', url: `${SITE}/zh/gpus/h100`, kind: 'gpu' },
    { name: 'Llama 3', url: `${SITE}/zh/models/llama-3`, kind: 'model' },
    { name: '黄仁勋', url: `${SITE}/zh/people/jensen-huang`, kind: 'person' },
    { name: '推理', url: `${SITE}/zh/topics/inference`, kind: 'topic' },
    { name: '未知', url: `${SITE}/zh/x`, kind: 'something-new' },
  ],
  keywords: ['GPU', '数据中心'],
};

describe('newsArticleJsonLd', () => {
  it('builds a complete NewsArticle', () => {
    expect(newsArticleJsonLd(article)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': URL_ZH },
      url: URL_ZH,
      headline: '英伟达与 AMD 的新一代 AI 芯片对比',
      description: '从显存、带宽到软件生态，逐项比较。',
      inLanguage: 'zh-Hans',
      datePublished: '2025-03-02T09:30:00Z',
      dateModified: '2025-03-03T08:00:00Z',
      image: [
        { '@type': 'ImageObject', url: `${SITE}/media/h100-16x9.webp`, width: 1600, height: 900 },
        { '@type': 'ImageObject', url: `${SITE}/media/h100-1x1.webp`, width: 1200, height: 1200 },
      ],
      author: [{ '@type': 'Organization', name: 'Code Velocity' }],
      publisher: {
        '@type': 'Organization',
        name: 'Code Velocity',
        url: `${SITE}/`,
        logo: { '@type': 'ImageObject', url: `${SITE}/assets/logo.png` },
      },
      articleSection: 'AI模型',
      about: [
        { '@type': 'Organization', name: '英伟达', url: `${SITE}/zh/companies/nvidia` },
        { '@type': 'Product', name: 'H100', url: `${SITE}/zh/gpus/h100` },
        { '@type': 'SoftwareApplication', name: 'Llama 3', url: `${SITE}/zh/models/llama-3` },
        { '@type': 'Person', name: '黄仁勋', url: `${SITE}/zh/people/jensen-huang` },
        { '@type': 'Thing', name: '推理', url: `${SITE}/zh/topics/inference` },
        { '@type': 'Thing', name: '未知', url: `${SITE}/zh/x` },
      ],
      keywords: 'GPU, 数据中心',
    });
  });

  it('leaves out what is not given', () => {
    const { image: _image, keywords: _keywords, ...rest } = article;
    const jsonLd = newsArticleJsonLd({
      ...rest,
      about: [],
      publisher: { name: 'CV', url: `${SITE}/` },
      authorType: 'Person',
    });
    expect(jsonLd).not.toHaveProperty('image');
    expect(jsonLd).not.toHaveProperty('keywords');
    expect(jsonLd).not.toHaveProperty('about');
    expect(jsonLd.publisher).toEqual({ '@type': 'Organization', name: 'CV', url: `${SITE}/` });
    expect(jsonLd.author).toEqual([{ '@type': 'Person', name: 'Code Velocity' }]);
  });
});

describe('truncateHeadline', () => {
  const words = 'Nvidia and AMD race to ship the next generation of data-center accelerators '.repeat(3);
  it.each([
    ['short headline unchanged', 'Nvidia ships B200', 'Nvidia ships B200'],
    ['exactly 110 kept', 'x'.repeat(110), 'x'.repeat(110)],
    [
      'long Latin cut at a word',
      words,
      'Nvidia and AMD race to ship the next generation of data-center accelerators Nvidia and AMD race to ship the…',
    ],
    ['long CJK cut anywhere', '英'.repeat(200), `${'英'.repeat(109)}…`],
    ['astral characters not split', '𠀀'.repeat(200), `${'𠀀'.repeat(109)}…`],
  ])('%s', (_, headline, expected) => {
    const result = truncateHeadline(headline);
    expect(result).toBe(expected);
    expect(Array.from(result).length).toBeLessThanOrEqual(110);
  });

  it('is applied to the NewsArticle headline', () => {
    const headline = newsArticleJsonLd({ ...article, headline: words }).headline as string;
    expect(Array.from(headline).length).toBeLessThanOrEqual(110);
    expect(headline.endsWith('…')).toBe(true);
  });
});

describe('faqPageJsonLd', () => {
  it('builds an FAQPage', () => {
    expect(
      faqPageJsonLd(URL_ZH, 'zh', [{ question: '什么是 H100？', answerText: '英伟达的数据中心 GPU。' }]),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      url: URL_ZH,
      inLanguage: 'zh-Hans',
      mainEntity: [
        {
          '@type': 'Question',
          name: '什么是 H100？',
          acceptedAnswer: { '@type': 'Answer', text: '英伟达的数据中心 GPU。' },
        },
      ],
    });
  });

  it('returns undefined without items', () => {
    expect(faqPageJsonLd(URL_ZH, 'zh', [])).toBeUndefined();
  });
});

describe('breadcrumbListJsonLd', () => {
  it.each([
    ['empty', [], []],
    [
      'three levels',
      [
        { name: '首页', url: `${SITE}/zh/` },
        { name: 'AI模型', url: `${SITE}/zh/ai-models/` },
        { name: 'H100', url: URL_ZH },
      ],
      [
        { '@type': 'ListItem', position: 1, name: '首页', item: `${SITE}/zh/` },
        { '@type': 'ListItem', position: 2, name: 'AI模型', item: `${SITE}/zh/ai-models/` },
        { '@type': 'ListItem', position: 3, name: 'H100', item: URL_ZH },
      ],
    ],
  ])('%s', (_, items, elements) => {
    expect(breadcrumbListJsonLd(items)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: elements,
    });
  });
});

describe('serializeJsonLd', () => {
  const payload = '</script><script>alert(1)</script>';

  it.each([
    ['a script breakout in the headline', newsArticleJsonLd({ ...article, headline: payload })],
    ['a comment opener', { text: '<!-- x -->' }],
    [
      'a breakout in an FAQ answer',
      faqPageJsonLd(URL_ZH, 'zh', [{ question: payload, answerText: payload }]),
    ],
  ])('keeps %s inside the element', (_, value) => {
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/[<>]/);
    expect(json.toLowerCase()).not.toContain('</script');
    expect(JSON.parse(json)).toEqual(value);
  });

  it.each([
    ['<', '"\\u003c"'],
    ['>', '"\\u003e"'],
    ['&', '"\\u0026"'],
    ['\u2028', '"\\u2028"'],
    ['\u2029', '"\\u2029"'],
    ['英伟达', '"英伟达"'],
  ])('escapes %j as %s', (text, json) => {
    expect(serializeJsonLd(text)).toBe(json);
  });

  it('writes null for undefined', () => {
    expect(serializeJsonLd(undefined)).toBe('null');
  });
});
