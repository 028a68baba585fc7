import type { Context } from 'hono';
import { publicPageCacheControl } from '../platform/config-edge.js';
import type { SiteDeps } from './deps.js';
import { edgeHeaders } from './respond.js';
import { tag } from './tags.js';

/**
 * A permanent move to `path` on this site, keeping the query string the reader came with. The
 * cache in front may keep it as long as a page, filed under the story it leads to (`storyId`), so
 * the change that moves that story again, or withdraws it, purges the redirect too.
 */
export function movedTo(c: Context, deps: SiteDeps, path: string, storyId?: number): Response {
  const response = c.redirect(`${path}${new URL(c.req.url).search}`, 301);
  const headers = {
    'cache-control': publicPageCacheControl(deps.config),
    ...edgeHeaders(c, deps, storyId === undefined ? [] : [tag.story(storyId)]),
  };
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * The same address with a trailing slash. Built from the path as it was sent (still
 * percent-encoded): decoded, `/%5Cevil.com` would become `/\evil.com/`, which browsers read as
 * another host. No content decides it, so it carries only the locale's and the `all` keys.
 */
export function withTrailingSlash(c: Context, deps: SiteDeps): Response {
  return movedTo(c, deps, `${new URL(c.req.url).pathname}/`);
}
