// npm run bench: every benchmark in sequence, each in a process of its own so that one's memory
// and warm caches do not colour the next one's figures. `node --import tsx bench/index.ts desk`
// runs one of them here. BENCH_DATA_DIR and the other BENCH_* variables reach each one.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES: Record<string, { title: string; run: () => Promise<void> }> = {
  'story-page': {
    title: 'story page (render cache, cache misses, memory)',
    run: async () => {
      // That benchmark is a script: importing it runs it.
      await import('./story-page.bench.js');
    },
  },
  archive: {
    title: 'front, section and entity pages at 10,000 and 100,000 stories (render cache off)',
    run: async () => {
      // A script, like the story-page one.
      await import('./archive.bench.js');
    },
  },
  memory: {
    title: 'server memory (rss after the first start, a restart, and saves; target < 250 MB)',
    run: async () => {
      // A script, like the story-page one.
      await import('./memory.bench.js');
    },
  },
  abuse: {
    title: 'unauthenticated abuse (padded queries, tracking parameters, huge bodies; memory)',
    run: async () => {
      const { runAbuseBench } = await import('./abuse.bench.js');
      await runAbuseBench();
    },
  },
  desk: {
    title: 'source desk (feed parsing, refresh of 500 feeds)',
    run: async () => {
      const { runDeskBench } = await import('./desk.bench.js');
      await runDeskBench();
    },
  },
  'change-feed': {
    title: 'invalidation latency across processes (change log: polling, LISTEN/NOTIFY)',
    run: async () => {
      const { runChangeFeedBench } = await import('./change-feed.bench.js');
      await runChangeFeedBench();
    },
  },
  nodes: {
    title: 'web nodes behind nginx (invalidation latency across nodes, throughput with 1 and 2 nodes)',
    run: async () => {
      const { runClusterBench } = await import('./cluster.bench.js');
      await runClusterBench();
    },
  },
  cluster: {
    title: 'source desk clustering',
    run: async () => {
      const { runDeskClusterBench } = await import('./desk-cluster.bench.js');
      await runDeskClusterBench();
    },
  },
  newsletter: {
    title: 'newsletter sender (100,000 subscribers to a local SMTP sink, memory)',
    run: async () => {
      const { runNewsletterBench } = await import('./newsletter.bench.js');
      await runNewsletterBench();
    },
  },
};

const [only] = process.argv.slice(2);
if (only !== undefined) {
  const bench = BENCHES[only];
  if (!bench) {
    console.error(`Unknown benchmark "${only}"; one of: ${Object.keys(BENCHES).join(', ')}.`);
    process.exit(2);
  }
  await bench.run();
} else {
  const self = fileURLToPath(import.meta.url);
  const failed: string[] = [];
  for (const [name, bench] of Object.entries(BENCHES)) {
    console.log(`\n=== ${name}: ${bench.title}\n`);
    const result = spawnSync(process.execPath, ['--import', 'tsx', self, name], { stdio: 'inherit' });
    if (result.status !== 0) failed.push(name);
  }
  if (failed.length > 0) {
    console.error(`\nFailed: ${failed.join(', ')}.`);
    process.exitCode = 1;
  }
}
