import { describe, expect, it } from 'vitest';
import { chooseLocale, parseAcceptLanguage, variantFallback } from './locale-negotiation.js';

const site = { enabled: ['zh', 'en'], defaultLocale: 'en' };

describe('parseAcceptLanguage', () => {
  it.each([
    ['undefined', undefined, []],
    ['empty', '', []],
    [
      'weights sorted, ties in header order',
      'en;q=0.5, zh-CN, zh;q=0.9, fr;q=0.5',
      [
        { range: 'zh-cn', q: 1 },
        { range: 'zh', q: 0.9 },
        { range: 'en', q: 0.5 },
        { range: 'fr', q: 0.5 },
      ],
    ],
    [
      'spaces around parts',
      ' en-GB ; q=0.8 ,  * ;q=0.1',
      [
        { range: 'en-gb', q: 0.8 },
        { range: '*', q: 0.1 },
      ],
    ],
    ['q=0 kept as a refusal', 'en;q=0', [{ range: 'en', q: 0 }]],
    ['q above 1 dropped', 'en;q=1.5, zh', [{ range: 'zh', q: 1 }]],
    ['four decimals dropped', 'en;q=0.1234, zh', [{ range: 'zh', q: 1 }]],
    ['negative q dropped', 'en;q=-1, zh', [{ range: 'zh', q: 1 }]],
    ['not-a-number q dropped', 'en;q=abc, zh', [{ range: 'zh', q: 1 }]],
    ['extra parameters dropped', 'en;q=0.5;level=1, zh', [{ range: 'zh', q: 1 }]],
    ['subtag over 8 chars dropped', 'en-abcdefghi, zh', [{ range: 'zh', q: 1 }]],
    ['script injection dropped', '<script>, zh', [{ range: 'zh', q: 1 }]],
    ['underscores dropped', 'zh_CN, en', [{ range: 'en', q: 1 }]],
    ['only commas', ',,,', []],
    ['oversized header ignored', `${'en,'.repeat(2000)}zh`, []],
  ])('%s', (_, header, ranges) => expect(parseAcceptLanguage(header)).toEqual(ranges));

  it('reads at most 32 entries', () => {
    expect(parseAcceptLanguage(Array.from({ length: 40 }, () => 'en').join(','))).toHaveLength(32);
  });
});

describe('chooseLocale', () => {
  it.each([
    ['cookie wins over the header', { cookie: 'zh', acceptLanguage: 'en' }, 'zh'],
    ['cookie case does not matter', { cookie: 'ZH' }, 'zh'],
    ['cookie for a disabled locale ignored', { cookie: 'fr', acceptLanguage: 'zh' }, 'zh'],
    ['garbage cookie ignored', { cookie: '"><script>', acceptLanguage: 'zh' }, 'zh'],
    ['empty cookie ignored', { cookie: '', acceptLanguage: 'zh' }, 'zh'],
    ['nothing given: default', {}, 'en'],
    ['zh-CN matches zh', { acceptLanguage: 'zh-CN,zh;q=0.9,en;q=0.8' }, 'zh'],
    ['zh-TW matches zh', { acceptLanguage: 'zh-TW' }, 'zh'],
    ['zh-Hans matches zh', { acceptLanguage: 'zh-Hans' }, 'zh'],
    ['en-GB matches en', { acceptLanguage: 'en-GB,en;q=0.9' }, 'en'],
    ['weights beat order', { acceptLanguage: 'en;q=0.4, zh;q=0.8' }, 'zh'],
    ['unknown locales skipped', { acceptLanguage: 'fr-FR, de;q=0.9, zh;q=0.5' }, 'zh'],
    ['only unknown locales: default', { acceptLanguage: 'fr-FR, de;q=0.9' }, 'en'],
    ['q=0 is never chosen', { acceptLanguage: 'zh;q=0' }, 'en'],
    ['wildcard prefers the default', { acceptLanguage: 'fr, *;q=0.5' }, 'en'],
    ['wildcard skips a refused default', { acceptLanguage: '*, en;q=0' }, 'zh'],
    [
      'refusing a bare language refuses its regions',
      { acceptLanguage: '*, en;q=0', enabled: ['en-GB', 'zh'] },
      'zh',
    ],
    ['wildcard with everything refused: default', { acceptLanguage: '*, en;q=0, zh;q=0' }, 'en'],
    ['malformed header: default', { acceptLanguage: ';;;q=,,=en' }, 'en'],
    ['malformed entries skipped, good ones used', { acceptLanguage: 'en;q=2, zh;q=0.3' }, 'zh'],
    ['uppercase header', { acceptLanguage: 'ZH-CN' }, 'zh'],
  ])('%s', (_, input, locale) => {
    expect(chooseLocale({ ...site, ...input })).toBe(locale);
  });

  it.each([
    ['zh-TW prefers zh-Hant over zh', 'zh-TW', 'zh-Hant'],
    ['zh-CN prefers zh (Hans) over zh-Hant', 'zh-CN', 'zh'],
    ['exact tag first', 'zh-hant', 'zh-Hant'],
    ['zh-HK prefers zh-Hant', 'zh-HK', 'zh-Hant'],
  ])('with both scripts enabled, %s', (_, acceptLanguage, locale) => {
    expect(chooseLocale({ enabled: ['zh', 'zh-Hant', 'en'], defaultLocale: 'en', acceptLanguage })).toBe(
      locale,
    );
  });

  it('falls back to the default even when no locale is enabled', () => {
    expect(chooseLocale({ enabled: [], defaultLocale: 'en', acceptLanguage: 'zh' })).toBe('en');
  });
});

describe('variantFallback', () => {
  const base = {
    sourceLocale: 'zh',
    defaultLocale: 'en',
    fallbacks: { ja: ['zh', 'en'], 'zh-Hant': ['zh'], fr: ['de'] } as Record<string, string[]>,
  };

  it.each([
    ['the requested locale', 'en', ['zh', 'en'], { locale: 'en', isFallback: false }],
    ['declared fallbacks in order', 'ja', ['en', 'zh'], { locale: 'zh', isFallback: true }],
    ['the second declared fallback', 'ja', ['en'], { locale: 'en', isFallback: true }],
    ['declared fallback missing: source locale', 'fr', ['en', 'zh'], { locale: 'zh', isFallback: true }],
    ['no declaration: source locale', 'ko', ['en', 'zh'], { locale: 'zh', isFallback: true }],
    ['source missing: default locale', 'ko', ['ja', 'en'], { locale: 'en', isFallback: true }],
    [
      'nothing declared is available: first available',
      'ko',
      ['ja', 'de'],
      { locale: 'ja', isFallback: true },
    ],
    ['unknown requested locale', 'xx', ['zh'], { locale: 'zh', isFallback: true }],
    ['no variants', 'en', [], undefined],
  ])('%s', (_, requested, available, choice) => {
    expect(variantFallback({ ...base, requested, available })).toEqual(choice);
  });
});
