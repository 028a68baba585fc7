import type { Context } from 'hono';
import { publicPageCacheControl } from '../platform/config-edge.js';
import { answerPage, type CachedAnswer, redirectAnswer } from '../platform/http/cached-answer.js';
import { SECURITY_HEADERS } from '../platform/http/headers.js';
import { pageKey, type QueryParameter } from '../platform/page-key.js';
import { pageSurrogateKeys, surrogateKeyHeaders } from '../platform/purge/index.js';
import { uncompressedPage } from '../platform/render-cache.js';
import type { SiteDeps } from './deps.js';

export interface RenderedResponse {
  body: string;
  contentType: string;
  /** Extra headers such as Content-Language. */
  headers?: Record<string, string>;
  /** What the page shows (`story:12`, `section:3`, `front`…): a write to any of them drops it. */
  tags: string[];
}

function toResponse(answer: CachedAnswer): Response {
  return new Response(answer.body === null ? null : new Uint8Array(answer.body), {
    status: answer.status,
    headers: answer.headers,
  });
}

/**
 * Answers from the render cache, or renders, stores under the page's tags and answers. `render`
 * may answer otherwise (a redirect it returns, a 404 or 410 it throws): such answers are never
 * stored, so a route can leave every lookup to `render` and a hit runs no query at all. Every page
 * gets an ETag, Cache-Control and Vary, and a matching If-None-Match gets a 304. `query` lists the
 * parameters the route reads: tracking parameters are the same page, any other parameter gets a
 * 301 to the page's own address (see `pageKey`).
 */
export async function cachedPage(
  c: Context,
  deps: SiteDeps,
  render: () => Promise<RenderedResponse | Response>,
  options: { store?: boolean; query?: readonly QueryParameter[] } = {},
): Promise<Response> {
  const url = new URL(c.req.url);
  const query = options.query ?? [];
  const key = pageKey(`${url.pathname}${url.search}`, query);
  if (key.kind === 'redirect') return toResponse(redirectAnswer(key.location));
  const request = {
    method: c.req.method,
    ifNoneMatch: c.req.header('if-none-match'),
    acceptEncoding: c.req.header('accept-encoding'),
  };
  const store = options.store !== false && key.kind === 'page';
  const hit = store ? deps.cache.get(key.key) : undefined;
  if (hit) return toResponse(answerPage(hit, request));
  const version = deps.cache.version;
  const rendered = await render();
  if (rendered instanceof Response) return rendered;
  const page = uncompressedPage(200, Buffer.from(rendered.body), {
    ...SECURITY_HEADERS,
    'content-type': rendered.contentType,
    'cache-control': publicPageCacheControl(deps.config),
    ...edgeHeaders(c, deps, rendered.tags),
    ...rendered.headers,
  });
  if (store) void deps.cache.set(key.key, page, rendered.tags, version, query);
  return toResponse(answerPage(page, request));
}

/**
 * The surrogate keys of a page, built from the very tags the render cache files it under, so the
 * cache in front is purged on exactly the changes that drop the page here (see `purgeForChange`).
 */
export function edgeHeaders(c: Context, deps: SiteDeps, tags: readonly string[]): Record<string, string> {
  if (deps.config.SURROGATE_KEY_HEADERS.length === 0) return {};
  const locale = c.req.param('locale');
  const known = locale !== undefined && deps.catalog.settings.locales.includes(locale);
  return surrogateKeyHeaders(
    pageSurrogateKeys(tags, known ? locale : undefined),
    deps.config.SURROGATE_KEY_HEADERS,
  );
}

export const HTML = 'text/html; charset=utf-8';
