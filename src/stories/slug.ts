/**
 * URL slugs for story variants.
 *
 * Letters of every script are kept, so a Chinese title gives a readable Chinese slug (browsers
 * show percent-encoded IRIs decoded in the address bar). Diacritics are kept too (`Café` →
 * `café`): stripping them would treat Latin unlike every other script, and it changes words
 * (Spanish `año` → `ano`, German `schön` → `schon`). NFKC first, so a title typed with
 * decomposed accents or full-width letters (`ＧＰＵ`) gives the same slug as the usual form.
 */

const MAX_SLUG_CHARS = 80;
const EMPTY_SLUG = 'story';
// Only the start of a long title can end up in the slug; segmenting the rest is wasted work.
const SEGMENT_WINDOW = MAX_SLUG_CHARS * 4;

const wordSegmenters = new Map<string, Intl.Segmenter>();
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function wordSegmenter(locale: string): Intl.Segmenter {
  let segmenter = wordSegmenters.get(locale);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    }
    wordSegmenters.set(locale, segmenter);
  }
  return segmenter;
}

function lowerCase(text: string, locale: string): string {
  try {
    // Locale-aware: Turkish `I` lowers to dotless `ı`, not `i`.
    return text.toLocaleLowerCase(locale);
  } catch {
    return text.toLowerCase();
  }
}

const codePoints = (text: string) => Array.from(text).length;

/**
 * The longest start of `slug` within `maxChars` code points that ends at a word boundary (as the
 * locale segments words, so CJK text without hyphens is cut between words too). When no boundary
 * falls in the second half of the limit, a single huge word is cut between characters instead.
 */
function shorten(slug: string, maxChars: number, locale: string): string {
  if (codePoints(slug) <= maxChars) return slug;
  const window = slug.slice(0, SEGMENT_WINDOW);
  let byWord = '';
  for (const { segment } of wordSegmenter(locale).segment(window)) {
    if (codePoints(byWord) + codePoints(segment) > maxChars) break;
    byWord += segment;
  }
  let cut = byWord.replace(/-+$/, '');
  if (codePoints(cut) < maxChars / 2) {
    cut = '';
    for (const { segment } of graphemes.segment(window)) {
      if (codePoints(cut) + codePoints(segment) > maxChars) break;
      cut += segment;
    }
  }
  return cut.replace(/-+$/, '');
}

/**
 * A slug for a title: NFKC, lower case, Unicode letters, marks and digits kept, every other run
 * turned into one `-`, at most 80 characters, `story` when nothing is left (an emoji-only title).
 * Idempotent, so an editor's own slug can be passed through it safely.
 */
export function slugify(title: string, locale: string): string {
  const slug = lowerCase(title.normalize('NFKC'), locale)
    .normalize('NFKC')
    // An apostrophe inside a word joins it: "Nvidia's" → "nvidias", not "nvidia-s".
    .replace(/(?<=\p{L})['’](?=\p{L})/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return shorten(slug, MAX_SLUG_CHARS, locale) || EMPTY_SLUG;
}

// A runaway caller (a predicate that is always true) must fail loudly, not loop forever.
const MAX_ATTEMPTS = 10_000;

/**
 * The `n`-th slug tried for `base`: the base itself for 1, then `base-2`, `base-3`, … with the
 * base cut back (at a word boundary, as `slugify` cuts) so that base and suffix fit in 80
 * characters. Probing and choosing must both use this, or a probe misses a taken suffix.
 */
export function numberedSlug(base: string, n: number, locale = 'und'): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${shorten(base, MAX_SLUG_CHARS - suffix.length, locale)}${suffix}`;
}

/**
 * The first of `base`, `base-2`, `base-3`, … that `isTaken` says is free. The predicate may ask
 * the database (one probe per candidate, in order), so it may return a promise.
 */
export async function uniqueSlug(
  base: string,
  isTaken: (slug: string) => boolean | Promise<boolean>,
  locale = 'und',
): Promise<string> {
  for (let n = 1; n <= MAX_ATTEMPTS; n++) {
    const candidate = numberedSlug(base, n, locale);
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error(`No free slug for "${base}" after ${MAX_ATTEMPTS} attempts.`);
}
