/** A BCP 47 language tag such as `zh`, `en` or `pt-BR`. */
export type Locale = string;

// Loose BCP 47 shape: a 2–3 letter language, optional script, region and variants.
const BCP47 = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?(?:-[a-z\d]{5,8})*$/;

export function isWellFormedLocale(tag: string): boolean {
  if (!BCP47.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag)[0] === tag;
  } catch {
    return false;
  }
}

/** The language subtag: `zh-Hant-TW` → `zh`. */
export function primaryLanguage(locale: Locale): string {
  return (locale.split('-')[0] ?? locale).toLowerCase();
}

const CJK_LANGUAGES = new Set(['zh', 'ja', 'ko']);

export function isCjkLocale(locale: Locale): boolean {
  return CJK_LANGUAGES.has(primaryLanguage(locale));
}
