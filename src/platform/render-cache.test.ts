import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { QueryParameter } from './page-key.js';
import { type CachedPage, RenderCache, uncompressedPage } from './render-cache.js';

const KB = 1024;
/** Text that compresses like a page does, `bytes` long. */
const html = (bytes: number, seed = 0) =>
  Buffer.from(
    `<p>Story ${seed}: ${'Nvidia widens its data-centre roll-out. '.repeat(bytes / 40 + 1)}`.slice(0, bytes),
  );
const pageOf = (bytes: number, seed = 0): CachedPage =>
  uncompressedPage(200, html(bytes, seed), { 'content-type': 'text/html; charset=utf-8' });
/** A small body that is stored as is, so its size in the cache is known at once. */
const tiny = (seed: number) => pageOf(500, seed);

describe('RenderCache bounds', () => {
  it('keeps the bytes of every entry under the budget, evicting the least recently used', async () => {
    const cache = new RenderCache(10_000, 20 * KB);
    for (let i = 0; i < 200; i++) await cache.set(`/en/p${i}`, tiny(i), ['front']);
    const stats = cache.stats();
    expect(stats.bytes).toBeLessThanOrEqual(20 * KB);
    expect(stats.entries).toBeGreaterThan(5);
    expect(stats.entries).toBeLessThan(200);
    expect(stats.evictions).toBe(200 - stats.entries);
    // The newest survive, in order of use.
    expect(cache.keys().at(-1)).toBe('/en/p199');
    expect(cache.keys()).not.toContain('/en/p0');
  });

  it('keeps a page that is being read while new pages push others out', async () => {
    const cache = new RenderCache(10_000, 20 * KB);
    await cache.set('/en/real', tiny(-1), ['story:1']);
    for (let i = 0; i < 500; i++) {
      await cache.set(`/en/junk-${i}`, tiny(i), []);
      expect(cache.get('/en/real')).toBeDefined();
    }
    expect(cache.stats().bytes).toBeLessThanOrEqual(20 * KB);
  });

  it('counts a read as use: the page read last is evicted last', async () => {
    const cache = new RenderCache(3, 1024 * KB);
    for (const key of ['/a', '/b', '/c']) await cache.set(key, tiny(key.length), []);
    cache.get('/a');
    cache.lookup('/b?utm_source=x');
    await cache.set('/d', tiny(4), []);
    expect(cache.keys()).toEqual(['/a', '/b', '/d']);
  });

  it('also applies the entry count', async () => {
    const cache = new RenderCache(3, 1024 * KB);
    for (let i = 0; i < 5; i++) await cache.set(`/p${i}`, tiny(i), []);
    expect(cache.keys()).toEqual(['/p2', '/p3', '/p4']);
    expect(cache.stats().evictions).toBe(2);
  });

  it('does not store a page larger than the whole budget, and 0 turns the cache off', async () => {
    const small = new RenderCache(100, 4 * KB);
    await small.set('/big', pageOf(8 * KB), []);
    expect(small.size).toBe(0);
    const off = new RenderCache(100, 0);
    await off.set('/p', tiny(1), []);
    expect(off.size).toBe(0);
  });

  it('counts hits and misses, and returns the bytes of dropped entries to the budget', async () => {
    const cache = new RenderCache(100, 1024 * KB);
    await cache.set('/a', tiny(1), ['story:1']);
    await cache.set('/b', tiny(2), ['story:2']);
    cache.get('/a');
    cache.get('/nowhere');
    const before = cache.stats();
    expect(before).toMatchObject({ entries: 2, hits: 1, misses: 1, evictions: 0 });
    expect(cache.invalidate(['story:1'])).toBe(1);
    expect(cache.stats().bytes).toBeLessThan(before.bytes);
    expect(cache.stats().bytes).toBeGreaterThan(0);
    cache.clear();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });
});

describe('RenderCache versions and tags', () => {
  it('does not store a page rendered before an invalidation', async () => {
    const cache = new RenderCache(100);
    const version = cache.version;
    cache.invalidate(['story:1']);
    await cache.set('/a', tiny(1), ['story:1'], version);
    expect(cache.size).toBe(0);
  });

  it('drops the compressed forms of a page invalidated while they were being made', async () => {
    const cache = new RenderCache(100);
    const stored = cache.set('/a', pageOf(20 * KB), ['story:1']);
    cache.invalidate(['story:1']);
    await stored;
    expect(cache.size).toBe(0);
    expect(cache.stats().bytes).toBe(0);
  });
});

describe('RenderCache encodings', () => {
  it('stores brotli and gzip forms that decode to the page, each with its own tag', async () => {
    const cache = new RenderCache(100);
    const page = pageOf(20 * KB);
    await cache.set('/a', page, []);
    const stored = cache.get('/a');
    expect(stored?.br && brotliDecompressSync(stored.br.body)).toEqual(page.identity.body);
    expect(stored?.gzip && gunzipSync(stored.gzip.body)).toEqual(page.identity.body);
    expect(stored?.br?.body.length).toBeLessThan(page.identity.body.length / 3);
    expect(new Set([stored?.identity.etag, stored?.br?.etag, stored?.gzip?.etag]).size).toBe(3);
    // Counted: all three forms.
    const bytes = cache.stats().bytes;
    expect(bytes).toBeGreaterThan(page.identity.body.length + (stored?.br?.body.length ?? 0));
  });

  it('keeps tiny pages as they are', async () => {
    const cache = new RenderCache(100);
    await cache.set('/a', pageOf(300), []);
    expect(cache.get('/a')?.br).toBeUndefined();
    expect(cache.get('/a')?.gzip).toBeUndefined();
  });
});

describe('RenderCache.lookup (the fast path)', () => {
  const LIST: QueryParameter[] = [{ name: 'page', default: '1' }];

  it('finds a page under the key its route would use, and redirects unknown parameters', async () => {
    const cache = new RenderCache(100);
    await cache.set('/en/ai-models/', tiny(1), [], cache.version, LIST);
    await cache.set('/en/ai-models/?page=2', tiny(2), [], cache.version, LIST);
    expect(cache.lookup('/en/ai-models/?utm_source=x&fbclid=y')).toEqual({
      page: cache.get('/en/ai-models/'),
    });
    expect(cache.lookup('/en/ai-models/?page=1')).toEqual({ page: cache.get('/en/ai-models/') });
    expect(cache.lookup('/en/ai-models/?gclid=1&page=2')).toEqual({
      page: cache.get('/en/ai-models/?page=2'),
    });
    expect(cache.lookup('/en/ai-models/?page=2&junk=1')).toEqual({ redirect: '/en/ai-models/?page=2' });
    // Not cached yet: the router decides.
    expect(cache.lookup('/en/ai-models/?page=3')).toBeUndefined();
    expect(cache.lookup('/en/chips/?junk=1')).toBeUndefined();
  });

  it('forgets a path once its last page is gone', async () => {
    const cache = new RenderCache(100);
    await cache.set('/en/x', tiny(1), ['story:1']);
    expect(cache.lookup('/en/x?junk=1')).toEqual({ redirect: '/en/x' });
    cache.invalidate(['story:1']);
    expect(cache.lookup('/en/x?junk=1')).toBeUndefined();
  });

  it('counts a fast-path hit once and leaves misses to the router', async () => {
    const cache = new RenderCache(100);
    await cache.set('/en/x', tiny(1), []);
    cache.lookup('/en/x?fbclid=1');
    cache.lookup('/en/y');
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 0 });
  });
});
