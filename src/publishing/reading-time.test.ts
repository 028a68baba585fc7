import { describe, expect, it } from 'vitest';
import { countReadingUnits, readingMinutes } from './reading-time.js';

const HAN_SOURCE =
  '英伟达在本周的开发者大会上发布了新一代数据中心芯片该芯片采用两块裸片封装显存带宽大幅提升训练大模型的成本随之下降';

/** Exactly `count` Han characters, with a full-width comma every 20 (punctuation is not counted). */
function han(count: number): string {
  const chars = Array.from(HAN_SOURCE);
  let text = '';
  for (let i = 0; i < count; i++) {
    text += chars[i % chars.length];
    if (i % 20 === 19) text += '，';
  }
  return text;
}

const ENGLISH =
  'the new accelerator doubles memory bandwidth while cutting power for large model training'.split(' ');

/** Exactly `count` English words. */
function english(count: number): string {
  return Array.from({ length: count }, (_, i) => ENGLISH[i % ENGLISH.length]).join(' ');
}

const noFaq = (body: string) => ({ body, faq: [] });

// The reference page (ARCHITECTURE.md): ~2,150 Han characters and 50 Latin words in the body, a
// six-item English FAQ of ~650 words. 2150/500 + 700/265 = 6.94, shown as 7.
const brandNames = english(50);
const reference = {
  body: `## 背景\n\n${han(998)}\n\n${brandNames}\n\n## 对比\n\n${han(1148)}`,
  faq: Array.from({ length: 6 }, (_, i) => ({
    question: `${english(10)}?`,
    answer: english(i < 2 ? 97 : 99),
  })),
};

describe('countReadingUnits', () => {
  it.each([
    ['Han', '英伟达发布芯片', { cjkChars: 7, words: 0 }],
    ['kana with long-vowel mark', 'データセンター', { cjkChars: 7, words: 0 }],
    ['Hangul', '엔비디아', { cjkChars: 4, words: 0 }],
    ['mixed', 'Nvidia 的 H100 GPU', { cjkChars: 1, words: 3 }],
    ['numbers are words', '2,150 characters, 3.5 GHz', { cjkChars: 0, words: 4 }],
    ['emoji are not words', '🚀 🔥 👍🏽 ❤️', { cjkChars: 0, words: 0 }],
    ['punctuation is not counted', '，。！？—…「」', { cjkChars: 0, words: 0 }],
    ['long text counted in pieces, exactly', english(5000), { cjkChars: 0, words: 5000 }],
    [
      'long text with newlines and tabs',
      `${english(3000)}\n\n\t${english(3000)}`,
      { cjkChars: 0, words: 6000 },
    ],
  ])('%s', (_, text, units) => expect(countReadingUnits(text)).toEqual(units));

  it('builds the reference fixture to its stated size', () => {
    const faqText = reference.faq.map((item) => `${item.question} ${item.answer}`).join(' ');
    expect(countReadingUnits(reference.body)).toEqual({ cjkChars: 2150, words: 50 });
    expect(countReadingUnits(faqText).words).toBe(650);
  });
});

describe('readingMinutes', () => {
  it.each([
    ['reference page: 2,150 Han chars + 50 words, 650-word FAQ', reference, 7],
    ['empty body, no FAQ', noFaq(''), 1],
    ['whitespace only', noFaq(' \n\n\t'), 1],
    ['530 English words', noFaq(english(530)), 2],
    ['397 words rounds down (1.498)', noFaq(english(397)), 1],
    ['398 words rounds up (1.502)', noFaq(english(398)), 2],
    ['only CJK: 2,500 Han', noFaq(han(2500)), 5],
    ['only CJK: 1,249 Han rounds down', noFaq(han(1249)), 2],
    ['only CJK: 1,250 Han rounds half up', noFaq(han(1250)), 3],
    ['Japanese kana', noFaq('データセンター'.repeat(250)), 4],
    ['Korean Hangul', noFaq('엔비디아의 새로운 칩 '.repeat(200)), 4],
    ['mixed scripts: 1,000 Han + 265 words', noFaq(`${han(1000)}\n\n${english(265)}`), 3],
    ['emoji are not words', noFaq('🚀 '.repeat(2000)), 1],
    ['emoji beside 530 words add nothing', noFaq(`${english(530)} ${'🔥 '.repeat(500)}`), 2],
    ['numbers are read as words', noFaq(Array.from({ length: 530 }, (_, i) => `${i},000`).join(' ')), 2],
    ['FAQ only', { body: '', faq: [{ question: english(30), answer: english(500) }] }, 2],
    ['very long text: 265,000 words', noFaq(english(265_000)), 1000],
  ])('%s', (_, variant, minutes) => expect(readingMinutes(variant)).toBe(minutes));

  it('does not count Markdown markup or link targets', () => {
    const linked = Array.from(
      { length: 397 },
      (_, i) => `[**${ENGLISH[i % ENGLISH.length]}**](https://example.test/a/b/c/d/e/f/g/h?page=${i})`,
    ).join(' ');
    expect(readingMinutes(noFaq(linked))).toBe(1);
    expect(readingMinutes(noFaq(`${linked} more`))).toBe(2);
  });

  it('counts Markdown in FAQ answers as text only', () => {
    const answer = Array.from({ length: 530 }, () => '[word](story:some-very-long-story-slug)').join(' ');
    expect(readingMinutes({ body: '', faq: [{ question: '', answer }] })).toBe(2);
  });
});
