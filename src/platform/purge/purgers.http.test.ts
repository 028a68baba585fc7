import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { AddressNotAllowedError } from '../outbound/index.js';
import { cloudflarePurger } from './cloudflare.js';
import { fastlyPurger } from './fastly.js';
import { retrying } from './purger.js';
import { varnishPurger } from './varnish.js';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A stand-in for a purge API on 127.0.0.1: records each request and answers as told. */
async function startApi() {
  const received: Received[] = [];
  let answer: (request: Received) => { status: number; body: string } = () => ({ status: 200, body: '{}' });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const { status, body } = answer(request);
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    received,
    answerWith(next: typeof answer) {
      answer = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const keys = (count: number) => Array.from({ length: count }, (_, i) => `story-${i + 1}`);
const log = createLogger('silent');
const noWait = { attempts: 3, firstDelayMs: 1, wait: async () => {} };

describe('purgers against local stand-ins of their APIs', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });
  beforeEach(() => {
    api.received.length = 0;
    api.answerWith(() => ({ status: 200, body: '{"success":true,"errors":[],"result":{"id":"z"}}' }));
  });

  it('Fastly: POST /service/{id}/purge with the keys in Surrogate-Key, 256 at most per request', async () => {
    const purger = fastlyPurger(
      { apiUrl: api.base, serviceId: 'SU1Z0isxPaozGVKXdv0eY', token: 'fastly-token-1' },
      { allowHosts: [api.host] },
    );
    await purger.purge(keys(300));
    expect(api.received).toHaveLength(2);
    for (const request of api.received) {
      expect(request.method).toBe('POST');
      expect(request.url).toBe('/service/SU1Z0isxPaozGVKXdv0eY/purge');
      expect(request.headers['fastly-key']).toBe('fastly-token-1');
      expect(request.headers.authorization).toBeUndefined();
    }
    const sent = api.received.map((request) => String(request.headers['surrogate-key']).split(' '));
    expect(sent.map((batch) => batch.length)).toEqual([256, 44]);
    expect(sent.flat()).toEqual(keys(300));
  });

  it('Cloudflare: POST /zones/{zone}/purge_cache with {"tags"}, 30 at most per request, Bearer token', async () => {
    const purger = cloudflarePurger(
      { apiUrl: `${api.base}/client/v4`, zoneId: '023e105f4ecef8ad9ca31a8372d0c353', token: 'cf-token-1' },
      { allowHosts: [api.host] },
    );
    await purger.purge(keys(61));
    expect(api.received).toHaveLength(3);
    for (const request of api.received) {
      expect(request.method).toBe('POST');
      expect(request.url).toBe('/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache');
      expect(request.headers.authorization).toBe('Bearer cf-token-1');
      expect(request.headers['content-type']).toBe('application/json');
    }
    const sent = api.received.map((request) => (JSON.parse(request.body) as { tags: string[] }).tags);
    expect(sent.map((batch) => batch.length)).toEqual([30, 30, 1]);
    expect(sent.flat()).toEqual(keys(61));
  });

  it('Cloudflare: a 200 saying success false is a failure', async () => {
    api.answerWith(() => ({ status: 200, body: '{"success":false,"errors":[{"code":1134}]}' }));
    const purger = cloudflarePurger(
      { apiUrl: api.base, zoneId: 'zone', token: 't' },
      { allowHosts: [api.host] },
    );
    await expect(purger.purge(['story-1'])).rejects.toThrow(/refused/);
  });

  it('Varnish: a PURGE request with the keys in xkey-purge', async () => {
    const purger = varnishPurger([`${api.base}/`], { allowHosts: [] });
    await purger.purge(['story-1', 'front']);
    expect(api.received).toEqual([
      expect.objectContaining({
        method: 'PURGE',
        url: '/',
        headers: expect.objectContaining({ 'xkey-purge': 'story-1 front' }),
      }),
    ]);
  });

  it('refuses a private address the settings did not allow', async () => {
    const purger = fastlyPurger({ apiUrl: api.base, serviceId: 's', token: 't' }, { allowHosts: [] });
    await expect(purger.purge(['story-1'])).rejects.toBeInstanceOf(AddressNotAllowedError);
    expect(api.received).toHaveLength(0);
  });

  it('tries again after a failure, and gives up without throwing', async () => {
    let calls = 0;
    api.answerWith(() => (++calls === 1 ? { status: 503, body: 'busy' } : { status: 200, body: '{}' }));
    const waits: number[] = [];
    const fastly = fastlyPurger({ apiUrl: api.base, serviceId: 's', token: 't' }, { allowHosts: [api.host] });
    await retrying(fastly, log, 'fastly', { ...noWait, wait: async (ms) => void waits.push(ms) }).purge([
      'story-1',
    ]);
    expect(api.received).toHaveLength(2);
    expect(waits).toEqual([1]);

    api.received.length = 0;
    api.answerWith(() => ({ status: 500, body: 'down' }));
    await expect(retrying(fastly, log, 'fastly', noWait).purge(['story-1'])).resolves.toBeUndefined();
    expect(api.received).toHaveLength(3);
  });
});
