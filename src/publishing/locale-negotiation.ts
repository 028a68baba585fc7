/**
 * Choosing a reader's locale (cookie, then Accept-Language, then the site default) and the
 * variant of a story to show them.
 */
import { primaryLanguage } from '../platform/locale.js';

export interface LanguageRange {
  /** Lower-cased range, or `*`. */
  range: string;
  q: number;
}

// RFC 9110 §12.5.4 with RFC 4647 ranges: `1*8ALPHA *("-" 1*8alphanum)` or `*`, an optional
// `;q=` weight of at most three decimals, never above 1. Anything else is one malformed entry and
// is skipped alone, so one bad entry does not throw away the reader's other preferences.
const RANGE = /^(?:\*|[a-z]{1,8}(?:-[a-z\d]{1,8})*)$/i;
const WEIGHT = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;
// Browsers send a handful of entries; a header far beyond that is junk or abuse.
const MAX_HEADER_CHARS = 4096;
const MAX_RANGES = 32;

/** The acceptable ranges of an Accept-Language header, best first; q=0 entries are kept (as refusals). */
export function parseAcceptLanguage(header: string | undefined): LanguageRange[] {
  if (!header || header.length > MAX_HEADER_CHARS) return [];
  const ranges: LanguageRange[] = [];
  for (const entry of header.split(',').slice(0, MAX_RANGES)) {
    const [rawRange = '', ...params] = entry.split(';').map((part) => part.trim());
    if (!RANGE.test(rawRange) || params.length > 1) continue;
    let q = 1;
    if (params[0] !== undefined) {
      const weight = WEIGHT.exec(params[0].replace(/\s+/g, ''));
      if (!weight) continue;
      q = Number(weight[1]);
    }
    ranges.push({ range: rawRange.toLowerCase(), q });
  }
  // Array.prototype.sort is stable, so equal weights keep the reader's order.
  return ranges.sort((a, b) => b.q - a.q);
}

function script(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).maximize().script;
  } catch {
    return undefined;
  }
}

/**
 * The enabled locale serving a range: the same tag, else the same language in the same script
 * (`zh-TW` → `zh-Hant`), else the same language at all (`zh-TW` → `zh`, `en-GB` → `en`).
 */
function matchRange(range: string, enabled: string[]): string | undefined {
  const sameLanguage = enabled.filter((locale) => primaryLanguage(locale) === primaryLanguage(range));
  if (sameLanguage.length === 0) return undefined;
  const wantedScript = script(range);
  return (
    sameLanguage.find((locale) => locale.toLowerCase() === range) ??
    sameLanguage.find((locale) => wantedScript !== undefined && script(locale) === wantedScript) ??
    sameLanguage[0]
  );
}

/** Locales a `q=0` entry refuses: the exact tag, or the whole language for a bare `zh`. */
function isRefused(locale: string, refusals: string[]): boolean {
  return refusals.some(
    (range) => locale.toLowerCase() === range || (!range.includes('-') && primaryLanguage(locale) === range),
  );
}

/**
 * The locale for a reader arriving without one in the URL: a cookie naming an enabled locale,
 * else the best Accept-Language match, else the site default.
 */
export function chooseLocale(input: {
  cookie?: string | undefined;
  acceptLanguage?: string | undefined;
  enabled: string[];
  defaultLocale: string;
}): string {
  const { enabled, defaultLocale } = input;
  const cookie = input.cookie?.trim().toLowerCase();
  const fromCookie = cookie ? enabled.find((locale) => locale.toLowerCase() === cookie) : undefined;
  if (fromCookie) return fromCookie;

  const ranges = parseAcceptLanguage(input.acceptLanguage);
  const refusals = ranges.filter((r) => r.q === 0 && r.range !== '*').map((r) => r.range);
  const allowed = enabled.filter((locale) => !isRefused(locale, refusals));
  for (const { range, q } of ranges) {
    if (q === 0) continue;
    // `*` means "anything else": prefer the default, unless the reader refused it.
    const match =
      range === '*' ? (allowed.find((l) => l === defaultLocale) ?? allowed[0]) : matchRange(range, allowed);
    if (match) return match;
  }
  return defaultLocale;
}

/**
 * Which variant of a story a reader of `requested` gets: their own; else the site's declared
 * fallbacks for that locale, in order; else the story's source locale; else the site default;
 * else any variant. `isFallback` tells the view to say so. Undefined when the story has none.
 */
export function variantFallback(input: {
  requested: string;
  available: string[];
  sourceLocale: string;
  defaultLocale: string;
  fallbacks: Record<string, string[]>;
}): { locale: string; isFallback: boolean } | undefined {
  const { requested, available } = input;
  const candidates = [
    requested,
    ...(input.fallbacks[requested] ?? []),
    input.sourceLocale,
    input.defaultLocale,
  ];
  const locale = candidates.find((candidate) => available.includes(candidate)) ?? available[0];
  return locale === undefined ? undefined : { locale, isFallback: locale !== requested };
}
