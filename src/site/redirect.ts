import type { Context } from 'hono';

/** A permanent move to `path` on this site, keeping the query string the reader came with. */
export function movedTo(c: Context, path: string): Response {
  return c.redirect(`${path}${new URL(c.req.url).search}`, 301);
}

/**
 * The same address with a trailing slash. Built from the path as it was sent (still
 * percent-encoded): decoded, `/%5Cevil.com` would become `/\evil.com/`, which browsers read as
 * another host.
 */
export function withTrailingSlash(c: Context): Response {
  return movedTo(c, `${new URL(c.req.url).pathname}/`);
}
