import { describe, expect, it } from 'vitest';
import { numberedSlug, slugify, uniqueSlug } from './slug.js';

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

const WORDS = 'Blackwell inference computing platforms worldwide customers scheduled shipments';
// 200 characters whose slug is 79: a numbered copy must cut a word from the base to fit.
const LONG_200 = `${WORDS} ${WORDS} ${WORDS}`.slice(0, 200);
const CUT_BASE = 'blackwell-inference-computing-platforms-worldwide-customers-scheduled';
const LONG_200_SLUG = slugify(LONG_200, 'en');
const LONG_CJK = '英伟达在本周的开发者大会上发布了新一代数据中心芯片'.repeat(8);
const LONG_CJK_SLUG = slugify(LONG_CJK, 'zh');

describe('numberedSlug', () => {
  it('starts from a 79-character slug for the 200-character title', () => {
    expect(LONG_200).toHaveLength(200);
    expect(LONG_200_SLUG).toBe(`${CUT_BASE}-shipments`);
  });

  it.each([
    ['first is the base itself', 'h100', 1, 'h100'],
    ['second', 'h100', 2, 'h100-2'],
    ['tenth', 'h100', 10, 'h100-10'],
    ['a base ending in a number', 'h100-2', 2, 'h100-2-2'],
  ])('%s', (_, base, n, slug) => {
    expect(numberedSlug(base, n)).toBe(slug);
  });

  it.each([
    ['a long Latin base', LONG_200_SLUG, 'en'],
    ['a long Chinese base', LONG_CJK_SLUG, 'zh'],
    ['one 80-character word', 'a'.repeat(80), 'en'],
  ])('keeps %s within 80 characters, cutting the base and never the suffix', (_, base, locale) => {
    expect(Array.from(base).length).toBeGreaterThan(70);
    for (const n of [2, 9, 10, 99, 100, 10_000]) {
      const slug = numberedSlug(base, n, locale);
      expect(Array.from(slug).length).toBeLessThanOrEqual(80);
      expect(slug.endsWith(`-${n}`)).toBe(true);
      expect(base.startsWith(slug.slice(0, -`-${n}`.length))).toBe(true);
    }
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
    ['an existing -2 is skipped', 'h100', ['h100', 'h100-2'], 'h100-3'],
    ['a title that is itself numbered', 'h100-2', ['h100-2'], 'h100-2-2'],
    ['CJK', '英伟达-财报', ['英伟达-财报'], '英伟达-财报-2'],
    ['punctuation-only titles share "story"', slugify('？！……', 'zh'), ['story'], 'story-2'],
    ['punctuation-only, twice', slugify('!!!', 'en'), ['story', 'story-2'], 'story-3'],
    ['a long title, second copy', LONG_200_SLUG, [LONG_200_SLUG], `${CUT_BASE}-2`],
    [
      'a long title, third copy (the cut-down -2 of the second copy is seen as taken)',
      LONG_200_SLUG,
      [LONG_200_SLUG, `${CUT_BASE}-2`],
      `${CUT_BASE}-3`,
    ],
    [
      'a long CJK title, third copy',
      LONG_CJK_SLUG,
      [LONG_CJK_SLUG, numberedSlug(LONG_CJK_SLUG, 2, 'zh')],
      numberedSlug(LONG_CJK_SLUG, 3, 'zh'),
    ],
  ])('%s', async (_, base, taken, slug) => {
    expect(await uniqueSlug(base, takenIn(...taken))).toBe(slug);
  });

  it('numbers two long titles that only differ after the cut as one', async () => {
    const first = slugify(`${LONG_200} first ending`, 'en');
    const second = slugify(`${LONG_200} another ending`, 'en');
    expect(first).toBe(second);
    expect(await uniqueSlug(second, takenIn(first))).toBe(numberedSlug(first, 2));
  });

  it('gives ten copies of a 200-character title ten distinct slugs within 80 characters', async () => {
    const taken: string[] = [];
    for (let i = 0; i < 10; i++) taken.push(await uniqueSlug(LONG_200_SLUG, takenIn(...taken), 'en'));
    expect(new Set(taken).size).toBe(10);
    for (const slug of taken) expect(slug.length).toBeLessThanOrEqual(80);
    expect(taken[9]).toMatch(/-10$/);
  });

  it('accepts a predicate that asks the database (a promise)', async () => {
    expect(await uniqueSlug('h100', async (slug) => slug === 'h100')).toBe('h100-2');
  });

  it('fails instead of looping forever', async () => {
    await expect(uniqueSlug('x', () => true)).rejects.toThrow(/No free slug/);
  });
});
