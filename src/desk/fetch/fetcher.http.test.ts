import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Resolve } from './address.js';
import {
  BlockedAddressError,
  BodyTooLargeError,
  FetchNetworkError,
  FetchTimeoutError,
  HttpStatusError,
  TooManyRedirectsError,
  UnsupportedSchemeError,
} from './errors.js';
import { createFetcher, type FetcherOptions, isZlibWrapped } from './fetcher.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const routes = new Map<string, Handler>();
const seen: Array<{ path: string; headers: IncomingMessage['headers'] }> = [];
let server: http.Server;
let port: number;
let base: string;

/** Never resolves a real name: anything not listed here fails, so no test can reach the internet. */
function fakeResolver(table: Record<string, string[]>): Resolve & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    const answers = table[hostname];
    if (answers === undefined) throw new Error(`fake DNS: no entry for ${hostname}`);
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

function fetcher(overrides: Partial<FetcherOptions> = {}) {
  return createFetcher({
    userAgent: 'CodeVelocityDesk/0.1 (+https://example.test/bot)',
    timeoutMs: 2000,
    maxBodyBytes: 1024 * 1024,
    perHostConcurrency: 2,
    politenessDelayMs: 0,
    allowHosts: ['127.0.0.1'],
    resolve: fakeResolver({}),
    ...overrides,
  }).fetchDocument;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({ path: url.pathname, headers: req.headers });
    const handler = routes.get(url.pathname);
    if (handler) handler(req, res);
    else {
      res.statusCode = 404;
      res.end('missing');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterEach(() => {
  routes.clear();
  seen.length = 0;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

describe('fetchDocument: conditional GET', () => {
  it('returns 200 with the ETag, then 304 for If-None-Match', async () => {
    routes.set('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.statusCode = 304;
        res.end();
        return;
      }
      res.setHeader('content-type', 'application/rss+xml');
      res.setHeader('etag', '"v1"');
      res.end('<rss/>');
    });
    const fetchDocument = fetcher();
    const first = await fetchDocument(`${base}/feed`);
    expect(first).toMatchObject({
      status: 200,
      url: `${base}/feed`,
      contentType: 'application/rss+xml',
      etag: '"v1"',
      lastModified: null,
    });
    if (first.status !== 200) throw new Error('expected 200');
    expect(Buffer.from(first.body).toString()).toBe('<rss/>');
    expect(seen[0]?.headers['user-agent']).toMatch(/^CodeVelocityDesk/);
    expect(seen[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(seen[0]?.headers['if-none-match']).toBeUndefined();

    const second = await fetchDocument(`${base}/feed`, { etag: first.etag });
    expect(second).toEqual({ status: 304 });
    expect(seen[1]?.headers['if-none-match']).toBe('"v1"');
  });

  it('returns Last-Modified and sends If-Modified-Since', async () => {
    const stamp = 'Wed, 21 Oct 2026 07:28:00 GMT';
    routes.set('/page', (req, res) => {
      if (req.headers['if-modified-since'] === stamp) {
        res.statusCode = 304;
        res.end();
        return;
      }
      res.setHeader('last-modified', stamp);
      res.end('hello');
    });
    const fetchDocument = fetcher();
    const first = await fetchDocument(`${base}/page`);
    expect(first).toMatchObject({ status: 200, lastModified: stamp, etag: null });
    await expect(fetchDocument(`${base}/page`, { lastModified: stamp })).resolves.toEqual({ status: 304 });
  });

  it('passes a wrong or missing content-type through as given', async () => {
    routes.set('/wrong', (_req, res) => {
      res.setHeader('content-type', 'image/png; charset=banana');
      res.end('<rss/>');
    });
    routes.set('/none', (_req, res) => {
      res.removeHeader('content-type');
      res.end('<rss/>');
    });
    const fetchDocument = fetcher();
    await expect(fetchDocument(`${base}/wrong`)).resolves.toMatchObject({
      contentType: 'image/png; charset=banana',
    });
    await expect(fetchDocument(`${base}/none`)).resolves.toMatchObject({ status: 200, contentType: null });
  });

  it('raises HttpStatusError with the status', async () => {
    routes.set('/gone', (_req, res) => {
      res.statusCode = 410;
      res.end('gone');
    });
    const error = await fetcher()(`${base}/gone`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).status).toBe(410);
  });

  it('refuses schemes other than http and https', async () => {
    await expect(fetcher()('file:///etc/passwd')).rejects.toBeInstanceOf(UnsupportedSchemeError);
    await expect(fetcher()('ftp://127.0.0.1/x')).rejects.toBeInstanceOf(UnsupportedSchemeError);
  });
});

describe('fetchDocument: redirects', () => {
  function chain(length: number) {
    for (let i = 0; i < length; i += 1) {
      routes.set(`/hop/${i}`, (_req, res) => {
        res.statusCode = i % 2 === 0 ? 301 : 307;
        res.setHeader('location', `../hop/${i + 1}`);
        res.end();
      });
    }
    routes.set(`/hop/${length}`, (_req, res) => res.end('arrived'));
  }

  it('follows a relative Location and reports the final URL', async () => {
    routes.set('/old/feed', (_req, res) => {
      res.statusCode = 302;
      res.setHeader('location', '../new/feed?x=1');
      res.end();
    });
    routes.set('/new/feed', (_req, res) => res.end('new'));
    const result = await fetcher()(`${base}/old/feed`);
    expect(result).toMatchObject({ status: 200, url: `${base}/new/feed?x=1` });
  });

  it('follows a chain of 5', async () => {
    chain(5);
    await expect(fetcher()(`${base}/hop/0`)).resolves.toMatchObject({ status: 200, url: `${base}/hop/5` });
  });

  it('refuses a chain of 6', async () => {
    chain(6);
    await expect(fetcher()(`${base}/hop/0`)).rejects.toBeInstanceOf(TooManyRedirectsError);
    expect(seen.map((s) => s.path)).not.toContain('/hop/6');
  });

  it('refuses a redirect to a blocked address, by literal IP and by name', async () => {
    routes.set('/to-ip', (_req, res) => {
      res.statusCode = 302;
      res.setHeader('location', 'http://169.254.169.254/latest/meta-data/');
      res.end();
    });
    routes.set('/to-name', (_req, res) => {
      res.statusCode = 302;
      res.setHeader('location', 'http://metadata.example.test/');
      res.end();
    });
    const resolve = fakeResolver({ 'metadata.example.test': ['10.0.0.5'] });
    await expect(fetcher({ resolve })(`${base}/to-ip`)).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(fetcher({ resolve })(`${base}/to-name`)).rejects.toBeInstanceOf(BlockedAddressError);
    expect(resolve.calls).toEqual(['metadata.example.test']);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    routes.set('/to-file', (_req, res) => {
      res.statusCode = 301;
      res.setHeader('location', 'file:///etc/passwd');
      res.end();
    });
    await expect(fetcher()(`${base}/to-file`)).rejects.toBeInstanceOf(UnsupportedSchemeError);
  });
});

describe('fetchDocument: address guard', () => {
  it('refuses 127.0.0.2 (not allowed) without connecting', async () => {
    let connections = 0;
    const trap = http.createServer((_req, res) => res.end('should not be reached'));
    trap.on('connection', () => {
      connections += 1;
    });
    trap.listen(0, '127.0.0.2');
    await once(trap, 'listening');
    const trapPort = (trap.address() as AddressInfo).port;
    try {
      await expect(fetcher()(`http://127.0.0.2:${trapPort}/`)).rejects.toBeInstanceOf(BlockedAddressError);
      expect(connections).toBe(0);
    } finally {
      trap.close();
    }
  });

  it.each([
    ['10.0.0.5'],
    ['192.168.1.1'],
    ['169.254.169.254'],
    ['fe80::1'],
    ['::ffff:127.0.0.1'],
    ['fd00::1'],
  ])('refuses a name resolving to %s', async (address) => {
    const resolve = fakeResolver({ 'feeds.example.test': [address] });
    await expect(fetcher({ resolve })('http://feeds.example.test/rss')).rejects.toBeInstanceOf(
      BlockedAddressError,
    );
    expect(resolve.calls).toEqual(['feeds.example.test']);
  });

  it('connects to the address it checked, not to a second lookup (no DNS rebinding)', async () => {
    routes.set('/rss', (req, res) => res.end(`host=${req.headers.host}`));
    const answers = [['127.0.0.1'], ['10.0.0.5']];
    const calls: string[] = [];
    const resolve: Resolve = async (hostname) => {
      calls.push(hostname);
      const next = answers.shift() ?? ['10.0.0.5'];
      return next.map((address) => ({ address, family: 4 }));
    };
    const host = `news.example.test:${port}`;
    const result = await fetcher({ resolve, allowHosts: [host] })(`http://${host}/rss`);
    if (result.status !== 200) throw new Error('expected 200');
    expect(Buffer.from(result.body).toString()).toBe(`host=${host}`);
    expect(calls).toEqual(['news.example.test']);
  });

  it('does not exempt a name that is allowed only on another port', async () => {
    const resolve = fakeResolver({ 'news.example.test': ['127.0.0.1'] });
    await expect(
      fetcher({ resolve, allowHosts: ['news.example.test:1'] })(`http://news.example.test:${port}/rss`),
    ).rejects.toBeInstanceOf(BlockedAddressError);
  });
});

describe('fetchDocument: limits', () => {
  it('times out a slow response', async () => {
    routes.set('/slow', (_req, res) => {
      const timer = setTimeout(() => res.end('late'), 5000);
      res.on('close', () => clearTimeout(timer));
    });
    // The answer would come after 5 s: a FetchTimeoutError can only be the 150 ms limit's.
    await expect(fetcher({ timeoutMs: 150 })(`${base}/slow`)).rejects.toBeInstanceOf(FetchTimeoutError);
  });

  it('times out a body that trickles', async () => {
    routes.set('/trickle', (_req, res) => {
      res.write('a');
      const timer = setInterval(() => res.write('a'), 20);
      res.on('close', () => clearInterval(timer));
    });
    await expect(fetcher({ timeoutMs: 200 })(`${base}/trickle`)).rejects.toBeInstanceOf(FetchTimeoutError);
  });

  it('stops an endless body at the limit', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    routes.set('/endless', (_req, res) => {
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) {}
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('error', () => {});
      pump();
    });
    const error = await fetcher({ maxBodyBytes: 256 * 1024 })(`${base}/endless`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
  });

  it('refuses a declared Content-Length over the limit', async () => {
    routes.set('/big', (_req, res) => {
      res.setHeader('content-length', String(10 * 1024 * 1024));
      res.write('x');
      res.on('error', () => {});
    });
    const error = await fetcher()(`${base}/big`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as BodyTooLargeError).details).toMatchObject({ stage: 'declared' });
  });

  it('stops a raw-deflate bomb at the decoded limit', async () => {
    const bomb = zlib.deflateRawSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    routes.set('/raw-bomb', (_req, res) => {
      res.setHeader('content-encoding', 'deflate');
      res.on('error', () => {});
      res.end(bomb);
    });
    const error = await fetcher({ maxBodyBytes: 1024 * 1024 })(`${base}/raw-bomb`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as BodyTooLargeError).details).toMatchObject({ stage: 'decoded' });
  });

  it('stops a gzip bomb (1 GiB of zeros) at the decoded limit with bounded memory', async () => {
    // 1024 gzip members of 1 MiB of zeros each: about 1 MB on the wire, 1 GiB decoded.
    const member = zlib.gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 1024 }, () => member));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    routes.set('/bomb', (_req, res) => {
      res.setHeader('content-encoding', 'gzip');
      res.setHeader('content-length', String(bomb.length));
      res.on('error', () => {});
      res.end(bomb);
    });
    const before = process.memoryUsage();
    const error = await fetcher({ maxBodyBytes: 4 * 1024 * 1024 })(`${base}/bomb`).catch((e: unknown) => e);
    const after = process.memoryUsage();
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as BodyTooLargeError).details).toMatchObject({ stage: 'decoded' });
    const grown = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
    expect(grown).toBeLessThan(64 * 1024 * 1024);
  });

  it.each([
    ['gzip', (b: Buffer) => zlib.gzipSync(b)],
    ['deflate', (b: Buffer) => zlib.deflateSync(b)],
    ['deflate', (b: Buffer) => zlib.deflateRawSync(b)],
    ['br', (b: Buffer) => zlib.brotliCompressSync(b)],
  ])('decodes a %s body', async (encoding, encode) => {
    const text = '<rss><channel><title>Ünïcode ✓</title></channel></rss>'.repeat(50);
    routes.set('/encoded', (_req, res) => {
      res.setHeader('content-encoding', encoding);
      res.setHeader('content-type', 'application/rss+xml; charset=utf-8');
      res.end(encode(Buffer.from(text)));
    });
    const result = await fetcher()(`${base}/encoded`);
    if (result.status !== 200) throw new Error('expected 200');
    expect(Buffer.from(result.body).toString('utf8')).toBe(text);
  });
});

