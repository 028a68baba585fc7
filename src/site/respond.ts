import type { Context } from 'hono';
import { etagMatches, PAGE_CACHE_CONTROL, SECURITY_HEADERS } from '../platform/http/headers.js';
import { type CachedPage, etagFor } from '../platform/render-cache.js';
import type { SiteDeps } from './deps.js';

export interface RenderedResponse {
  body: string;
  contentType: string;
  /** Extra headers such as Content-Language. */
  headers?: Record<string, string>;
  /** What the page shows (`story:12`, `section:3`, `front`…): a write to any of them drops it. */
  tags: string[];
}

function cacheKey(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.pathname}${url.search}`;
}

function send(c: Context, page: CachedPage): Response {
  if (etagMatches(c.req.header('if-none-match'), page.etag)) {
    const { 'content-type': _type, ...rest } = page.headers;
    return new Response(null, { status: 304, headers: { ...rest, etag: page.etag } });
  }
  const body = c.req.method === 'HEAD' ? null : new Uint8Array(page.body);
  return new Response(body, { status: page.status, headers: { ...page.headers, etag: page.etag } });
}

/**
 * Answers from the render cache, or renders, stores under the page's tags and answers. Every page gets an
 * ETag and Cache-Control, and a matching If-None-Match gets a 304.
 */
export async function cachedPage(
  c: Context,
  deps: SiteDeps,
  render: () => Promise<RenderedResponse>,
  options: { store: boolean } = { store: true },
): Promise<Response> {
  const key = cacheKey(c);
  const hit = options.store ? deps.cache.get(key) : undefined;
  if (hit) return send(c, hit);
  const version = deps.cache.version;
  const rendered = await render();
  const body = Buffer.from(rendered.body);
  const page: CachedPage = {
    status: 200,
    body,
    etag: etagFor(body),
    headers: {
      ...SECURITY_HEADERS,
      'content-type': rendered.contentType,
      'cache-control': PAGE_CACHE_CONTROL,
      ...rendered.headers,
    },
  };
  if (options.store) deps.cache.set(key, page, rendered.tags, version);
  return send(c, page);
}

export const HTML = 'text/html; charset=utf-8';
