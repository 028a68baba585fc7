import { once } from 'node:events';
import http, { type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/support/eventually.js';
import { FetchAbortedError } from './errors.js';
import { createFetcher, type FetcherOptions } from './fetcher.js';

// A stopping worker aborts its fetches: each must end at once, whatever it was waiting on.

let server: http.Server;
let base: string;
/** Requests to /hang, held unanswered until the test ends them. */
const hanging: ServerResponse[] = [];
const served: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    served.push(req.url ?? '');
    if (req.url === '/hang') hanging.push(res);
    else res.end('ok');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  for (const res of hanging.splice(0)) res.end('late');
  served.length = 0;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

function fetcher(perHostConcurrency: number, overrides: Partial<FetcherOptions> = {}) {
  return createFetcher({
    userAgent: 'CodeVelocityDesk/0.1 (+https://example.test/bot)',
    // Far beyond the test's own limit: an error here can only come from the abort.
    timeoutMs: 600_000,
    maxBodyBytes: 1024 * 1024,
    perHostConcurrency,
    politenessDelayMs: 0,
    allowHosts: ['127.0.0.1'],
    resolve: async () => {
      throw new Error('no name is resolved in this test');
    },
    ...overrides,
  }).fetchDocument;
}

describe('fetchDocument: aborted by its caller', () => {
  it('ends a request the server never answers and closes the connection', async () => {
    const fetchDocument = fetcher(2);
    const stopping = new AbortController();
    const fetching = fetchDocument(`${base}/hang`, {}, { signal: stopping.signal });
    await eventually(() => hanging.length === 1, 'the request to reach the server');
    const closed = once(hanging[0] as ServerResponse, 'close');
    stopping.abort();
    await expect(fetching).rejects.toBeInstanceOf(FetchAbortedError);
    await closed;
    expect(hanging[0]?.writableEnded).toBe(false);
  });

  it('gives up its turn at a host at once, and hands back the slot it was given', async () => {
    // The politeness wait is the test's own: held until the test lets it end.
    const heldSleeps: Array<() => void> = [];
    let holdSleeps = true;
    const fetchDocument = fetcher(1, {
      politenessDelayMs: 10_000,
      now: () => 0,
      sleep: (_ms) => (holdSleeps ? new Promise<void>((wake) => heldSleeps.push(wake)) : Promise.resolve()),
    });
    await fetchDocument(`${base}/first`);
    const stopping = new AbortController();
    const waiting = fetchDocument(`${base}/queued`, {}, { signal: stopping.signal });
    await eventually(() => heldSleeps.length === 1, 'the second request to wait its turn');
    stopping.abort();
    await expect(waiting).rejects.toBeInstanceOf(FetchAbortedError);
    expect(served).toEqual(['/first']);

    holdSleeps = false;
    for (const wake of heldSleeps) wake();
    // The host has a single slot: had the abandoned turn kept it, this request would never start.
    await expect(fetchDocument(`${base}/after`)).resolves.toMatchObject({ status: 200 });
    expect(served).toEqual(['/first', '/after']);
  });

  it('makes no request when aborted before it starts', async () => {
    const stopping = new AbortController();
    stopping.abort();
    await expect(fetcher(2)(`${base}/never`, {}, { signal: stopping.signal })).rejects.toBeInstanceOf(
      FetchAbortedError,
    );
    expect(served).toEqual([]);
  });
});
