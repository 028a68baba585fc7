/**
 * hreflang sets and language tags.
 *
 * Our `zh` content is Simplified Chinese, so it is tagged `zh-Hans` both in `<html lang>` and in
 * hreflang. Google's guide to localized versions accepts an ISO 639-1 language with an optional
 * ISO 15924 script and ISO 3166-1 region, so `zh-Hans` is valid there; it matches readers of any
 * region (a `zh-CN` tag would target mainland China only) and leaves room for a later `zh-Hant`
 * variant without a clash. Sitemaps and feeds use the same tag (see their tests).
 */

export interface HreflangLink {
  /** A BCP 47 tag, or `x-default`. */
  hreflang: string;
  href: string;
}

// Bare language subtags whose script must be spelled out because one language has two written
// forms; everything else is already unambiguous as written.
const SCRIPT_FOR_BARE_LANGUAGE: Record<string, string> = { zh: 'zh-Hans' };

function canonical(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? locale;
  } catch {
    return locale;
  }
}

/** The tag for `<html lang>`: `zh` → `zh-Hans`, `en` → `en`, `pt-br` → `pt-BR`. */
export function htmlLangTag(locale: string): string {
  const tag = canonical(locale);
  return SCRIPT_FOR_BARE_LANGUAGE[tag] ?? tag;
}

/** The tag for an hreflang annotation; the same as `<html lang>` so both always agree. */
export function hreflangTag(locale: string): string {
  return htmlLangTag(locale);
}

/**
 * The full, reciprocal hreflang set for a page available in `variants`: one link per locale and
 * `x-default`. Google ignores annotations that the other page does not return, so every variant's
 * page must get the identical set whatever order `variants` come in: links are sorted by tag, and
 * `x-default` points at the default locale's URL, else at the first link in that sorted order
 * (not the first input, which would depend on the caller). Two variants with one tag keep the first.
 */
export function hreflangLinks(
  variants: { locale: string; url: string }[],
  defaultLocale: string,
): HreflangLink[] {
  const byTag = new Map<string, string>();
  for (const variant of variants) {
    const tag = hreflangTag(variant.locale);
    if (!byTag.has(tag)) byTag.set(tag, variant.url);
  }
  const links = [...byTag]
    .map(([hreflang, href]) => ({ hreflang, href }))
    .sort((a, b) => (a.hreflang < b.hreflang ? -1 : a.hreflang > b.hreflang ? 1 : 0));
  const defaultTag = hreflangTag(defaultLocale);
  const target = links.find((link) => link.hreflang === defaultTag) ?? links[0];
  return target ? [...links, { hreflang: 'x-default', href: target.href }] : [];
}
