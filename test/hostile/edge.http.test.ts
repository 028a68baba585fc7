import http from 'node:http';
import net from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edgeSettings } from '../../src/platform/http/edge.js';
import { type RunningServer, startServer } from '../../src/platform/http/server.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { eventually } from '../support/eventually.js';

// The hostile-request suite for the edge of the server (issue 11): bodies, paths, client
// addresses, HSTS, 405s and the favicon, all through a real server on a loopback port.

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const MiB = 1024 * 1024;
const HUGE = 256 * MiB;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with nothing normalized: the path goes on the wire as written. */
function request(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * POSTs up to `total` bytes, chunked or with a Content-Length, and stops sending as soon as the
 * answer comes. What the server refuses early never has to be sent whole.
 */
function postHuge(
  base: string,
  path: string,
  options: { chunked: boolean; contentType: string; total?: number },
): Promise<Answer> {
  const url = new URL(base);
  const total = options.total ?? HUGE;
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path,
      method: 'POST',
      headers: {
        'content-type': options.contentType,
        ...(options.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(total) }),
      },
    });
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString() });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    let sent = 0;
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

function heapAndBuffers(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Waits until the server holds no connection (a refused upload's socket is closed, not kept). */
async function connectionsClosed(): Promise<void> {
  const openConnections = () =>
    new Promise<number>((resolve, reject) =>
      server.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
    );
  await eventually(async () => (await openConnections()) === 0, 'every connection to close');
}

/**
 * Runs `work` and reports how far memory rose above where it started: at its peak, and what is
 * still held once the connections are gone.
 */
async function memoryGrowth<T>(work: () => Promise<T>): Promise<{ result: T; peak: number; kept: number }> {
  gc();
  const before = heapAndBuffers();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, heapAndBuffers());
  }, 2);
  try {
    const result = await work();
    peak = Math.max(peak, heapAndBuffers());
    await connectionsClosed();
    gc();
    return { result, peak: peak - before, kept: heapAndBuffers() - before };
  } finally {
    clearInterval(sampler);
  }
}

/** Raw bytes on a socket, and everything the server answers until it closes the connection. */
function rawExchange(base: string, bytes: Buffer): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    const parts: Buffer[] = [];
    socket.on('data', (part) => parts.push(part));
    socket.on('close', () => resolve(Buffer.concat(parts).toString('latin1')));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
      reject(error);
    });
    socket.end(bytes);
  });
}

let t: TestApp;
let server: RunningServer;

beforeAll(async () => {
  t = await createTestApp('sqlite', { seed: 'demo' }, undefined, {
    env: { TRUST_PROXY_HOPS: '1', MEDIA_MAX_UPLOAD_BYTES: String(2 * MiB) },
  });
  server = await startServer(t.app, t.cache, {
    host: '127.0.0.1',
    port: 0,
    edge: edgeSettings(t.site.deps.config),
  });
}, 180_000);

afterAll(async () => {
  await server?.close();
  await t?.destroy();
});

