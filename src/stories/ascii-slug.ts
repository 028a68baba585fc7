/**
 * A short ASCII slug for a Chinese title: the English variant's title when the story has one,
 * else the title in pinyin (`pinyin-pro`, which bundles its dictionary: nothing is fetched).
 * A Chinese slug is valid (see slug.ts), but percent-encoded it becomes a 200-character address
 * that breaks in chat apps and emails; editors asked for `nvidia-cai-bao` instead.
 */

const MAX_ASCII_SLUG_CHARS = 60;
const HAN = /\p{Script=Han}/u;

/** Lower-case ASCII words joined by `-`, accents dropped, cut at a word within 60 characters. */
export function asciiSlug(text: string, maxChars = MAX_ASCII_SLUG_CHARS): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(?<=[a-z])['’](?=[a-z])/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxChars) break;
    slug = next;
  }
  // One word longer than the limit on its own is cut rather than dropped.
  return slug || (words[0] ?? '').slice(0, maxChars);
}

export type PinyinOf = (text: string) => string[];

let pinyinLoad: Promise<PinyinOf | undefined> | undefined;

/** pinyin-pro's converter (syllables without tones, other text kept as runs), loaded once. */
export function loadPinyin(): Promise<PinyinOf | undefined> {
  // Loaded on first use: its dictionary is a few megabytes that only the editor's suggestion needs.
  pinyinLoad ??= import('pinyin-pro').then(
    (module) => (text: string) =>
      module.pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }),
    () => undefined,
  );
  return pinyinLoad;
}

export interface SlugSuggestionInput {
  title: string;
  /** The story's other variants, to borrow the English title from. */
  otherTitles?: readonly { locale: string; title: string }[];
  /** Pinyin conversion; `loadPinyin()` in the app, absent when pinyin-pro is not installed. */
  pinyin?: PinyinOf | undefined;
}

/**
 * The ASCII slug to suggest for a title with Chinese characters (or no title yet), or undefined
 * when the title has none (its own slug is already readable) or nothing ASCII can be made of it.
 */
export function suggestAsciiSlug(input: SlugSuggestionInput): string | undefined {
  // An untitled new translation can still borrow the English title.
  if (input.title.trim() !== '' && !HAN.test(input.title)) return undefined;
  const english = input.otherTitles?.find(
    (other) => /^en(?:-|$)/i.test(other.locale) && other.title.trim() !== '',
  );
  const fromEnglish = english ? asciiSlug(english.title) : '';
  if (fromEnglish) return fromEnglish;
  if (!input.pinyin) return undefined;
  return asciiSlug(input.pinyin(input.title).join(' ')) || undefined;
}