describe('fetchDocument: network failures', () => {
  it('wraps a refused connection and a failed lookup as FetchNetworkError', async () => {
    const closed = http.createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const closedPort = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    await expect(fetcher()(`http://127.0.0.1:${closedPort}/`)).rejects.toBeInstanceOf(FetchNetworkError);
    await expect(fetcher()('http://nowhere.example.test/')).rejects.toBeInstanceOf(FetchNetworkError);
    await expect(fetcher()('not a url')).rejects.toBeInstanceOf(FetchNetworkError);
  });
});

describe('fetchDocument: politeness', () => {
  it('waits the politeness delay between requests to the same host', async () => {
    routes.set('/p', (_req, res) => res.end('ok'));
    let t = 0;
    const sleeps: number[] = [];
    const fetchDocument = fetcher({
      politenessDelayMs: 10_000,
      now: () => t,
      sleep: async (ms) => {
        sleeps.push(ms);
        t += ms;
      },
    });
    await fetchDocument(`${base}/p`);
    await fetchDocument(`${base}/p`);
    expect(sleeps).toEqual([10_000]);
  });
});

describe('isZlibWrapped', () => {
  it.each([
    ['zlib default', zlib.deflateSync(Buffer.from('hello')), true],
    ['zlib best', zlib.deflateSync(Buffer.from('hello'), { level: 9 }), true],
    ['raw deflate', zlib.deflateRawSync(Buffer.from('hello')), false],
    ['too short', Buffer.from([0x78]), true],
    ['nothing', null, true],
  ])('%s → %s', (_name, bytes, expected) => {
    expect(isZlibWrapped(bytes)).toBe(expected);
  });
});
