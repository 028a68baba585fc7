import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { normalisePath, pageKey, type QueryParameter } from './page-key.js';

/** One stored form of a page's body, with the entity tag that names exactly these bytes. */
export interface EncodedBody {
  body: Buffer;
  etag: string;
}

export interface CachedPage {
  status: number;
  /** Sent with every encoding: content type, cache control, security headers, language. */
  headers: Record<string, string>;
  identity: EncodedBody;
  br?: EncodedBody;
  gzip?: EncodedBody;
}

/** What the fast path finds for a request: a stored page, or the page's own address to redirect to. */
export type CacheLookup = { page: CachedPage } | { redirect: string };

export interface RenderCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  evictions: number;
}

const DEFAULT_RENDER_CACHE_BYTES = 64 * 1024 * 1024;

/** A strong ETag from the bytes themselves, so identical renders validate against each other. */
export function etagFor(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** A page as rendered, before the cache adds its compressed forms. */
export function uncompressedPage(status: number, body: Buffer, headers: Record<string, string>): CachedPage {
  return { status, headers, identity: { body, etag: etagFor(body) } };
}

// Brotli quality 5 compresses a 25 KB page in about half a millisecond to within 20% of quality
// 11, which takes a hundred times longer; gzip's default level 6 is as cheap. Both run on the
// libuv thread pool after the page is stored, so neither the miss nor the event loop waits for them.
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;
/** Below this, headers outweigh what compression would save. */
const MIN_COMPRESSED_BYTES = 1024;
/** The entry object, its slots in the maps and the page object, roughly, on top of what is counted. */
const ENTRY_OVERHEAD_BYTES = 256;
/** Compressions at once: the pool has four threads, and rendering wants some of them too. */
const COMPRESSION_SLOTS = 2;
const COMPRESSION_BACKLOG = 1000;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * A buffer with memory of its own: small buffers from Buffer.from and zlib are slices of a shared
 * 8 KB pool, and keeping the slice would keep (and hide from the byte count) the whole slab.
 */
function ownBuffer(buffer: Buffer): Buffer {
  if (buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.length) return buffer;
  const copy = new Uint8Array(buffer);
  return Buffer.from(copy.buffer, 0, copy.length);
}

async function compressed(page: CachedPage): Promise<CachedPage> {
  const { body, etag } = page.identity;
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzip(body, { level: GZIP_LEVEL }),
  ]);
  // Each encoding is its own representation with its own tag (RFC 9110 §8.8.3), so a 304
  // never confirms bytes in an encoding other than the one the client holds.
  const encoded = (bytes: Buffer, suffix: string): EncodedBody | undefined =>
    bytes.length < body.length
      ? { body: ownBuffer(bytes), etag: etag.replace(/"$/, `-${suffix}"`) }
      : undefined;
  const brBody = encoded(br, 'br');
  const gzipBody = encoded(gz, 'gz');
  return { ...page, ...(brBody ? { br: brBody } : {}), ...(gzipBody ? { gzip: gzipBody } : {}) };
}

/** Strings counted as two bytes a character, which V8 never exceeds. */
function entryBytes(key: string, page: CachedPage, tags: string[]): number {
  let bytes = ENTRY_OVERHEAD_BYTES + 2 * key.length;
  for (const encoded of [page.identity, page.br, page.gzip]) {
    if (encoded) bytes += encoded.body.length + 2 * encoded.etag.length;
  }
  for (const [name, value] of Object.entries(page.headers)) bytes += 2 * (name.length + value.length);
  // A tag's string and its slot in the tag index (which shares the key's string).
  for (const tag of tags) bytes += 2 * tag.length + 32;
  return bytes;
}

interface Entry {
  page: CachedPage;
  tags: string[];
  path: string;
  bytes: number;
}

/**
 * Rendered pages keyed by `pageKey` (path, which carries the locale, plus the parameters the
 * route reads) and tagged with what they show (`story:12`, `section:3`, `entity:5`, `front`, …).
 * A write drops exactly the entries carrying its tags. `version` counts invalidations: a page
 * rendered while a write was in flight carries the older version and is not stored.
 *
 * Bounded by bytes (every stored encoding, keys, headers and tags) and by entry count, whichever
 * is reached first; the least recently used page goes first, and reading a page makes it recent.
 */
export class RenderCache {
  /** In recency order, least recent first: a read moves the entry to the end. */
  private readonly entries = new Map<string, Entry>();
  private readonly keysByTag = new Map<string, Set<string>>();
  /** The parameters each cached path's route reads, so the fast path can build the same key. */
  private readonly paths = new Map<string, { query: readonly QueryParameter[]; entries: number }>();
  private currentVersion = 0;
  /** Compressions running now, and those waiting for a turn (see `inTurn`). */
  private compressing = 0;
  private readonly waitingToCompress: (() => void)[] = [];
  private totalBytes = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number = DEFAULT_RENDER_CACHE_BYTES,
  ) {}

  get version(): number {
    return this.currentVersion;
  }

  get size(): number {
    return this.entries.size;
  }

  stats(): RenderCacheStats {
    return {
      entries: this.entries.size,
      bytes: this.totalBytes,
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
    };
  }

  /** The page stored under a key from `pageKey`; counts as a hit or a miss. */
  get(key: string): CachedPage | undefined {
    const entry = this.touch(key);
    if (entry) this.hits++;
    else this.misses++;
    return entry?.page;
  }

  /**
   * For the server's fast path: the stored page a raw request target shows, or a redirect to it
   * when the target carries parameters its route does not read. Undefined when the path's route
   * has nothing cached (the router then decides, and counts the miss).
   */
  lookup(target: string): CacheLookup | undefined {
    const mark = target.indexOf('?');
    const known = this.paths.get(normalisePath(mark === -1 ? target : target.slice(0, mark)));
    if (!known) return undefined;
    const key = pageKey(target, known.query);
    if (key.kind === 'redirect') return { redirect: key.location };
    if (key.kind !== 'page') return undefined;
    const entry = this.touch(key.key);
    if (!entry) return undefined;
    this.hits++;
    return { page: entry.page };
  }

  /**
   * Stores a page under `key` (from `pageKey` with the route's `query`), then adds its brotli and
   * gzip forms once they are ready; the promise settles then (callers need not wait for it).
   */
  set(
    key: string,
    page: CachedPage,
    tags: string[],
    renderedAtVersion = this.currentVersion,
    query: readonly QueryParameter[] = [],
  ): Promise<void> {
    if (this.maxEntries === 0 || this.maxBytes === 0 || renderedAtVersion !== this.currentVersion) {
      return Promise.resolve();
    }
    this.delete(key);
    const stored: CachedPage = {
      ...page,
      identity: { ...page.identity, body: ownBuffer(page.identity.body) },
    };
    const bytes = entryBytes(key, stored, tags);
    if (bytes > this.maxBytes) return Promise.resolve();
    this.makeRoom(bytes, 1);
    const path = key.split('?', 1)[0] ?? key;
    const entry: Entry = { page: stored, tags, path, bytes };
    this.entries.set(key, entry);
    this.totalBytes += bytes;
    for (const tag of tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) {
        keys = new Set();
        this.keysByTag.set(tag, keys);
      }
      keys.add(key);
    }
    const known = this.paths.get(path);
    this.paths.set(path, { query, entries: (known?.entries ?? 0) + 1 });

    if (stored.br || stored.gzip || stored.identity.body.length < MIN_COMPRESSED_BYTES)
      return Promise.resolve();
    return this.inTurn(() => (this.entries.get(key) === entry ? compressed(stored) : undefined)).then(
      (withEncodings) => {
        if (!withEncodings) return;
        // Dropped, replaced or invalidated meanwhile: the compressed forms are of a page no longer kept.
        if (this.entries.get(key) !== entry) return;
        const grown = entryBytes(key, withEncodings, tags);
        if (grown > this.maxBytes) return;
        entry.page = withEncodings;
        this.totalBytes += grown - entry.bytes;
        entry.bytes = grown;
        this.makeRoom(0, 0, key);
      },
      () => undefined,
    );
  }

  /**
   * Runs a compression when one of COMPRESSION_SLOTS is free. Every zlib call holds its encoder's
   * memory from the moment it is queued, so a burst of misses compressing all at once held
   * hundreds of megabytes that the allocator then kept; past COMPRESSION_BACKLOG waiting pages a
   * page simply stays uncompressed.
   */
  private async inTurn<T>(compress: () => Promise<T> | undefined): Promise<T | undefined> {
    if (this.compressing >= COMPRESSION_SLOTS) {
      if (this.waitingToCompress.length >= COMPRESSION_BACKLOG) return undefined;
      // The slot is handed over by the compression that ends, never counted free in between.
      await new Promise<void>((resolve) => this.waitingToCompress.push(resolve));
    } else {
      this.compressing++;
    }
    try {
      return await compress();
    } finally {
      const next = this.waitingToCompress.shift();
      if (next) next();
      else this.compressing--;
    }
  }

  /** Drops every page carrying any of the tags; returns how many were dropped. */
  invalidate(tags: string[]): number {
    this.currentVersion++;
    let dropped = 0;
    for (const tag of tags) {
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) {
        if (this.delete(key)) dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.currentVersion++;
    this.entries.clear();
    this.keysByTag.clear();
    this.paths.clear();
    this.totalBytes = 0;
  }

  /** Every key, least recently used first. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry under `key`, made the most recently used. */
  private touch(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Evicts least recently used entries (never `spare`) until the incoming bytes and entries fit. */
  private makeRoom(incomingBytes: number, incomingEntries: number, spare?: string): void {
    for (const key of this.entries.keys()) {
      const fits =
        this.totalBytes + incomingBytes <= this.maxBytes &&
        this.entries.size + incomingEntries <= this.maxEntries;
      if (fits) return;
      if (key !== spare && this.delete(key)) this.evictions++;
    }
  }

  private delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
    const known = this.paths.get(entry.path);
    if (known && known.entries <= 1) this.paths.delete(entry.path);
    else if (known) known.entries--;
    return true;
  }
}
