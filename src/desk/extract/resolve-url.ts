import { InvalidPageUrl } from './errors.js';

const WEB_PROTOCOLS = new Set(['http:', 'https:']);

/** The page's own URL, which every relative reference on it depends on. */
export function parsePageUrl(url: string): URL {
  const parsed = URL.parse(url);
  if (!parsed || !WEB_PROTOCOLS.has(parsed.protocol)) throw new InvalidPageUrl(url);
  return parsed;
}

/**
 * The URL relative references resolve against: the first <base href>, itself resolved against the
 * page URL (HTML "frozen base URL"; Readability's base-url-base-element-relative case has href="base/").
 * A base that does not parse, or is not http(s), is ignored rather than turning every link into it.
 */
export function documentBaseUrl(pageUrl: URL, baseHref: string | null | undefined): URL {
  if (!baseHref?.trim()) return pageUrl;
  const base = URL.parse(baseHref.trim(), pageUrl);
  return base && WEB_PROTOCOLS.has(base.protocol) ? base : pageUrl;
}

/**
 * An absolute URL for href when it resolves and uses one of the protocols, else null. The URL parser
 * strips the tabs, newlines and leading controls that hide "java\nscript:" from naive checks.
 */
export function resolveHref(href: string, base: URL | null, protocols: ReadonlySet<string>): string | null {
  const resolved = base ? URL.parse(href.trim(), base) : URL.parse(href.trim());
  return resolved && protocols.has(resolved.protocol) ? resolved.href : null;
}
