import type { IncomingMessage } from 'node:http';
import { pipeline, Transform } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import zlib from 'node:zlib';
import { defaultResolve, pinnedRequest } from '../../platform/outbound/index.js';
import { guardAddress, type Resolve, type ResolvedAddress } from './address.js';
import {
  BodyTooLargeError,
  FetchAbortedError,
  FetchError,
  FetchNetworkError,
  FetchTimeoutError,
  HttpStatusError,
  TooManyRedirectsError,
  UnsupportedEncodingError,
  UnsupportedSchemeError,
} from './errors.js';
import { createHostScheduler } from './schedule.js';

export interface FetcherOptions {
  userAgent: string;
  /**
   * Budget for one hop (connect, headers and the whole body), counted after the politeness wait,
   * so a document with redirects may take up to (maxRedirects + 1) * timeoutMs.
   */
  timeoutMs: number;
  /** Limit on the body, both as sent and after decoding. */
  maxBodyBytes: number;
  maxRedirects?: number;
  perHostConcurrency: number;
  politenessDelayMs: number;
  /** `host` or `host:port` entries exempt from the address guard (tests, a known internal mirror). */
  allowHosts: string[];
  resolve?: Resolve;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchedDocument =
  | {
      status: 200;
      url: string;
      body: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { status: 304 };

export interface FetchControl {
  /** Aborting it ends the fetch at once, wherever it is, with a `FetchAbortedError`. */
  signal?: AbortSignal;
}

export type FetchDocument = (
  url: string,
  validators?: Validators,
  control?: FetchControl,
) => Promise<FetchedDocument>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** True when the bytes start with a zlib header (RFC 1950); some servers send raw deflate instead. */
export function isZlibWrapped(first: Uint8Array | null): boolean {
  if (first === null || first.length < 2) return true;
  const [cmf = 0, flg = 0] = first;
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

/** Reads the first buffered chunk and puts it back, so the stream still yields every byte. */
function peekFirstChunk(stream: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolvePeek, reject) => {
    const cleanup = () => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    const onReadable = () => {
      cleanup();
      const chunk = stream.read() as Buffer | null;
      if (chunk !== null) stream.unshift(chunk);
      resolvePeek(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolvePeek(null);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    stream.on('readable', onReadable);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

function decoderFor(encoding: string, url: string, first: Buffer | null): Transform | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return isZlibWrapped(first) ? zlib.createInflate() : zlib.createInflateRaw();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new UnsupportedEncodingError(url, encoding);
  }
}

export function createFetcher(options: FetcherOptions): { fetchDocument: FetchDocument } {
  const maxRedirects = options.maxRedirects ?? 5;
  const resolve = options.resolve ?? defaultResolve;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const scheduler = createHostScheduler({
    perHostConcurrency: options.perHostConcurrency,
    politenessDelayMs: options.politenessDelayMs,
    now,
    sleep,
  });

  function request(url: URL, pinned: ResolvedAddress, validators: Validators, signal: AbortSignal) {
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    return pinnedRequest(url, pinned, { method: 'GET', headers, signal });
  }

  async function readBody(response: IncomingMessage, url: string): Promise<Uint8Array> {
    const limit = options.maxBodyBytes;
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      response.destroy();
      throw new BodyTooLargeError(url, limit, 'declared');
    }
    const encoding = (header(response, 'content-encoding') ?? '').trim().toLowerCase();
    let decoder: Transform | null;
    try {
      const first = encoding === 'deflate' ? await peekFirstChunk(response) : null;
      decoder = decoderFor(encoding, url, first);
    } catch (error) {
      response.destroy();
      throw error;
    }
    let raw = 0;
    const rawCounter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        raw += chunk.length;
        if (raw > limit) callback(new BodyTooLargeError(url, limit, 'raw'));
        else callback(null, chunk);
      },
    });
    // Errors (including the limits above) reach the loop below through the last stream.
    const source =
      decoder === null
        ? pipeline(response, rawCounter, () => {})
        : pipeline(response, rawCounter, decoder, () => {});
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) throw new BodyTooLargeError(url, limit, decoder === null ? 'raw' : 'decoded');
        chunks.push(chunk);
      }
    } finally {
      response.destroy();
      rawCounter.destroy();
      decoder?.destroy();
    }
    return new Uint8Array(Buffer.concat(chunks, size));
  }

  /**
   * A host slot, or `FetchAbortedError` as soon as `signal` is aborted; a slot granted after that
   * is handed straight back, so a stopping caller never waits out another request's turn.
   */
  async function acquireUnlessAborted(host: string, url: string, signal: AbortSignal | undefined) {
    const granted = scheduler.acquire(host);
    if (!signal) return granted;
    if (signal.aborted) {
      void granted.then((release) => release());
      throw new FetchAbortedError(url);
    }
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(new FetchAbortedError(url));
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([granted, aborted]);
    } catch (error) {
      void granted.then((release) => release());
      throw error;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  async function fetchHop(
    url: URL,
    validators: Validators,
    hop: number,
    input: string,
    signal: AbortSignal | undefined,
  ): Promise<{ document: FetchedDocument } | { redirect: URL }> {
    const pinned = await guardAddress(url, { allowHosts: options.allowHosts, resolve });
    const release = await acquireUnlessAborted(url.host.toLowerCase(), url.href, signal);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    // The caller's abort ends the request the same way the timeout does, but is reported apart.
    const stop = () => controller.abort();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      if (signal?.aborted) throw new FetchAbortedError(url.href);
      const response = await request(url, pinned, validators, controller.signal);
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        response.destroy();
        const location = header(response, 'location');
        if (location === null) throw new HttpStatusError(url.href, status);
        if (hop >= maxRedirects) throw new TooManyRedirectsError(input, maxRedirects);
        return { redirect: new URL(location, url) };
      }
      if (status === 304) {
        response.destroy();
        return { document: { status: 304 } };
      }
      if (status !== 200) {
        response.destroy();
        throw new HttpStatusError(url.href, status);
      }
      const body = await readBody(response, url.href);
      const document: FetchedDocument = {
        status: 200,
        url: url.href,
        body,
        contentType: header(response, 'content-type'),
        etag: header(response, 'etag'),
        lastModified: header(response, 'last-modified'),
      };
      return { document };
    } catch (error) {
      if (signal?.aborted) throw new FetchAbortedError(url.href);
      if (error instanceof FetchError && error.code !== 'network') throw error;
      if (controller.signal.aborted) throw new FetchTimeoutError(url.href, options.timeoutMs);
      throw new FetchNetworkError(url.href, error);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      release();
    }
  }

  async function fetchDocument(
    input: string,
    validators: Validators = {},
    control: FetchControl = {},
  ): Promise<FetchedDocument> {
    let current: URL;
    try {
      current = new URL(input);
    } catch (error) {
      throw new FetchNetworkError(input, error);
    }
    for (let hop = 0; ; hop += 1) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        throw new UnsupportedSchemeError(current.href, current.protocol.replace(/:$/, ''));
      }
      const outcome = await fetchHop(current, validators, hop, input, control.signal).catch(
        (error: unknown) => {
          // A resolver failure (NXDOMAIN and the like) surfaces as a network error too.
          throw error instanceof FetchError ? error : new FetchNetworkError(current.href, error);
        },
      );
      if ('document' in outcome) return outcome.document;
      current = outcome.redirect;
    }
  }

  return { fetchDocument };
}
