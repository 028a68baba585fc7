// The deployment on one machine (test/support/cluster.ts): how long after an edit's commit each
// web node serves the new title (the change log and LISTEN/NOTIFY across processes), and the story
// page's throughput through nginx with one and with two web processes. Needs PostgreSQL
// (DATABASE_URL or BENCH_DATABASE_URL) and nginx.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { addUser } from '../src/accounts/index.js';
import { issueApiKey } from '../src/api-keys/index.js';
import { findStoryIdBySlug } from '../src/stories/index.js';
import { freePort, startCluster, startNginx } from '../test/support/cluster.js';

const EDITS = Number(process.env.BENCH_EDITS ?? 30);
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const STORY_SLUG = 'nvidia-26b-open-models';
const STORY_PATH = `/en/ai-models/${STORY_SLUG}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Milliseconds from `since` until `url` serves a page containing `title`. */
async function servedAfter(url: string, title: string, since: number): Promise<number> {
  for (;;) {
    const response = await fetch(url);
    if ((await response.text()).includes(title)) return performance.now() - since;
  }
}

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

export async function runClusterBench(): Promise<void> {
  if (!process.env.DATABASE_URL && process.env.BENCH_DATABASE_URL)
    process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  if (!process.env.DATABASE_URL)
    throw new Error('Set DATABASE_URL (or BENCH_DATABASE_URL) to a PostgreSQL database');
  console.log('Starting three web nodes behind nginx (PostgreSQL, s3rver)…');
  const cluster = await startCluster({ webNodes: 3, workers: 0, varnish: false });
  const oneNodeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-bench-nginx-'));
  try {
    const { db } = cluster.database;
    const editor = await addUser(
      db,
      { email: 'bench-editor@example.test', role: 'editor' },
      null,
      new Date(),
    );
    const { token } = await issueApiKey(
      db,
      { kind: 'staff', name: 'bench', userId: editor.id, createdBy: null },
      new Date(),
    );
    const storyId = await findStoryIdBySlug(db, 'en', STORY_SLUG);
    const latencies: number[] = [];
    for (let edit = 0; edit <= EDITS; edit++) {
      // Each node holds the page in its render cache before the edit.
      await Promise.all(cluster.nodes.map((node) => fetch(`${node.url}${STORY_PATH}`).then((r) => r.text())));
      const title = `Nvidia commits $26B to open AI models (revision ${edit})`;
      const writer = cluster.nodes[edit % cluster.nodes.length];
      const response = await fetch(`${writer?.url}/api/admin/v1/stories/${storyId}/variants/en`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
      });
      if (response.status !== 200) throw new Error(`the edit answered ${response.status}`);
      await response.arrayBuffer();
      const committed = performance.now();
      const seen = await Promise.all(
        cluster.nodes.map((node) => servedAfter(`${node.url}${STORY_PATH}`, title, committed)),
      );
      // The first edit warms the listening connections up; it is not counted.
      if (edit > 0) latencies.push(...seen);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(
      `invalidation, ${EDITS} edits × ${cluster.nodes.length} nodes (edit answered → node serves it): ` +
        `p50 ${ms(percentile(sorted, 50))}, p90 ${ms(percentile(sorted, 90))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? Number.NaN)}`,
    );

    const [first, second] = cluster.nodes;
    if (!first || !second) throw new Error('two web nodes expected');
    const onePort = await freePort();
    const oneNginx = await startNginx(oneNodeDir, onePort, [first.port]);
    const twoPort = await freePort();
    const twoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-bench-nginx-'));
    const twoNginx = await startNginx(twoDir, twoPort, [first.port, second.port]);
    try {
      const one = await throughput(`http://127.0.0.1:${onePort}${STORY_PATH}`);
      console.log(`story page through nginx, 1 web process:  ${one.toFixed(0)} req/s`);
      const two = await throughput(`http://127.0.0.1:${twoPort}${STORY_PATH}`);
      console.log(
        `story page through nginx, 2 web processes: ${two.toFixed(0)} req/s (${(two / one).toFixed(2)}×)`,
      );
    } finally {
      await oneNginx.stop();
      await twoNginx.stop();
      fs.rmSync(twoDir, { recursive: true, force: true });
    }
  } finally {
    await cluster.stop();
    fs.rmSync(oneNodeDir, { recursive: true, force: true });
  }
}
