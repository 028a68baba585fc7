import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressNotAllowedError, guardedRequest, type Resolve } from './index.js';

describe('guardedRequest', () => {
  let server: http.Server;
  let port = 0;
  const seen: { host: string | undefined; method: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({
          host: req.headers.host,
          method: req.method,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const lookups: string[] = [];
  const resolve: Resolve = async (hostname) => {
    lookups.push(hostname);
    return [{ address: '127.0.0.1', family: 4 }];
  };

  it('connects to the address it checked, naming the host in Host, with one lookup', async () => {
    // No real DNS knows this name: the answer can only come from the resolver's pinned address.
    const url = new URL(`http://receiver.example.test:${port}/in`);
    lookups.length = 0;
    const response = await guardedRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
      signal: AbortSignal.timeout(5000),
      allowHosts: ['receiver.example.test'],
      resolve,
    });
    response.destroy();
    expect(response.statusCode).toBe(202);
    expect(seen.at(-1)).toEqual({ host: `receiver.example.test:${port}`, method: 'POST', body: 'hello' });
    expect(lookups).toEqual(['receiver.example.test']);
  });

  it('refuses a name that resolves to the loopback before connecting', async () => {
    const before = seen.length;
    const error = await guardedRequest(new URL(`http://other.example.test:${port}/`), {
      method: 'GET',
      headers: {},
      signal: AbortSignal.timeout(5000),
      allowHosts: ['receiver.example.test'],
      resolve,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AddressNotAllowedError);
    expect(error).toMatchObject({ address: '127.0.0.1', range: 'loopback' });
    expect(seen).toHaveLength(before);
  });
});
