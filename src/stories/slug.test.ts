import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from './slug.js';

const LONG_EN =
  'Nvidia and AMD race to ship the next generation of data-center accelerators before the end of the year';

describe('slugify', () => {
  it.each([
    ['plain English', 'Nvidia unveils the B200', 'en', 'nvidia-unveils-the-b200'],
    ['punctuation runs collapse', 'H100 vs. MI300X: who wins?!', 'en', 'h100-vs-mi300x-who-wins'],
    ['leading and trailing junk trimmed', '  --"Hello", world--  ', 'en', 'hello-world'],
    ['apostrophe inside a word joins', "Nvidia's lead, AMD’s answer", 'en', 'nvidias-lead-amds-answer'],
    ['CJK kept', '英伟达发布新一代 AI 芯片', 'zh', '英伟达发布新一代-ai-芯片'],
    [
      'CJK punctuation is a separator',
      '英伟达、AMD 与英特尔：谁将胜出？',
      'zh',
      '英伟达-amd-与英特尔-谁将胜出',
    ],
    ['mixed script', 'Blackwell B200 芯片评测', 'zh', 'blackwell-b200-芯片评测'],
    ['Japanese', 'エヌビディアの新チップ', 'ja', 'エヌビディアの新チップ'],
    ['Korean', '엔비디아 새 칩 공개', 'ko', '엔비디아-새-칩-공개'],
    ['accents kept', 'Café économique à Paris', 'fr', 'café-économique-à-paris'],
    ['decomposed accents composed', 'Cafe\u0301', 'fr', 'café'],
    ['full-width letters folded (NFKC)', 'ＧＰＵ　２０２５', 'zh', 'gpu-2025'],
    ['ligature folded (NFKC)', 'ﬁne-tuning', 'en', 'fine-tuning'],
    ['Turkish dotted capital I', 'İstanbul Işık', 'tr', 'istanbul-ışık'],
    ['Devanagari marks kept', 'हिन्दी समाचार', 'hi', 'हिन्दी-समाचार'],
    ['emoji-only title', '🚀🔥✨', 'en', 'story'],
    ['emoji between words', 'AI 🚀 chips', 'en', 'ai-chips'],
    ['punctuation only', '？！……', 'zh', 'story'],
    ['empty title', '', 'en', 'story'],
    ['invalid locale still works', 'Hello World', 'not a locale', 'hello-world'],
  ])('%s', (_, title, locale, slug) => {
    expect(slugify(title, locale)).toBe(slug);
  });

  it('cuts a long title at a word boundary within 80 characters', () => {
    const slug = slugify(LONG_EN, 'en');
    expect(slug).toBe('nvidia-and-amd-race-to-ship-the-next-generation-of-data-center-accelerators');
    expect(slug.length).toBeLessThanOrEqual(80);
  });

  it('cuts a long Chinese title between words within 80 characters', () => {
    const title = '英伟达在本周的开发者大会上发布了新一代数据中心芯片'.repeat(6);
    const slug = slugify(title, 'zh');
    expect(Array.from(slug).length).toBeLessThanOrEqual(80);
    expect(Array.from(slug).length).toBeGreaterThan(70);
    expect(title.startsWith(slug)).toBe(true);
  });

  it('cuts one giant word between characters', () => {
    const slug = slugify('a'.repeat(200), 'en');
    expect(slug).toBe('a'.repeat(80));
  });

  it('never splits a letter from its combining mark or a surrogate pair', () => {
    const devanagari = slugify('हिन्दी'.repeat(40), 'hi');
    expect(Array.from(devanagari).length).toBeLessThanOrEqual(80);
    expect(devanagari.endsWith('्')).toBe(false);
    const astral = slugify('𠀀'.repeat(100), 'zh');
    expect(astral).toBe('𠀀'.repeat(80));
  });

  it.each([
    ['English', LONG_EN, 'en'],
    ['Chinese', '英伟达发布新一代 AI 芯片：Blackwell B200 评测', 'zh'],
    ['emoji', '🚀', 'en'],
    ['Turkish', 'İstanbul', 'tr'],
    ['long CJK', '数据中心'.repeat(40), 'zh'],
  ])('is idempotent for %s', (_, title, locale) => {
    const once = slugify(title, locale);
    expect(slugify(once, locale)).toBe(once);
  });
});

describe('uniqueSlug', () => {
  const takenIn =
    (...slugs: string[]) =>
    (slug: string) =>
      slugs.includes(slug);

  it.each([
    ['free', 'h100', [], 'h100'],
    ['taken once', 'h100', ['h100'], 'h100-2'],
    ['taken three times', 'h100', ['h100', 'h100-2', 'h100-3'], 'h100-4'],
    ['a gap is reused', 'h100', ['h100', 'h100-3'], 'h100-2'],
    ['CJK', '英伟达-财报', ['英伟达-财报'], '英伟达-财报-2'],
  ])('%s', (_, base, taken, slug) => {
    expect(uniqueSlug(base, takenIn(...taken))).toBe(slug);
  });

  it('keeps the result within 80 characters', () => {
    const base = slugify(`${'word-'.repeat(15)}abcde`, 'en');
    expect(base.length).toBe(80);
    const slug = uniqueSlug(base, takenIn(base));
    expect(slug.endsWith('-2')).toBe(true);
    expect(slug.length).toBeLessThanOrEqual(80);
  });

  it('fails instead of looping forever', () => {
    expect(() => uniqueSlug('x', () => true)).toThrow(/No free slug/);
  });
});
