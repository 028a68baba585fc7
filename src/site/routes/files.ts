import type { Context } from 'hono';
import { mediaContentType } from '../../media/index.js';
import { DomainError } from '../../platform/errors.js';
import { etagMatches, IMMUTABLE_CACHE_CONTROL } from '../../platform/http/headers.js';
import { etagFor } from '../../platform/render-cache.js';
import type { SiteDeps, StaticAsset } from '../deps.js';

function sendImmutable(
  c: Context,
  body: Buffer,
  contentType: string,
  etag: string,
  cacheControl = IMMUTABLE_CACHE_CONTROL,
): Response {
  const headers = { 'cache-control': cacheControl, etag };
  if (etagMatches(c.req.header('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...headers, 'content-type': contentType, 'content-length': String(body.length) },
  });
}

export function assetRoute(c: Context, deps: SiteDeps): Response {
  const asset: StaticAsset | undefined = Object.values(deps.assets).find((a) => a.path === c.req.path);
  if (!asset) throw new DomainError('not-found', 'No such asset.');
  return sendImmutable(c, asset.body, asset.contentType, etagFor(asset.body));
}

// Browsers and crawlers ask for /favicon.ico by name, so it cannot carry a hash: a week, revalidated
// by its ETag after that.
const FAVICON_CACHE_CONTROL = 'public, max-age=604800';

export function faviconRoute(c: Context, deps: SiteDeps): Response {
  const { body, contentType } = deps.assets.icon;
  return sendImmutable(c, body, contentType, etagFor(body), FAVICON_CACHE_CONTROL);
}

// Media names are ours (written by the seed or the uploader), so anything else is refused
// before it reaches the storage: no separators, no dot-files, a known image extension.
const MEDIA_NAME = /^[a-z0-9][a-z0-9._-]{0,150}\.(webp|avif|jpe?g|png|gif)$/;

/** A library file, read from the storage (this node's disk or the shared bucket). */
export async function mediaRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const name = c.req.param('file') ?? '';
  if (!MEDIA_NAME.test(name) || name.includes('..')) throw new DomainError('not-found', 'No such file.');
  const stored = await deps.mediaStorage.get(name);
  if (!stored) throw new DomainError('not-found', 'No such file.');
  return sendImmutable(c, stored.bytes, mediaContentType(name), etagFor(stored.bytes));
}
