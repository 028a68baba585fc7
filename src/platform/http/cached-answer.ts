import type { CachedPage, EncodedBody } from '../render-cache.js';
import { etagMatches, PAGE_CACHE_CONTROL, SECURITY_HEADERS } from './headers.js';

/** What a cached page's answer depends on in a request. */
export interface CacheRequest {
  method: string;
  ifNoneMatch?: string | null | undefined;
  acceptEncoding?: string | null | undefined;
}

/** An answer both the node:http fast path and Hono send as is. */
export interface CachedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

export type ContentCoding = 'br' | 'gzip' | 'identity';

/** Enough for every real browser and client; a longer header is read this far and no further. */
const MAX_ACCEPT_ENCODING_LENGTH = 256;
const MAX_CODINGS = 16;

/**
 * The coding to send from those the page has: brotli, then gzip, then the bytes as they are.
 * A coding is acceptable when Accept-Encoding lists it, or `*`, with a weight above 0
 * (RFC 9110 §12.5.3); with no header at all, identity (what clients that send none expect).
 */
export function chooseCoding(acceptEncoding: string | null | undefined, page: CachedPage): ContentCoding {
  if (!acceptEncoding || (!page.br && !page.gzip)) return 'identity';
  const weights = new Map<string, number>();
  for (const item of acceptEncoding.slice(0, MAX_ACCEPT_ENCODING_LENGTH).split(',', MAX_CODINGS)) {
    const [rawName = '', ...parameters] = item.split(';');
    const name = rawName.trim().toLowerCase();
    let weight = 1;
    for (const parameter of parameters) {
      const q = /^\s*q\s*=\s*(\S*)\s*$/i.exec(parameter);
      if (q) weight = Number(q[1]);
    }
    if (name !== '' && !weights.has(name)) weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const acceptable = (...names: string[]) => {
    for (const name of names) {
      const weight = weights.get(name);
      if (weight !== undefined) return weight > 0;
    }
    return (weights.get('*') ?? 0) > 0;
  };
  if (page.br && acceptable('br')) return 'br';
  if (page.gzip && acceptable('gzip', 'x-gzip')) return 'gzip';
  return 'identity';
}

/**
 * The one answer to a GET or HEAD for a cached page, from the fast path and from the router
 * alike: the chosen coding's bytes and tag, or a 304 when If-None-Match names that tag.
 */
export function answerPage(page: CachedPage, request: CacheRequest): CachedAnswer {
  const coding = chooseCoding(request.acceptEncoding, page);
  const chosen: EncodedBody = (coding === 'identity' ? undefined : page[coding]) ?? page.identity;
  const headers: Record<string, string> = { ...page.headers, vary: 'Accept-Encoding', etag: chosen.etag };
  if (etagMatches(request.ifNoneMatch, chosen.etag)) {
    // RFC 9110 §15.4.5: a 304 carries what a 200 would (ETag, Cache-Control, Vary) but describes no body.
    const { 'content-type': _type, ...rest } = headers;
    return { status: 304, headers: rest, body: null };
  }
  if (coding !== 'identity') headers['content-encoding'] = coding;
  headers['content-length'] = String(chosen.body.length);
  return { status: page.status, headers, body: request.method === 'HEAD' ? null : chosen.body };
}

/** A permanent redirect to a page's own address (a path on this site, from `pageKey`). */
export function redirectAnswer(location: string): CachedAnswer {
  return {
    status: 301,
    headers: { ...SECURITY_HEADERS, location, 'cache-control': PAGE_CACHE_CONTROL, 'content-length': '0' },
    body: null,
  };
}
