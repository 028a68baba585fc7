// Invalidation latency across processes: the time from a change's commit on one connection to its
// arrival at a follower on another (what drops that process's cached pages), with the default
// poll on SQLite and LISTEN/NOTIFY on PostgreSQL (DATABASE_URL or BENCH_DATABASE_URL).

import { startChangeFeed } from '../src/platform/change-feed.js';
import { appendChange, CHANGE_CHANNEL } from '../src/platform/change-log.js';
import { loadConfig } from '../src/platform/config.js';
import type { Dialect } from '../src/platform/database/index.js';
import { openDatabase } from '../src/platform/database/index.js';
import { listenOn } from '../src/platform/database/listen.js';
import { createLogger } from '../src/platform/logger.js';
import { createTestDatabase } from '../test/support/database.js';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 100);
/** The default CHANGE_POLL_MS. */
const POLL_MS = loadConfig({}).CHANGE_POLL_MS;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function measure(dialect: Dialect): Promise<void> {
  const database = await createTestDatabase(dialect);
  const log = createLogger('silent');
  // The follower has a connection of its own, as another process would.
  const other =
    dialect === 'sqlite'
      ? openDatabase({ sqliteFile: `${database.dataDir}/velocity.db` })
      : openDatabase({ databaseUrl: database.url as string });
  const committedAt = new Map<number, number>();
  const latencies: number[] = [];
  let arrived = () => {};
  const feed = await startChangeFeed({
    db: other.db,
    log,
    pollMs: POLL_MS,
    listeners: [
      (change) => {
        const id = change.storyIds[0] as number;
        latencies.push(performance.now() - (committedAt.get(id) ?? Number.NaN));
        arrived();
      },
    ],
    ...(dialect === 'postgres'
      ? {
          wakeups: (wake: () => void) =>
            listenOn({ connectionString: database.url as string, channel: CHANGE_CHANNEL, log, wake }),
        }
      : {}),
  });
  // The listening connection needs a moment to be up before the first change; one change is sent
  // and awaited before measuring.
  for (let id = 0; id <= CHANGES; id++) {
    const seen = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const change = { storyIds: [id], sectionIds: [], entityIds: [], names: false, shares: [] };
    await appendChange(database.db, change, new Date());
    committedAt.set(id, performance.now());
    await seen;
    // Writes arrive at any moment of the poll interval.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * POLL_MS));
  }
  latencies.shift();
  await feed.stop();
  await other.close();
  await database.destroy();
  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `${dialect.padEnd(8)} ${CHANGES} changes, poll ${POLL_MS} ms${dialect === 'postgres' ? ' + NOTIFY' : ''}: ` +
      `p50 ${ms(percentile(sorted, 50))}, p90 ${ms(percentile(sorted, 90))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? Number.NaN)}`,
  );
}

export async function runChangeFeedBench(): Promise<void> {
  // The follower's timers are unref'd (they never hold a server open): this holds the bench open.
  const keepAlive = setInterval(() => {}, 60_000);
  if (!process.env.DATABASE_URL && process.env.BENCH_DATABASE_URL)
    process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  await measure('sqlite');
  if (process.env.DATABASE_URL) await measure('postgres');
  clearInterval(keepAlive);
}
