// npm run bench: the story page served warm from the render cache, beside a plain node:http
// server sending the same bytes (the ratio is what counts: both share the machine with the load
// generator), the median cache-miss render, and the server's memory with 10,000 stories.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

interface Ready {
  kind: 'ready';
  siteUrl: string;
  plainUrl: string;
  pageBytes: number;
  brBytes: number;
  stories: number;
  missMedianMs: number;
  missP95Ms: number;
}

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

async function throughput(url: string, headers: Record<string, string> = {}): Promise<number> {
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    pipelining: 1,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

// BENCH_DATA_DIR keeps the built site between runs (building 10,000 stories takes a while).
const dataDir = process.env.BENCH_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-bench-'));
const fixture = fileURLToPath(new URL('./fixture-server.ts', import.meta.url));
const forkFixture = (mode: 'build' | 'serve') =>
  fork(fixture, [mode, dataDir], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: 'inherit' });

console.log('Building a site with 10,000 stories in zh and en…');
const built = await new Promise<{ loadSeconds: number; reused: boolean }>((resolve, reject) => {
  const builder = forkFixture('build');
  builder.on('message', (message: { kind: string; loadSeconds: number; reused: boolean }) => {
    if (message.kind === 'built') resolve(message);
  });
  builder.on('exit', (code) => code !== 0 && reject(new Error(`the build exited with ${code}`)));
});
console.log(
  built.reused
    ? `  reused the site in ${dataDir}`
    : `  wrote the stories in ${built.loadSeconds.toFixed(1)} s (the full save path: rendering, reading time, language QA)`,
);
const server = forkFixture('serve');
const next = <T>(kind: string) =>
  new Promise<T>((resolve) => {
    const listener = (message: { kind: string }) => {
      if (message.kind === kind) {
        server.off('message', listener);
        resolve(message as T);
      }
    };
    server.on('message', listener);
  });

const ready = await next<Ready>('ready');
console.log(
  `  serving ${ready.stories} stories; the story page is ${ready.pageBytes} bytes (${ready.brBytes} with brotli)`,
);
// Warm-up so neither server is measured cold.
await autocannon({ url: ready.siteUrl, connections: 10, duration: 2 });
await autocannon({ url: ready.plainUrl, connections: 10, duration: 2 });
const plain = await throughput(ready.plainUrl);
const site = await throughput(ready.siteUrl);
const siteBrotli = await throughput(ready.siteUrl, { 'accept-encoding': 'br' });
server.send({ kind: 'memory' });
const memory = await next<{ rss: number; heapUsed: number; rssUnderLoad: number }>('memory');
server.send({ kind: 'stop' });
await new Promise((resolve) => server.once('exit', resolve));
if (!process.env.BENCH_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
console.log('');
console.log(`story page, warm (render cache), ${CONNECTIONS} connections, ${DURATION_SECONDS} s each:`);
console.log(`  plain node:http, same bytes   ${plain.toFixed(0)} req/s`);
console.log(`  Code Velocity                 ${site.toFixed(0)} req/s`);
console.log(`  ratio                         ${(site / plain).toFixed(2)}   (target ≥ 0.70)`);
console.log(
  `  Code Velocity, brotli         ${siteBrotli.toFixed(0)} req/s   (${ready.brBytes} bytes instead of ${ready.pageBytes}, stored pre-compressed)`,
);
console.log(
  `story page, cache miss (500 pages): median ${ready.missMedianMs.toFixed(2)} ms, p95 ${ready.missP95Ms.toFixed(2)} ms   (target median < 2 ms)`,
);
console.log(
  `server memory after the run: rss ${mb(memory.rss)} MB after a collection (${mb(memory.rssUnderLoad)} MB right after the load), heap used ${mb(memory.heapUsed)} MB   (target rss < 250 MB)`,
);
