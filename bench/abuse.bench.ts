// npm run bench: the unauthenticated abuse of issue 11 against `velocity serve` with the demo
// site, in a process of its own, over loopback: 10,000 unique padded query strings on a feed and
// pages, tracking-parameter variations of shared links, and 256 MiB bodies streamed (chunked) to
// the newsletter form and the share counter. The server's resident memory (VmRSS from /proc) is
// read before and after each part and set against the render cache's byte budget.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const MiB = 1024 * 1024;
const UNIQUE_QUERIES = Number(process.env.BENCH_ABUSE_QUERIES ?? 10_000);
const TRACKING_VARIATIONS = 2_000;
const POST_BYTES = 256 * MiB;
const CONCURRENCY = 16;
/** No part runs longer than this, whatever the machine. */
const PART_SECONDS = 120;
const CACHE_BYTES = Number(process.env.BENCH_CACHE_BYTES ?? 64 * MiB);

interface Server {
  child: ChildProcess;
  url: string;
}

/** `velocity serve` on a fresh data folder and a free loopback port; resolves with its address. */
function startServe(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'info',
      RENDER_CACHE_BYTES: String(CACHE_BYTES),
      DESK_REFRESH: 'false',
      NEWSLETTER_SEND: 'false',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const url = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(buffered)?.[1];
      if (url) {
        buffered = '';
        resolve({ child, url });
      } else if (buffered.length > 1 * MiB) {
        buffered = buffered.slice(-4096);
      }
    });
    child.once('exit', (code) => reject(new Error(`velocity serve exited with ${code} before listening`)));
  });
}

/** The child's resident and peak resident memory, from /proc (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function get(base: string, target: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${target}`, { agent, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
  });
}

/** Runs `count` requests, CONCURRENCY at a time, until done or out of time; tallies the statuses. */
async function flood(count: number, request: (i: number) => Promise<number>) {
  const started = performance.now();
  const deadline = started + PART_SECONDS * 1000;
  const statuses = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      const status = await request(i).then(String, (error: Error) => `error (${error.message})`);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { sent: next, seconds: (performance.now() - started) / 1000, statuses };
}

/**
 * Streams `bytes` of form data, chunked, until the server answers or drops the connection;
 * reports the status (if any) and how much it had taken by then.
 */
function streamBody(base: string, target: string, bytes: number) {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const started = performance.now();
  return new Promise<{ status: string; sentBytes: number; seconds: number }>((resolve) => {
    let sentBytes = 0;
    let status = 'no answer';
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve({ status, sentBytes, seconds: (performance.now() - started) / 1000 });
    };
    const request = http.request(`${base}${target}`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
    });
    const timer = setTimeout(() => {
      status = `${status}, stopped after ${PART_SECONDS} s`;
      finish();
    }, PART_SECONDS * 1000);
    request.on('response', (response) => {
      status = String(response.statusCode);
      response.resume();
      response.on('end', finish);
      response.on('error', finish);
    });
    request.on('error', (error) => {
      if (status === 'no answer') status = `connection ${error.message}`;
      finish();
    });
    const pump = () => {
      while (!settled && sentBytes < bytes) {
        sentBytes += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!settled) request.end();
    };
    request.write('email=abuse%40example.com&x=');
    pump();
  });
}

const mb = (bytes: number) => (bytes / MiB).toFixed(0);

export async function runAbuseBench(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-abuse-'));
  console.log('Starting velocity serve with the demo site…');
  const server = await startServe(dataDir);
  const pid = server.child.pid ?? 0;
  const report = (label: string, before: { rss: number }) => {
    const now = memoryOf(pid);
    const growth = now.rss - before.rss;
    console.log(`  ${label}: rss ${mb(now.rss)} MB (peak ${mb(now.peak)} MB), growth ${mb(growth)} MB`);
    return now;
  };
  try {
    // Warm: the pages a reader would read, so "before" is a running site, not an empty one.
    const front = await new Promise<string>((resolve, reject) => {
      http.get(`${server.url}/en/`, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on('end', () => resolve(body));
        response.on('error', reject);
      });
    });
    const stories = [
      ...new Set([...front.matchAll(/href="(\/en\/[a-z-]+\/[a-z0-9-]+)"/g)].flatMap((m) => m[1] ?? [])),
    ];
    const story = stories[0] ?? '/en/';
    const pages = ['/en/', '/en/feed.xml', '/en/ai-models/', '/zh/', '/zh/feed.xml', ...stories];
    for (let round = 0; round < 3; round++) {
      for (const page of pages) await get(server.url, page, { 'accept-encoding': 'gzip, br' });
    }
    const start = memoryOf(pid);
    console.log(
      `  serving ${server.url} (pid ${pid}); RENDER_CACHE_BYTES ${mb(CACHE_BYTES)} MB; ${pages.length} pages read`,
    );
    console.log(`  before: rss ${mb(start.rss)} MB (peak ${mb(start.peak)} MB)`);

    // The issue's 9,500 padded queries on a feed, and the same on a story, a list and the front page.
    const padding = 'p'.repeat(512);
    const targets = ['/en/feed.xml', story, '/en/ai-models/', '/en/'];
    const unique = await flood(UNIQUE_QUERIES, (i) => {
      const page = targets[i % targets.length] ?? '/en/';
      const query = i % 8 === 2 ? `page=${i}&pad=${padding}` : `q${i}=${i}&pad=${padding}`;
      return get(server.url, `${page}?${query}`);
    });
    console.log(
      `\n${unique.sent} unique padded query strings in ${unique.seconds.toFixed(1)} s: ${[...unique.statuses].map(([s, n]) => `${n} × ${s}`).join(', ')}`,
    );
    const afterQueries = report('after', start);

    // Shared links: every share a different click id, the same page.
    const tracking = await flood(TRACKING_VARIATIONS, (i) =>
      get(
        server.url,
        `${targets[i % targets.length] ?? '/en/'}?utm_source=s${i % 7}&utm_medium=social&fbclid=IwAR${i.toString(36)}${'x'.repeat(40)}`,
        { 'accept-encoding': 'gzip, br' },
      ),
    );
    console.log(
      `\n${tracking.sent} tracking-parameter variations in ${tracking.seconds.toFixed(1)} s: ${[...tracking.statuses].map(([s, n]) => `${n} × ${s}`).join(', ')}`,
    );
    const afterTracking = report('after', afterQueries);

    console.log(`\n${mb(POST_BYTES)} MiB bodies, streamed chunked:`);
    let beforePost = memoryOf(pid);
    for (const target of ['/en/newsletter', '/share/1']) {
      const posted = await streamBody(server.url, target, POST_BYTES);
      console.log(
        `  POST ${target}: ${posted.status} after ${mb(posted.sentBytes)} MB sent, ${posted.seconds.toFixed(1)} s`,
      );
      beforePost = report('  after', beforePost);
    }

    const end = memoryOf(pid);
    console.log('');
    console.log(
      `server memory: rss ${mb(start.rss)} MB before, ${mb(end.rss)} MB after (peak ${mb(end.peak)} MB); render cache budget ${mb(CACHE_BYTES)} MB`,
    );
    console.log(
      `  growth from queries and shares: ${mb(afterTracking.rss - start.rss)} MB = ${((afterTracking.rss - start.rss) / CACHE_BYTES).toFixed(2)} × the cache budget   (target < 1)`,
    );
    console.log(`  growth overall:                 ${mb(end.rss - start.rss)} MB`);
  } finally {
    agent.destroy();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
