import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { spawnVelocity, type VelocityProcess } from '../support/velocity-process.js';

// A rolling restart sends SIGTERM to a web node that is answering requests. The node must stop
// taking new connections at once, answer what it has already started, and exit.

function connectionRefused(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = http.get(url, (res) => {
      res.resume();
      resolve(false);
    });
    probe.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('stopping a web node', () => {
  let node: VelocityProcess | undefined;
  let dataDir: string | undefined;
  afterEach(() => {
    node?.child.kill('SIGKILL');
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the request under way, refuses new connections, and exits cleanly on SIGTERM', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-stop-'));
    node = spawnVelocity(['serve'], {
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    const url = await eventually(
      () => {
        const match = /serving on (http:\/\/\S+)/.exec(node?.stdout() ?? '');
        return match?.[1] ? new URL(match[1]) : undefined;
      },
      'the node to serve',
      { timeoutMs: 120_000 },
    );

    // A signup whose body is still arriving when the signal comes.
    let connected!: () => void;
    const onConnect = new Promise<void>((resolve) => {
      connected = resolve;
    });
    const answered = new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const request = http.request(new URL('/en/newsletter', url), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'transfer-encoding': 'chunked',
          origin: url.origin,
          'sec-fetch-site': 'same-origin',
        },
      });
      request.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
      });
      request.on('error', reject);
      request.on('socket', (socket) => socket.once('connect', connected));
      request.write('email=reader%40exam');
      // The second half goes only once the node has stopped taking connections.
      void eventually(() => connectionRefused(url), 'the node to refuse new connections').then(
        () => request.end('ple.test&locale=en'),
        reject,
      );
    });
    await onConnect;
    // A request on another connection, answered: the node has taken the first one too by then.
    await new Promise<void>((resolve, reject) =>
      http.get(new URL('/healthz', url), (res) => res.resume().on('end', resolve)).on('error', reject),
    );
    node.child.kill('SIGTERM');

    const answer = await answered;
    expect(answer.status).toBeGreaterThanOrEqual(200);
    expect(answer.status).toBeLessThan(500);
    expect(answer.connection).toBe('close');
    expect(await node.exited).toBe(0);
  });
});
