import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { eventually } from '../../../test/support/eventually.js';
import { type FeedServer, rss, startFeedServer } from '../../../test/support/feed-server.js';
import { loadConfig } from '../../platform/config.js';
import type { DatabaseHandle } from '../../platform/database/index.js';
import { createLogger } from '../../platform/logger.js';
import { findFeed, insertFeed } from '../store/index.js';
import type { DeskDeps } from './deps.js';
import { createDeskDeps } from './desk.js';
import { refreshFeeds } from './refresh.js';
import { startDeskScheduler } from './scheduler.js';

// Several worker processes refresh followed feeds from one database. Each worker here has a
// fetcher of its own and, on PostgreSQL, a pool of its own, as a process would. On SQLite the two
// share one connection, as the other two-worker tests do: better-sqlite3 blocks the event loop
// while it waits for a lock, so a second connection in this one process would wait on a
// transaction that cannot go on until that wait ends.

const T0 = new Date('2026-11-30T08:00:00Z');
const REFRESH_MINUTES = 30;
const FEEDS = 10;

describe.each(DIALECTS)('followed feeds refreshed by several workers on %s', (dialect) => {
  let database: TestDatabase;
  let other: DatabaseHandle | undefined;
  let server: FeedServer;
  let clock: Date;

  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(async () => {
    server.routes.clear();
    server.requests.length = 0;
    await other?.close();
    other = undefined;
    await database?.destroy();
  });

  /** Two workers on two connections to one fresh database, sharing the test's clock. */
  async function twoWorkers(): Promise<[DeskDeps, DeskDeps]> {
    database = await createTestDatabase(dialect);
    other = dialect === 'postgres' ? database.connectAgain() : undefined;
    clock = T0;
    const config = loadConfig({
      DATA_DIR: database.dataDir,
      SITE_URL: 'https://news.example.test',
      DESK_ALLOW_HOSTS: server.host,
      DESK_HOST_DELAY_MS: '0',
      DESK_HOST_CONCURRENCY: '8',
      DESK_FULL_TEXT: 'false',
      // Far longer than any test waits: only the worker's stop can end a hanging request.
      DESK_FETCH_TIMEOUT_MS: '600000',
    });
    const worker = (db: DatabaseHandle['db']) =>
      createDeskDeps({ db, config, log: createLogger('silent'), now: () => clock });
    return [worker(database.db), worker(other?.db ?? database.db)];
  }

  async function follow(path: string) {
    const { feed } = await insertFeed(
      database.db,
      { feedUrl: `${server.base}${path}`, title: path, refreshMinutes: REFRESH_MINUTES },
      clock,
    );
    return feed;
  }

  function serveFeed(path: string) {
    server.serve(
      path,
      rss(path, `${server.base}/`, [
        {
          title: `First on ${path}`,
          link: `${server.base}${path}/1`,
          pubDate: T0.toUTCString(),
          description: 'one',
        },
        {
          title: `Second on ${path}`,
          link: `${server.base}${path}/2`,
          pubDate: T0.toUTCString(),
          description: 'two',
        },
      ]),
    );
  }

  const fetchesOf = (path: string) => server.requests.filter((r) => r.path === path).length;

  it('fetches each due feed once per period however many runs of two workers overlap', async () => {
    const workers = await twoWorkers();
    const paths = Array.from({ length: FEEDS }, (_, i) => `/feed-${i}.xml`);
    for (const path of paths) {
      serveFeed(path);
      await follow(path);
    }
    const runs = [0, 0];
    const schedulers = workers.map((deps, i) =>
      startDeskScheduler(deps, {
        intervalMs: 1,
        concurrency: 3,
        onRefreshed: () => {
          runs[i] = (runs[i] ?? 0) + 1;
        },
      }),
    );
    try {
      // Each worker goes on looking for due feeds many times within the same period.
      const after = (count: number) => runs.every((r) => r >= count);
      await eventually(() => after(5), 'five runs of each worker in the first period');
      expect(paths.map(fetchesOf)).toEqual(paths.map(() => 1));

      const seen = [...runs];
      clock = new Date(T0.getTime() + REFRESH_MINUTES * 60_000);
      await eventually(
        () => runs.every((r, i) => r >= (seen[i] ?? 0) + 5),
        'five more runs of each worker in the second period',
      );
      expect(paths.map(fetchesOf)).toEqual(paths.map(() => 2));
    } finally {
      await Promise.all(schedulers.map((s) => s.stop()));
    }
    const items = await database.db
      .selectFrom('feed_items')
      .innerJoin('followed_feeds', 'followed_feeds.id', 'feed_items.feed_id')
      .select(['followed_feeds.feed_url as feedUrl', 'feed_items.url as url'])
      .execute();
    expect(items).toHaveLength(FEEDS * 2);
    expect(new Set(items.map((i) => i.url)).size).toBe(FEEDS * 2);
    const feeds = await database.db
      .selectFrom('followed_feeds')
      .select(['item_count', 'consecutive_failures', 'locked_until', 'last_status'])
      .execute();
    expect(feeds.map((f) => f.item_count)).toEqual(paths.map(() => 2));
    expect(feeds.every((f) => f.consecutive_failures === 0 && f.locked_until === null)).toBe(true);
    // The second period's fetch was conditional and answered 304.
    expect(feeds.every((f) => f.last_status === 304)).toBe(true);
  });

  it('hands a feed back when its worker stops during a fetch the server never answers', async () => {
    const [first, second] = await twoWorkers();
    const feed = await follow('/slow.xml');
    const held: ServerResponse[] = [];
    server.routes.set('/slow.xml', (_req, res) => {
      held.push(res);
    });
    const scheduler = startDeskScheduler(first, { intervalMs: 60_000 });
    await eventually(() => held.length === 1, 'the first worker to be waiting on the feed');
    const claimed = await findFeed(database.db, feed.id);
    expect(claimed?.lastFetchAt).toBeNull();
    const lock = await database.db
      .selectFrom('followed_feeds')
      .select('locked_until')
      .where('id', '=', feed.id)
      .executeTakeFirstOrThrow();
    expect(lock.locked_until).not.toBeNull();

    await scheduler.stop();
    expect(held.every((res) => !res.writableEnded)).toBe(true);
    const handedBack = await database.db
      .selectFrom('followed_feeds')
      .select(['locked_until', 'consecutive_failures', 'last_error', 'last_fetch_at', 'next_fetch_at'])
      .where('id', '=', feed.id)
      .executeTakeFirstOrThrow();
    expect(handedBack).toEqual({
      locked_until: null,
      consecutive_failures: 0,
      last_error: '',
      last_fetch_at: null,
      next_fetch_at: T0.toISOString(),
    });

    // The clock has not moved, so the claim could not have lapsed: the second worker takes the
    // feed only because the first one released it.
    serveFeed('/slow.xml');
    const reports = await refreshFeeds(second);
    expect(reports).toMatchObject([{ feedId: feed.id, outcome: 'updated', newItems: 2 }]);
    expect(await findFeed(database.db, feed.id)).toMatchObject({ itemCount: 2, consecutiveFailures: 0 });
  });
});
