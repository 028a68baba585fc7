import type { Config } from '../config.js';

/** What the node:http layer enforces before the render cache or Hono see a request. */
export interface EdgeSettings {
  /** Send Strict-Transport-Security (the site is served over HTTPS). */
  hsts: boolean;
  /** Longest request target (path and query), in bytes; longer is 414. */
  maxUrlBytes: number;
  /** Largest request head; node:http answers 431 past it. */
  maxHeaderBytes: number;
}

export const HSTS_HEADER = 'max-age=31536000; includeSubDomains';

export function edgeSettings(config: Config): EdgeSettings {
  return {
    hsts: config.siteUrl.startsWith('https:'),
    maxUrlBytes: config.MAX_URL_BYTES,
    maxHeaderBytes: config.MAX_HEADER_BYTES,
  };
}

export const DEFAULT_EDGE: EdgeSettings = { hsts: false, maxUrlBytes: 8192, maxHeaderBytes: 16_384 };

// Control characters, raw or percent-encoded, have no place in a path; decoded they end up in
// headers (a redirect's Location), file names or SQL parameters. A raw backslash is not allowed
// in a URI either, and browsers read it as a slash.
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Why a request target is refused before anything else reads it, or undefined when it is fine:
 * 414 when longer than `maxBytes`; 400 for control characters (raw or percent-encoded) or a raw
 * backslash in the path, or percent-encoding that does not decode.
 */
export function refuseTarget(target: string, maxBytes: number): 400 | 414 | undefined {
  if (Buffer.byteLength(target) > maxBytes) return 414;
  // The absolute form (RFC 9112 §3.2.2) carries the origin before the path.
  const withoutOrigin = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  if (!withoutOrigin.startsWith('/')) return 400;
  const queryAt = withoutOrigin.indexOf('?');
  const path = queryAt === -1 ? withoutOrigin : withoutOrigin.slice(0, queryAt);
  const query = queryAt === -1 ? '' : withoutOrigin.slice(queryAt + 1);
  if (hasControlCharacter(path) || path.includes('\\') || ENCODED_CONTROL.test(path)) return 400;
  if (hasControlCharacter(query)) return 400;
  try {
    decodeURIComponent(path);
  } catch {
    return 400;
  }
  return undefined;
}

/**
 * A Location that stays on the site. A path must start with one slash: `//host` and `/\host` are
 * read by browsers as another host. An absolute URL must be one of `origins`. Anything else
 * becomes the on-site path it would have been.
 */
export function onSiteLocation(location: string, origins: readonly string[]): string {
  if (/^[/\\]/.test(location)) return location.replace(/^[/\\]+/, '/');
  try {
    const url = new URL(location);
    if (origins.includes(url.origin)) return location;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '/';
    return `${url.pathname}${url.search}`.replace(/^[/\\]+/, '/');
  } catch {
    // A relative reference (`../x`, `x`): resolved against the current page, so on the site.
    return /^[a-z][a-z0-9+.-]*:/i.test(location) ? '/' : location;
  }
}