describe('no body limit on the public site', () => {
  const routes: [string, string, string, RegExp][] = [
    ['/en/newsletter', 'site newsletter form', 'application/x-www-form-urlencoded', /text\/html/],
    ['/share/1', 'share counter', 'application/x-www-form-urlencoded', /application\/json/],
    ['/webhooks/newsletter/velocity', 'bounce webhook', 'application/json', /application\/problem\+json/],
    ['/preview/some-token', 'preview', 'application/x-www-form-urlencoded', /text\/html/],
    ['/admin/stories', 'admin form', 'application/x-www-form-urlencoded', /text\/html/],
    ['/admin/media/upload', 'admin upload', 'multipart/form-data; boundary=x', /text\/html/],
    ['/api/admin/v1/stories', 'Admin API', 'application/json', /application\/problem\+json/],
    ['/en/no-such-page', 'a page that takes no body', 'text/plain', /text\/html/],
  ];

  for (const [path, family, contentType, answerType] of routes) {
    for (const chunked of [true, false]) {
      it(`${family} (${path}): 256 MiB ${chunked ? 'chunked' : 'with Content-Length'} is 413 without holding it`, async () => {
        // What a route builds once (its first page, its 413 page, their translations) is not what
        // is measured: the same refusal is answered once before.
        await postHuge(server.url, path, { chunked, contentType });
        const { result, peak, kept } = await memoryGrowth(() =>
          postHuge(server.url, path, { chunked, contentType }),
        );
        expect(result.status).toBe(413);
        expect(result.headers['content-type']).toMatch(answerType);
        // The largest limit here is the 2 MiB upload plus its form: nothing near 256 MiB is read.
        expect(peak).toBeLessThan(48 * MiB);
        expect(kept).toBeLessThan(8 * MiB);
      });
    }
  }

  it('the API answers its 413 as a problem document', async () => {
    const answer = await postHuge(server.url, '/api/admin/v1/stories', {
      chunked: false,
      contentType: 'application/json',
    });
    expect(JSON.parse(answer.body)).toMatchObject({ status: 413, title: 'Content Too Large' });
  });

  it('a Content-Length that lies short: the extra bytes are never part of the body', async () => {
    const head =
      'POST /api/admin/v1/stories HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n';
    const { result, kept } = await memoryGrowth(() =>
      rawExchange(server.url, Buffer.concat([Buffer.from(`${head}{}`), Buffer.alloc(8 * MiB, 'a')])),
    );
    // The two declared bytes are the request (no key: 401); the rest is a broken next request.
    const statuses = [...result.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((match) => Number(match[1]));
    expect(statuses[0]).toBe(401);
    expect(statuses.slice(1).every((status) => status === 400)).toBe(true);
    expect(kept).toBeLessThan(8 * MiB);
  });

  it('both Content-Length and Transfer-Encoding is refused outright', async () => {
    const answer = await rawExchange(
      server.url,
      Buffer.from(
        'POST /en/newsletter HTTP/1.1\r\nHost: x\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n',
      ),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
  });

  it('a small form still gets through', async () => {
    const answer = await request(server.url, '/en/newsletter', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=not-an-address',
    });
    expect(answer.status).not.toBe(413);
    expect(answer.status).toBeLessThan(500);
  });
});

describe('paths', () => {
  it('an encoded backslash is redirected on the site, not to another host', async () => {
    const answer = await request(server.url, '/%5Cevil.com');
    if (answer.status >= 300 && answer.status < 400) {
      const location = answer.headers.location ?? '';
      expect(location).toMatch(/^\/[^/\\]/);
      expect(new URL(location, 'https://news.example.test/x').origin).toBe('https://news.example.test');
    } else {
      expect([400, 404]).toContain(answer.status);
    }
  });

  it.each(['/\\evil.com', '/\\\\evil.com/'])('a raw backslash (%s) is 400', async (path) => {
    expect((await request(server.url, path)).status).toBe(400);
  });

  it('a path starting with two slashes never redirects off the site', async () => {
    for (const path of ['//evil.com', '//evil.com/', '//evil.com/x', '/%2Fevil.com', '/en//evil.com']) {
      const answer = await request(server.url, path);
      const location = answer.headers.location;
      if (location) expect(location, path).toMatch(/^\/[^/\\]/);
      expect(answer.status, path).toBeLessThan(500);
    }
  });

  it.each([
    '/%0d%0aSet-Cookie:%20x=1',
    '/%0D%0Aevil',
    '/%00',
    '/en/x%0d',
    '/en/%7f',
    '/en/ai-models/%1b',
    '/en/%E0%A4%A',
    '/en/%zz',
  ])('%s is 400, never 500', async (path) => {
    const answer = await request(server.url, path);
    expect(answer.status).toBe(400);
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('a cached page is not served for a bad path either', async () => {
    await request(server.url, '/en/');
    expect(t.cache.get('/en/')).toBeDefined();
    expect((await request(server.url, '/en/%00')).status).toBe(400);
  });

  it('the trailing-slash redirect keeps the query string', async () => {
    const section = await request(server.url, '/zh/ai-models?page=2');
    expect(section.status).toBe(301);
    expect(section.headers.location).toBe('/zh/ai-models/?page=2');
    const front = await request(server.url, '/zh?utm_source=x');
    expect(front.headers.location).toBe('/zh/?utm_source=x');
  });

  it('a request target longer than the limit is 414', async () => {
    const answer = await request(server.url, `/en/?q=${'a'.repeat(9000)}`);
    expect(answer.status).toBe(414);
  });

  it('request headers larger than the limit are 431', async () => {
    const answer = await rawExchange(
      server.url,
      Buffer.from(`GET /en/ HTTP/1.1\r\nHost: x\r\nx-padding: ${'a'.repeat(20_000)}\r\n\r\n`),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431/);
  });
});

describe('client addresses behind one proxy', () => {
  async function shareAs(storyId: string, forwardedFor: string): Promise<{ counted: boolean }> {
    const answer = await request(server.url, `/share/${storyId}`, {
      method: 'POST',
      headers: { 'x-forwarded-for': forwardedFor, 'user-agent': 'edge-test' },
    });
    expect(answer.status).toBe(200);
    return JSON.parse(answer.body) as { counted: boolean };
  }

  it('rotating the left-most X-Forwarded-For entry does not make a new visitor', async () => {
    const page = await request(server.url, '/en/ai-models/nvidia-26b-open-models');
    const storyId = /\/share\/(\d+)/.exec(page.body)?.[1] ?? '';
    expect(storyId).not.toBe('');
    expect((await shareAs(storyId, '192.0.2.1, 198.51.100.7')).counted).toBe(true);
    for (let i = 2; i < 6; i++) {
      expect((await shareAs(storyId, `192.0.2.${i}, 198.51.100.7`)).counted).toBe(false);
    }
    // The address the proxy appended is the one that counts (a network of its own: shares count per /24).
    expect((await shareAs(storyId, '192.0.2.1, 203.0.113.8')).counted).toBe(true);
  });
});

describe('HSTS', () => {
  it('is sent on every response when SITE_URL is https, cached pages included', async () => {
    await request(server.url, '/en/');
    expect(t.cache.get('/en/')).toBeDefined();
    for (const path of ['/en/', '/en/no-such-page', '/api/openapi.json', '/%00']) {
      const answer = await request(server.url, path);
      expect(answer.headers['strict-transport-security'], path).toBe('max-age=31536000; includeSubDomains');
    }
  });

  it('is not sent when SITE_URL is http', async () => {
    const plain = await startServer(t.app, t.cache, {
      host: '127.0.0.1',
      port: 0,
      edge: { ...edgeSettings(t.site.deps.config), hsts: false },
    });
    try {
      for (const path of ['/en/', '/en/no-such-page']) {
        expect((await request(plain.url, path)).headers['strict-transport-security']).toBeUndefined();
      }
    } finally {
      await plain.close();
    }
  });
});

describe('unsupported methods', () => {
  it('an API path answers 405 with Allow, as a problem document', async () => {
    const answer = await request(server.url, '/api/content/v1/stories', { method: 'DELETE' });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
    expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 405, title: 'Method Not Allowed' });
  });

  it('an unknown API path is still 404', async () => {
    expect((await request(server.url, '/api/content/v1/nope', { method: 'DELETE' })).status).toBe(404);
  });
});

describe('favicon', () => {
  it('/favicon.ico is an icon with a long cache, linked from every page', async () => {
    const icon = await request(server.url, '/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/x-icon');
    expect(icon.headers['cache-control']).toMatch(/max-age=\d{6,}/);
    const page = await request(server.url, '/en/');
    expect(page.body).toContain('<link rel="icon" href="/favicon.ico"');
  });
});
