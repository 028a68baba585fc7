import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/platform/http/server.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/database.js';

// The render cache against the abuse of issue 11: tracking parameters, padded junk queries, and
// the same answer (headers, 304s, encodings) whichever of the two paths serves a page.

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** A request over the socket with exactly these headers; the body comes back as sent, not decoded. */
function raw(base: string, target: string, headers: Record<string, string> = {}, method = 'GET') {
  const { hostname, port } = new URL(base);
  return new Promise<RawResponse>((resolve, reject) => {
    const request = http.request({ hostname, port, path: target, method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

/** Headers two answers must share: all but the moment they were sent. */
const comparable = ({ date: _date, ...headers }: http.IncomingHttpHeaders) => headers;

const BUDGET = 384 * 1024;

describe.each(DIALECTS)('render cache under abuse (%s)', (dialect) => {
  let t: TestApp;
  let server: RunningServer;
  let storyPath: string;
  let otherStories: string[];

  /** Requests a page until its brotli and gzip forms are stored (they are made after the first answer). */
  async function compressed(target: string): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const answer = await raw(server.url, target, { 'accept-encoding': 'br' });
      if (answer.headers['content-encoding'] === 'br') return;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`${target} was never stored compressed`);
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'demo' }, undefined, {
      env: { RENDER_CACHE_BYTES: String(BUDGET) },
    });
    server = await startServer(t.app, t.cache, { host: '127.0.0.1', port: 0 });
    const front = (await raw(server.url, '/en/')).body.toString();
    const stories = [
      ...new Set([...front.matchAll(/href="(\/en\/[a-z-]+\/[a-z0-9-]+)"/g)].map((m) => m[1] ?? '')),
    ];
    [storyPath = '', ...otherStories] = stories;
    expect(otherStories.length).toBeGreaterThan(4);
  }, 180_000);

  afterAll(async () => {
    agent.destroy();
    await server.close();
    await t.destroy();
  });

  describe('tracking parameters are the same page', () => {
    it('answers ?fbclid= and ?utm_source= from the entry of the bare page', async () => {
      t.cache.clear();
      const bare = await raw(server.url, storyPath);
      expect(bare.status).toBe(200);
      const before = t.cache.stats();
      for (const target of [
        `${storyPath}?fbclid=IwAR2x${'Q'.repeat(60)}`,
        `${storyPath}?utm_source=newsletter&utm_medium=email&utm_campaign=launch`,
        `${storyPath}?gclid=abc&mc_cid=1&mc_eid=2`,
      ]) {
        const shared = await raw(server.url, target);
        expect(shared.status).toBe(200);
        expect(shared.headers.etag).toBe(bare.headers.etag);
        expect(shared.body.equals(bare.body)).toBe(true);
      }
      const after = t.cache.stats();
      expect(after.entries).toBe(before.entries);
      expect(after.hits).toBe(before.hits + 3);
      expect(after.misses).toBe(before.misses);
      expect(t.cache.keys()).toEqual([storyPath]);
    });

    it('sends unknown parameters to the page’s own address, keeping the route’s parameters', async () => {
      t.cache.clear();
      // Not cached: the router answers; then cached: the fast path does, alike.
      for (let round = 0; round < 2; round++) {
        const junk = await raw(server.url, `${storyPath}?utm_source=x&q=${round}`);
        expect(junk.status).toBe(301);
        expect(junk.headers.location).toBe(storyPath);
        await raw(server.url, storyPath);
      }
      const list = await raw(server.url, '/en/ai-models/?sort=new&page=2&fbclid=x');
      expect(list.status).toBe(301);
      expect(list.headers.location).toBe('/en/ai-models/?page=2');
      const long = await raw(server.url, `/en/feed.xml?${'a=b&'.repeat(1000)}`);
      expect(long.status).toBe(301);
      expect(long.headers.location).toBe('/en/feed.xml');
    });
  });

  describe('padded unique query strings', () => {
    it('neither store nor evict anything: thousands of them on a feed, with a real page read between', async () => {
      t.cache.clear();
      expect((await raw(server.url, storyPath)).status).toBe(200);
      expect((await raw(server.url, '/en/feed.xml')).status).toBe(200);
      await compressed(storyPath);
      await compressed('/en/feed.xml');
      const before = t.cache.stats();
      const padding = 'x'.repeat(200);
      const junk = (i: number) =>
        raw(server.url, i % 2 === 0 ? `/en/feed.xml?n=${i}&pad=${padding}` : `${storyPath}?${i}=${padding}`);
      for (let batch = 0; batch < 2000; batch += 100) {
        const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => junk(batch + i)));
        expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 301));
        expect((await raw(server.url, storyPath)).status).toBe(200);
      }
      const after = t.cache.stats();
      expect(after.entries).toBe(before.entries);
      expect(after.bytes).toBe(before.bytes);
      expect(after.evictions).toBe(before.evictions);
      expect(t.cache.keys()).toContain(storyPath);
    }, 120_000);

    it('keeps real pages within the byte budget, least recently read out first', async () => {
      t.cache.clear();
      const pages = [
        ...otherStories,
        ...otherStories.map((path) => path.replace(/^\/en\//, '/zh/')),
        '/en/feed.xml',
        '/en/atom.xml',
        '/zh/feed.xml',
        '/en/topics/',
        '/zh/',
      ];
      for (const path of pages) {
        await raw(server.url, path, { 'accept-encoding': 'br, gzip' });
        // The page being read survives every eviction.
        expect((await raw(server.url, storyPath)).status).toBe(200);
        expect(t.cache.keys()).toContain(storyPath);
        expect(t.cache.stats().bytes).toBeLessThanOrEqual(BUDGET);
      }
      await compressed(storyPath);
      expect(t.cache.stats().evictions).toBeGreaterThan(0);
      expect(t.cache.stats().bytes).toBeLessThanOrEqual(BUDGET);
    });
  });

  describe('one answer for hits and 304s', () => {
    it('sends the same 304 from the router (a miss) and from the fast path (a hit)', async () => {
      t.cache.clear();
      const first = await raw(server.url, storyPath);
      const etag = String(first.headers.etag);
      t.cache.clear();
      const fromRouter = await raw(server.url, storyPath, { 'if-none-match': etag });
      expect(t.cache.keys()).toEqual([storyPath]);
      const fromFastPath = await raw(server.url, storyPath, { 'if-none-match': etag });
      expect(fromRouter.status).toBe(304);
      expect(fromFastPath.status).toBe(304);
      expect(comparable(fromFastPath.headers)).toEqual(comparable(fromRouter.headers));
      expect(fromRouter.headers).toMatchObject({ etag, vary: 'Accept-Encoding' });
      expect(fromRouter.headers['content-type']).toBeUndefined();
    });

    it('sends the same compressed answer from both paths, 200 and 304', async () => {
      await compressed(storyPath);
      const headers = { 'accept-encoding': 'gzip, br' };
      const fast = await raw(server.url, storyPath, headers);
      // A dot segment is not the fast path's key, so the router answers it, from the same entry.
      const viaRouter = await raw(server.url, storyPath.replace('/en/', '/en/./'), headers);
      expect(fast.headers['content-encoding']).toBe('br');
      expect(comparable(viaRouter.headers)).toEqual(comparable(fast.headers));
      expect(viaRouter.body.equals(fast.body)).toBe(true);
      const conditional = { ...headers, 'if-none-match': String(fast.headers.etag) };
      const fast304 = await raw(server.url, storyPath, conditional);
      const router304 = await raw(server.url, storyPath.replace('/en/', '/en/./'), conditional);
      expect(fast304.status).toBe(304);
      expect(comparable(router304.headers)).toEqual(comparable(fast304.headers));
    });
  });

  describe('pre-compressed pages', () => {
    it('serves br, gzip and identity that decode to the same bytes, each with its own length and tag', async () => {
      for (const target of [storyPath, '/en/feed.xml']) {
        await raw(server.url, target);
        await compressed(target);
        const identity = await raw(server.url, target, { 'accept-encoding': 'identity' });
        const br = await raw(server.url, target, { 'accept-encoding': 'gzip, deflate, br' });
        const gzip = await raw(server.url, target, { 'accept-encoding': 'br;q=0, gzip' });
        expect(br.headers['content-encoding']).toBe('br');
        expect(gzip.headers['content-encoding']).toBe('gzip');
        expect(identity.headers['content-encoding']).toBeUndefined();
        expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
        expect(gunzipSync(gzip.body).equals(identity.body)).toBe(true);
        for (const answer of [identity, br, gzip]) {
          expect(answer.headers['content-length']).toBe(String(answer.body.length));
          expect(answer.headers.vary).toBe('Accept-Encoding');
        }
        expect(new Set([identity.headers.etag, br.headers.etag, gzip.headers.etag]).size).toBe(3);
        expect(br.body.length).toBeLessThan(identity.body.length / 2);
        const head = await raw(server.url, target, { 'accept-encoding': 'br' }, 'HEAD');
        expect(comparable(head.headers)).toEqual(comparable(br.headers));
        expect(head.body.length).toBe(0);
      }
    });
  });
});
