/**
 * Language QA: finds the parts of a variant written in another language than its locale, block by
 * block, before it is published. The reference page shipped a Chinese body with an English FAQ
 * (ARCHITECTURE.md); that is the defect this catches.
 *
 * Detection trusts scripts first and the statistical detector (eld) second, and every rule leans
 * towards silence when unsure: a false alarm blocks an editor, a miss is caught in review.
 *
 * Locations, stable and human-readable (numbers are 1-based, the same as `index`):
 *   `title` · `summary` · `hero alt` · `body, paragraph group N` (`… (table)` for a table) ·
 *   `faq N, question` · `faq N, answer`
 * A paragraph group is a heading with up to three paragraphs under it, or three paragraphs, or
 * one table's cell text; code blocks are skipped.
 */
import { primaryLanguage } from '../platform/locale.js';
import { type EldInstance, loadEldMedium } from './eld-loader.js';
import { markdownBlocks, markdownToPlainText } from './markdown.js';

export type LanguageField = 'title' | 'summary' | 'body' | 'faq-question' | 'faq-answer' | 'hero-alt';

export interface LanguageFinding {
  location: string;
  field: LanguageField;
  /** 1-based paragraph group or FAQ item; absent for single fields. */
  index?: number;
  /** Primary language subtag expected from the variant's locale, e.g. `zh`. */
  expected: string;
  /** Primary language subtag detected, e.g. `en`. */
  detected: string;
  /** The start of the offending text, whitespace collapsed. */
  excerpt: string;
}

export interface VariantLanguageInput {
  locale: string;
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
  /** `question` is plain text, `answer` Markdown. */
  faq: { question: string; answer: string }[];
  heroAlt: string;
}

