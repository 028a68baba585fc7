import { FNV_OFFSET, FNV_PRIME, mix32 } from './hash.js';
import { isCjk, tokenise } from './normalise.js';

export type ShingleOptions = {
  /** Words per shingle for Latin (and other spaced) text. */
  wordsPerShingle?: number;
  /** Characters per shingle for Han, Kana and Hangul text. */
  charsPerShingle?: number;
};

export type SignatureSource = { title: string | null; text: string | null };

export type SignatureTextOptions = {
  /** How much of the body or summary follows the title, in words (two CJK characters count as one). */
  maxBodyWords?: number;
};

// Chosen by measurement (labelled-stories.test.ts and near-duplicates.corpus.test.ts print the
// figures): word trigrams split lightly edited copies apart, single words make unrelated stories
// look alike; Chinese character bigrams put copies on the same similarity scale as English word
// bigrams, where character trigrams score lower. Intl.Segmenter words were measured on the
// Chinese half of test/fixtures/labelled-stories: as unigrams they bring distinct stories to 0.28 (bigrams of
// characters: 0.21) at 2.3 times the cost, as bigrams they miss more copies; they also split names
// (英伟达 → 英伟 + 达) and depend on the ICU data Node was built with.
const DEFAULT_WORDS_PER_SHINGLE = 2;
const DEFAULT_CHARS_PER_SHINGLE = 2;
// The title and lead are what outlets copy; later paragraphs are rewritten or cut, and a long body
// would make a feed's short summary look unlike the full article. 80 words is about three lead
// sentences: enough to reach a rewrite's reordered facts, little enough for a snippet to match.
const DEFAULT_MAX_BODY_WORDS = 80;
// Chinese averages under two characters per word.
const CJK_CHARS_PER_WORD = 2;
const SPACE = 0x20;

/** The text a duplicate signature is made from: the title and the first part of the body or summary. */
export function signatureText(source: SignatureSource, options: SignatureTextOptions = {}): string {
  const budget = (options.maxBodyWords ?? DEFAULT_MAX_BODY_WORDS) * CJK_CHARS_PER_WORD;
  const parts = tokenise(source.title ?? '');
  let spent = 0;
  for (const token of tokenise(source.text ?? '')) {
    spent += isCjk(token) ? 1 : CJK_CHARS_PER_WORD;
    if (spent > budget) break;
    parts.push(token);
  }
  return parts.join(' ');
}

/**
 * Calls visit(start, end) for each shingle of a token list: one window starting at each token, as
 * many tokens long as the starting token's script asks for, so mixed text (英伟达发布H200芯片) needs
 * no special case. A text shorter than one window is its own only shingle, so short titles compare.
 */
function eachWindow(tokens: string[], options: ShingleOptions, visit: (start: number, end: number) => void) {
  const words = options.wordsPerShingle ?? DEFAULT_WORDS_PER_SHINGLE;
  const chars = options.charsPerShingle ?? DEFAULT_CHARS_PER_SHINGLE;
  for (let start = 0; start < tokens.length; start++) {
    const end = start + (isCjk(tokens[start] as string) ? chars : words);
    if (end <= tokens.length) visit(start, end);
    else if (start === 0) visit(0, tokens.length);
  }
}

/** The distinct shingles of a text, each its tokens joined by one space. */
export function shingles(text: string, options: ShingleOptions = {}): string[] {
  const tokens = tokenise(text);
  const found = new Set<string>();
  eachWindow(tokens, options, (start, end) => found.add(tokens.slice(start, end).join(' ')));
  return [...found];
}

/**
 * hashString of every shingle of a text (repeats included), computed without building the shingle
 * strings: FNV-1a runs over each window's characters with the same single spaces `shingles` puts in.
 */
export function shingleHashes(text: string, options: ShingleOptions = {}): number[] {
  const tokens = tokenise(text);
  const hashes: number[] = [];
  eachWindow(tokens, options, (start, end) => {
    let h = FNV_OFFSET;
    for (let t = start; t < end; t++) {
      if (t > start) h = Math.imul(h ^ SPACE, FNV_PRIME);
      const token = tokens[t] as string;
      for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), FNV_PRIME);
    }
    hashes.push(mix32(h));
  });
  return hashes;
}
