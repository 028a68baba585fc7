/**
 * The render cache's key: which page a request asks for, whatever tracking and junk it carries.
 * The fast path in http/server.ts and the site's `cachedPage` both call `pageKey`, so a page is
 * found under one key however the request reached it.
 */

/** A query parameter a cached route reads, such as `page` on a section list. */
export interface QueryParameter {
  name: string;
  /** The value that shows the same page as leaving the parameter out (`page=1`). */
  default?: string;
  /**
   * The values the route accepts. Any other value is never a page: the request is neither stored
   * nor redirected, and the route answers it (with its 404), so junk cannot fill the cache.
   */
  pattern?: RegExp;
}

/**
 * Parameters that link shorteners, ad networks, newsletters and social sites append to shared
 * links. They never change what a page shows, so a request carrying them is the same page and is
 * answered from the same cache entry. Every name starting with `utm_` counts too.
 */
const TRACKING_PARAMETERS: ReadonlySet<string> = new Set([
  'fbclid', // Facebook
  'gclid', // Google Ads
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  '_ga', // Google Analytics cross-domain
  '_gl',
  'msclkid', // Microsoft Ads
  'yclid', // Yandex
  'twclid', // X/Twitter
  'ttclid', // TikTok
  'li_fat_id', // LinkedIn
  'igshid', // Instagram
  'igsh',
  'mc_cid', // Mailchimp
  'mc_eid',
  '_hsenc', // HubSpot
  '_hsmi',
  'mkt_tok', // Marketo
  'oly_anon_id', // Omeda
  'oly_enc_id',
  'vero_id',
  'ref',
  'ref_src',
  'ref_url',
]);
const TRACKING_PREFIX = 'utm_';

/**
 * Longer query strings are not parsed at all (no legitimate link to a page needs one this long;
 * tracking parameters from real shares stay well below it): the request is sent to the bare path.
 */
export const MAX_QUERY_LENGTH = 2048;

export type PageKey =
  /** Serve the page stored under `key` (path plus the declared parameters, in canonical form). */
  | { kind: 'page'; key: string }
  /** The request carries parameters the route does not read: 301 to `location`, the page's own address. */
  | { kind: 'redirect'; location: string }
  /**
   * A path that cannot be redirected to safely, or a parameter value its route refuses: render
   * it, but neither store nor redirect.
   */
  | { kind: 'uncached' };

function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith(TRACKING_PREFIX) || TRACKING_PARAMETERS.has(lower);
}

const UNRESERVED = /^[A-Za-z0-9._~-]$/;

/**
 * RFC 3986 §6.2.2: `%61` and `a` are the same path, and so are `%2f` and `%2F`. Reserved
 * characters stay encoded (decoding `%2F` would change which route the path reaches).
 */
export function normalisePath(path: string): string {
  if (!path.includes('%')) return path;
  return path.replace(/%([0-9A-Fa-f]{2})/g, (_match, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/** A path a redirect may point to: one leading slash, never `//host` or `/\host` (both leave the site). */
function isSafeLocalPath(path: string): boolean {
  return path.startsWith('/') && path[1] !== '/' && path[1] !== '\\' && !path.includes('\\');
}

/**
 * The key of the page `target` (a request's path and query, as in `GET <target> HTTP/1.1`) shows
 * on a route that reads `declared`: the path, then each declared parameter that is present and
 * not at its default, in declared order (the first occurrence wins, as in Hono's `c.req.query`).
 * Tracking parameters are dropped; any other parameter makes the request a redirect to the key.
 */
export function pageKey(target: string, declared: readonly QueryParameter[]): PageKey {
  const mark = target.indexOf('?');
  const path = normalisePath(mark === -1 ? target : target.slice(0, mark));
  if (!isSafeLocalPath(path)) return { kind: 'uncached' };
  const query = mark === -1 ? '' : target.slice(mark + 1);
  if (query === '') return { kind: 'page', key: path };
  if (query.length > MAX_QUERY_LENGTH) return { kind: 'redirect', location: path };

  const values = new Map<string, string>();
  let unknown = false;
  for (const [name, value] of new URLSearchParams(query)) {
    if (declared.some((parameter) => parameter.name === name)) {
      if (!values.has(name)) values.set(name, value);
    } else if (name !== '' && !isTrackingParameter(name)) {
      unknown = true;
    }
  }
  const malformed = declared.some((parameter) => {
    const value = values.get(parameter.name);
    return value !== undefined && parameter.pattern !== undefined && !parameter.pattern.test(value);
  });
  if (malformed) return { kind: 'uncached' };
  const kept = declared.flatMap((parameter) => {
    const value = values.get(parameter.name);
    return value === undefined || value === parameter.default
      ? []
      : [`${encodeURIComponent(parameter.name)}=${encodeURIComponent(value)}`];
  });
  const key = kept.length === 0 ? path : `${path}?${kept.join('&')}`;
  return unknown ? { kind: 'redirect', location: key } : { kind: 'page', key };
}
