// Text is compared after NFKC (full-width Ｈ２００ and ligatures fold to plain forms), lower case
// and with punctuation removed, so outlets' typography does not make copies look different.

// Script_Extensions rather than Script, so the Kana length mark ー and the iteration marks count as CJK.
const CJK = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;
const CJK_ALL = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/gu;
// Apostrophes join ("Fed's" reads as one word), every other non-letter, non-digit separates.
const APOSTROPHES = /['\u2019\u02bc]/g;
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/gu;

/** NFKC, lower case, punctuation and symbols to single spaces, trimmed. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(APOSTROPHES, '').replace(SEPARATORS, ' ').trim();
}

/** True for a Han, Kana or Hangul character: these scripts are compared character by character. */
export function isCjk(char: string): boolean {
  // Every CJK block starts at or above U+1100 (Hangul Jamo); most tokens are Latin and stop here.
  return (char.codePointAt(0) ?? 0) >= 0x1100 && CJK.test(char);
}

/**
 * Splits text into tokens: each CJK character is one token (Chinese and Japanese have no spaces,
 * and a dictionary segmenter splits names such as 英伟达 unpredictably); any other run of letters
 * and digits is one word token. Mixed text such as 英伟达发布H200芯片 gives 英 伟 达 发 布 h200 芯 片.
 */
export function tokenise(text: string): string[] {
  const spaced = normaliseText(text).replace(CJK_ALL, ' $& ');
  return spaced.split(' ').filter((token) => token !== '');
}
