/**
 * Reading time of a story variant, aware of CJK scripts.
 *
 * Rates: 265 words a minute is Medium's published rate for prose; CJK text is read by the
 * character, at 500 characters a minute (ARCHITECTURE.md, checked against the reference page:
 * 2,150 Han characters plus 700 Latin words reads "7 min").
 */
import { markdownToPlainText } from './markdown.js';

const WORDS_PER_MINUTE = 265;
const CJK_CHARS_PER_MINUTE = 500;

// Han, kana and Hangul are counted per character. The long-vowel mark ー is Script=Common in
// Unicode but only ever appears inside katakana words, so it counts with them.
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]/gu;

// Segmenting once per module: building a segmenter loads ICU break rules. The default locale's
// rules are fine here because CJK text has already been taken out.
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

// V8's segmenter (Node 20) slows down quadratically on one long string: 40,000 words took 17 s
// in one piece and 265,000 words take about 0.2 s in 500-character pieces (measured with
// `node` on this machine). Pieces end at whitespace, always a word boundary, so counts match;
// only a run of 500+ characters without any space (Thai, say) may gain a word at each cut.
const PIECE = /[\s\S]{1,500}(?:\s|$)|[\s\S]{1,500}/g;

/** The FAQ shape this rule needs; structural so `publishing` does not depend on `stories`. */
export interface ReadingFaqItem {
  question: string;
  /** Markdown. */
  answer: string;
}

/** How much a reader reads: CJK characters and other word-like segments (numbers included). */
export function countReadingUnits(text: string): { cjkChars: number; words: number } {
  const cjkChars = text.match(CJK_CHAR)?.length ?? 0;
  let wordCount = 0;
  // Emoji and punctuation are not word-like; a number such as "2,150" is one word, as read aloud.
  for (const [piece] of text.replace(CJK_CHAR, ' ').matchAll(PIECE)) {
    for (const segment of words.segment(piece)) {
      if (segment.isWordLike) wordCount += 1;
    }
  }
  return { cjkChars, words: wordCount };
}

/**
 * Minutes to read the body and the FAQ (questions and answers), rounded to the nearest minute and
 * never below 1. Markdown markup and link targets are not read, so they are not counted.
 */
export function readingMinutes(variant: { body: string; faq: ReadingFaqItem[] }): number {
  const text = [
    markdownToPlainText(variant.body),
    ...variant.faq.flatMap((item) => [item.question, markdownToPlainText(item.answer)]),
  ].join('\n\n');
  const { cjkChars, words: wordCount } = countReadingUnits(text);
  const minutes = cjkChars / CJK_CHARS_PER_MINUTE + wordCount / WORDS_PER_MINUTE;
  return Math.max(1, Math.round(minutes));
}
