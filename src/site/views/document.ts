import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/**
 * Turns a page's JSX into the HTML document. Views are synchronous, so the string is ready at once;
 * an async component slipped into a view would show up here as a Promise, and that is a bug.
 */
export function renderDocument(page: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  const html: unknown = page.toString();
  if (typeof html !== 'string') throw new Error('Views must render synchronously (an async component?)');
  return `<!doctype html>${html}`;
}

const JSON_LD_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/ld+json">` block. `<`, `>` and `&` become `\u003c` and the like,
 * which JSON parsers read back as the same characters, so no value can close the script element
 * (`</script>`) or open a comment in it (`<!--`).
 */
export function jsonLdScriptContent(data: object): HtmlEscapedString {
  return raw(JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => JSON_LD_ESCAPES[c] ?? c));
}

/** The language subtag, lower case: `zh-Hans` → `zh`. */
function language(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}

/**
 * `inner` when its language differs from the surrounding `outer` one, so the element needs its own
 * `lang` attribute; `undefined` when it is the same language (`zh` inside `zh-Hans`).
 */
export function langIfDifferent(inner: string | undefined, outer: string): string | undefined {
  if (!inner) return undefined;
  return language(inner) === language(outer) ? undefined : inner;
}

const RTL_LANGUAGES = new Set(['ar', 'dv', 'fa', 'he', 'ps', 'ur', 'yi']);

/** Writing direction of a UI locale, for `<html dir>`. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(language(locale)) ? 'rtl' : 'ltr';
}

/** The host of an absolute URL without `www.`, for saying where a link goes; '' if it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * A stored URL as a link off the site, or undefined when it may not be one: only absolute http(s)
 * URLs, written back percent-encoded (an href must be a valid URL). A source URL comes from
 * whoever filled the story in, and `javascript:` or `data:` there would run on a click.
 */
export function webUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  // The URL parser leaves these as typed in paths and queries; RFC 3986 (and so the Nu Html
  // Checker) does not allow them there. Credentials, if any, are dropped with the rest of userinfo.
  const rest = `${parsed.pathname}${parsed.search}${parsed.hash}`.replace(
    /[[\]{}|\\^`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${parsed.origin}${rest}`;
}

/** Path and query of an absolute or root-relative URL, to compare links with the page's own address. */
function pathOf(url: string): string {
  try {
    const parsed = new URL(url, 'http://localhost');
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/** Whether `href` points at the page whose canonical URL is `canonicalUrl`. */
export function isThisPage(href: string, canonicalUrl: string | undefined): boolean {
  return canonicalUrl !== undefined && pathOf(href) === pathOf(canonicalUrl);
}