// Below these amounts a detector guesses; "GPU", "H100 与 B200" or a name are not evidence.
const MIN_LETTERS = 12;
const MIN_CJK_CHARS = 4;
const PARAGRAPHS_PER_GROUP = 3;
// A CJK character carries about a word, so CJK characters are weighed against Latin words, not
// letters: "英伟达的 H100、Blackwell 和 CUDA 都领先" is Chinese though half its letters are Latin.
const CJK_SHARE = 0.3;
// Japanese prose is roughly a third kana; Chinese has none. A tenth leaves room for kanji-heavy text.
const KANA_SHARE = 0.1;
// Product lists ("Llama 3.1 405B, Mixtral 8x22B") fool n-gram detectors into Spanish or Tagalog
// by a small margin: flag only when the expected language scores clearly below the winner.
const CLOSE_CALL = 0.75;

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]/gu;
const LETTER = /\p{L}/gu;
const WORD = /\p{L}[\p{L}\p{M}\p{N}'’-]*/gu;

/** The statistical detector, loaded once by `loadLanguageDetector` and handed to every check. */
export interface LanguageDetector {
  eld: EldInstance;
  detectable: Set<string>;
}

let loading: Promise<LanguageDetector> | undefined;

/**
 * Loads eld's n-gram database (about 90 MB of memory, see eld-loader.ts) on first use, not at
 * import: a process that only serves readers never checks languages and never pays for it.
 */
export function loadLanguageDetector(): Promise<LanguageDetector> {
  loading ??= loadEldMedium().then((instance) => {
    // Our own instance, so that a language subset set elsewhere in the process cannot change
    // results; cleanup drops URLs, e-mails and codes such as H100 or MI300X before detection.
    instance.enableTextCleanup(true);
    return { eld: instance, detectable: new Set(Object.values(instance.info().Languages)) };
  });
  return loading;
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

interface Detection {
  language: string;
  /** eld's scores when eld decided; absent when the script alone decided. */
  scores?: Record<string, number>;
}

function detectStatistically(detector: LanguageDetector, text: string): Detection | undefined {
  const result = detector.eld.detect(text);
  if (!result.language || !result.isReliable()) return undefined;
  return { language: result.language, scores: result.getScores() };
}

/**
 * The language of a text of unknown language (a followed feed's item), as an ISO 639-1 code, or
 * undefined when there is too little text to say.
 */
export function detectTextLanguage(detector: LanguageDetector, text: string): string | undefined {
  return detectBlock(detector, text, '')?.language;
}

/** What the scripts alone say about a block: a language, too little text, or "ask eld". */
function scriptVerdict(text: string, expected: string): Detection | undefined | 'statistical' {
  const han = count(text, HAN);
  const kana = count(text, KANA);
  const hangul = count(text, HANGUL);
  const cjk = han + kana + hangul;
  const otherWords = count(text.replace(CJK, ' '), WORD);
  if (cjk >= MIN_CJK_CHARS && cjk / (cjk + otherWords) >= CJK_SHARE) {
    if (hangul * 2 >= cjk) return { language: 'ko' };
    if (kana >= cjk * KANA_SHARE) return { language: 'ja' };
    // Han without kana reads as Chinese. For a Japanese variant it may be a kanji-only heading,
    // so only a clear eld verdict counts there.
    if (expected === 'ja') return 'statistical';
    return { language: 'zh' };
  }
  if (count(text, LETTER) - cjk < MIN_LETTERS) return undefined;
  return 'statistical';
}

/** The block's language, or undefined when there is too little text to say. */
function detectBlock(detector: LanguageDetector, text: string, expected: string): Detection | undefined {
  const verdict = scriptVerdict(text, expected);
  if (verdict !== 'statistical') return verdict;
  const detection = detectStatistically(detector, text);
  // eld confuses zh and ja on Han text; without kana it is Chinese (see KANA_SHARE).
  if (detection?.language === 'ja' && count(text, KANA) === 0) return { ...detection, language: 'zh' };
  return detection;
}

function isMismatch(detector: LanguageDetector, expected: string, detection: Detection): boolean {
  if (detection.language === expected) return false;
  if (!detection.scores) return true;
  // Latin against Latin needs eld to know the expected language; CJK expected is a script matter.
  const expectedIsCjk = expected === 'zh' || expected === 'ja' || expected === 'ko';
  if (!expectedIsCjk && !detector.detectable.has(expected)) return false;
  const top = detection.scores[detection.language] ?? 0;
  return (detection.scores[expected] ?? 0) < top * CLOSE_CALL;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : flat;
}

interface Block {
  location: string;
  field: LanguageField;
  index?: number;
  text: string;
}

function bodyGroups(body: string): Block[] {
  const groups: { text: string[]; paragraphs: number; table: boolean }[] = [];
  let current: (typeof groups)[number] | undefined;
  for (const block of markdownBlocks(body)) {
    if (block.kind === 'code') continue;
    if (
      block.kind === 'paragraph' &&
      current &&
      !current.table &&
      current.paragraphs < PARAGRAPHS_PER_GROUP
    ) {
      current.text.push(block.text);
      current.paragraphs += 1;
      continue;
    }
    current = {
      text: [block.text],
      paragraphs: block.kind === 'paragraph' ? 1 : 0,
      table: block.kind === 'table',
    };
    groups.push(current);
  }
  return groups.map((group, i) => ({
    location: `body, paragraph group ${i + 1}${group.table ? ' (table)' : ''}`,
    field: 'body',
    index: i + 1,
    text: group.text.join('\n'),
  }));
}

function variantBlocks(variant: VariantLanguageInput): Block[] {
  return [
    { location: 'title', field: 'title', text: variant.title },
    { location: 'summary', field: 'summary', text: variant.summary },
    { location: 'hero alt', field: 'hero-alt', text: variant.heroAlt },
    ...bodyGroups(variant.body),
    ...variant.faq.flatMap((item, i): Block[] => [
      { location: `faq ${i + 1}, question`, field: 'faq-question', index: i + 1, text: item.question },
      {
        location: `faq ${i + 1}, answer`,
        field: 'faq-answer',
        index: i + 1,
        text: markdownToPlainText(item.answer),
      },
    ]),
  ];
}

/**
 * Every block of the variant not written in its locale's language, in page order: title, summary,
 * hero alt, body groups, FAQ. Languages are compared by primary subtag (`zh-Hant` counts as `zh`).
 */
export function checkVariantLanguage(
  variant: VariantLanguageInput,
  detector: LanguageDetector,
): LanguageFinding[] {
  const expected = primaryLanguage(variant.locale);
  const findings: LanguageFinding[] = [];
  for (const block of variantBlocks(variant)) {
    const detection = detectBlock(detector, block.text, expected);
    if (!detection || !isMismatch(detector, expected, detection)) continue;
    findings.push({
      location: block.location,
      field: block.field,
      ...(block.index !== undefined ? { index: block.index } : {}),
      expected,
      detected: detection.language,
      excerpt: excerpt(block.text),
    });
  }
  return findings;
}

/**
 * For each text (a block of a variant in `locale`), the language it is written in when the same
 * rules as `checkVariantLanguage` find it is not the locale's, else undefined. The blocks an
 * editor publishes over QA's findings thus carry their own `lang` on the page.
 */
export function otherLanguages(
  detector: LanguageDetector,
  locale: string,
  texts: readonly string[],
): (string | undefined)[] {
  const expected = primaryLanguage(locale);
  return texts.map((text) => {
    const detection = detectBlock(detector, text, expected);
    return detection && isMismatch(detector, expected, detection) ? detection.language : undefined;
  });
}

// Stands in for eld when the scripts decide every block; never consulted (see scriptVerdict).
const SCRIPTS_ONLY: LanguageDetector = {
  get eld(): EldInstance {
    throw new Error('language detection needed eld without loading it');
  },
  detectable: new Set(),
};

/**
 * `checkVariantLanguage`, loading eld only when some block needs it: a Chinese, Japanese or
 * Korean variant whose blocks are all CJK text (or too short to judge) is decided by script.
 */
export async function checkVariantLanguageLazily(variant: VariantLanguageInput): Promise<LanguageFinding[]> {
  const expected = primaryLanguage(variant.locale);
  const needsEld = variantBlocks(variant).some(
    (block) => scriptVerdict(block.text, expected) === 'statistical',
  );
  return checkVariantLanguage(variant, needsEld ? await loadLanguageDetector() : SCRIPTS_ONLY);
}

/**
 * A detector fit for judging these texts in `locale`: eld only when some text needs it, so saving
 * Chinese, Japanese or Korean text leaves the model unloaded.
 */
export async function detectorFor(locale: string, texts: readonly string[]): Promise<LanguageDetector> {
  const expected = primaryLanguage(locale);
  const needsEld = texts.some((text) => scriptVerdict(text, expected) === 'statistical');
  return needsEld ? loadLanguageDetector() : SCRIPTS_ONLY;
}
