import { describe, expect, it } from 'vitest';
import { hreflangLinks, hreflangTag, htmlLangTag } from './hreflang.js';

const SITE = 'https://news.example.test';
const zh = { locale: 'zh', url: `${SITE}/zh/ai-models/h100` };
const en = { locale: 'en', url: `${SITE}/en/ai-models/h100` };
const ja = { locale: 'ja', url: `${SITE}/ja/ai-models/h100` };
const ptBR = { locale: 'pt-BR', url: `${SITE}/pt-BR/ai-models/h100` };

describe('htmlLangTag and hreflangTag', () => {
  it.each([
    ['zh', 'zh-Hans'],
    ['en', 'en'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-TW', 'zh-TW'],
    ['pt-BR', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['EN', 'en'],
    ['not a tag', 'not a tag'],
  ])('%s → %s', (locale, tag) => {
    expect(htmlLangTag(locale)).toBe(tag);
    expect(hreflangTag(locale)).toBe(tag);
  });
});

describe('hreflangLinks', () => {
  it.each([
    [
      'two variants, default present',
      [zh, en],
      'en',
      [
        { hreflang: 'en', href: en.url },
        { hreflang: 'zh-Hans', href: zh.url },
        { hreflang: 'x-default', href: en.url },
      ],
    ],
    [
      'default locale missing: first in tag order',
      [zh, ja],
      'en',
      [
        { hreflang: 'ja', href: ja.url },
        { hreflang: 'zh-Hans', href: zh.url },
        { hreflang: 'x-default', href: ja.url },
      ],
    ],
    [
      'one variant still names itself and x-default',
      [zh],
      'en',
      [
        { hreflang: 'zh-Hans', href: zh.url },
        { hreflang: 'x-default', href: zh.url },
      ],
    ],
    ['no variants', [], 'en', []],
    [
      'repeated locale keeps the first URL',
      [en, { locale: 'en', url: `${SITE}/en/other` }],
      'en',
      [
        { hreflang: 'en', href: en.url },
        { hreflang: 'x-default', href: en.url },
      ],
    ],
    [
      'default given as zh matches zh-Hans',
      [en, zh],
      'zh',
      [
        { hreflang: 'en', href: en.url },
        { hreflang: 'zh-Hans', href: zh.url },
        { hreflang: 'x-default', href: zh.url },
      ],
    ],
  ])('%s', (_, variants, defaultLocale, links) => {
    expect(hreflangLinks(variants, defaultLocale)).toEqual(links);
  });

  it.each([
    ['two', [zh, en]],
    ['four', [zh, en, ja, ptBR]],
    ['four without the default', [zh, ja, ptBR]],
  ])('is reciprocal: every page of %s variants gets the identical set', (_, variants) => {
    // Each page builds its set from the variants in its own order (itself first, say).
    const sets = variants.map((self) =>
      hreflangLinks([self, ...variants.filter((v) => v !== self)].reverse(), 'en'),
    );
    for (const set of sets) expect(set).toEqual(sets[0]);
    const first = sets[0] ?? [];
    for (const variant of variants) expect(first.map((l) => l.href)).toContain(variant.url);
    expect(first.filter((l) => l.hreflang === 'x-default')).toHaveLength(1);
    expect(new Set(first.map((l) => l.hreflang)).size).toBe(first.length);
  });
});
