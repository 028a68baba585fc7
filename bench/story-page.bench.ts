// npm run bench: the story page served warm from the render cache, beside a plain node:http
// server sending the same bytes (the ratio is what counts: both share the machine with the load
// generator), the median cache-miss render, and the server's memory with 10,000 stories.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

interface Ready {
  kind: 'ready';
  siteUrl: string;
  plainUrl: string;
  pageBytes: number;
  loadSeconds: number;
  stories: number;
  missMedianMs: number;
  missP95Ms: number;
}

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

async function throughput(url: string): Promise<number> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    pipelining: 1,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

const server = fork(fileURLToPath(new URL('./fixture-server.ts', import.meta.url)), [], {
  execArgv: ['--import', 'tsx', '--expose-gc'],
  stdio: 'inherit',
});
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

console.log('Building a site with 10,000 stories in zh and en…');
const ready = await next<Ready>('ready');
console.log(
  `  loaded ${ready.stories} stories in ${ready.loadSeconds.toFixed(1)} s; story page is ${ready.pageBytes} bytes`,
);
// Warm-up so neither server is measured cold.
await autocannon({ url: ready.siteUrl, connections: 10, duration: 2 });
await autocannon({ url: ready.plainUrl, connections: 10, duration: 2 });
const plain = await throughput(ready.plainUrl);
const site = await throughput(ready.siteUrl);
server.send({ kind: 'memory' });
const memory = await next<{ rss: number; heapUsed: number }>('memory');
server.send({ kind: 'stop' });

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
console.log('');
console.log(`story page, warm (render cache), ${CONNECTIONS} connections, ${DURATION_SECONDS} s each:`);
console.log(`  plain node:http, same bytes   ${plain.toFixed(0)} req/s`);
console.log(`  Code Velocity                 ${site.toFixed(0)} req/s`);
console.log(`  ratio                         ${(site / plain).toFixed(2)}   (target ≥ 0.70)`);
console.log(
  `story page, cache miss (500 pages): median ${ready.missMedianMs.toFixed(2)} ms, p95 ${ready.missP95Ms.toFixed(2)} ms   (target median < 2 ms)`,
);
console.log(
  `server memory after the run: rss ${mb(memory.rss)} MB, heap used ${mb(memory.heapUsed)} MB   (target rss < 250 MB)`,
);
