import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { eventually } from '../../test/support/eventually.js';
import { type ChangeFeed, startChangeFeed } from './change-feed.js';
import { appendChange, CHANGE_CHANNEL, type LoggedChange } from './change-log.js';
import { listenOn } from './database/listen.js';
import { createLogger } from './logger.js';

const log = createLogger('silent');
const now = new Date('2026-11-28T09:00:00Z');
const story = (id: number): LoggedChange => ({
  storyIds: [id],
  sectionIds: [1],
  entityIds: [],
  names: false,
  shares: [],
});
/** Long enough that no poll happens during a test: only the wake-ups under test read the log. */
const NO_POLL_MS = 3_600_000;

describe.each(DIALECTS)('following the change log on %s', (dialect) => {
  let database: TestDatabase;
  let feed: ChangeFeed | undefined;
  const seen: number[] = [];

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    seen.length = 0;
  });
  afterEach(async () => {
    await feed?.stop();
    feed = undefined;
    await database.destroy();
  });

  const follow = async (listener?: (change: LoggedChange) => void) => {
    feed = await startChangeFeed({
      db: database.db,
      log,
      pollMs: NO_POLL_MS,
      listeners: [listener ?? ((change) => void seen.push(...change.storyIds))],
    });
    return feed;
  };

  it('starts after the changes made before it and applies later ones in order, once each', async () => {
    await appendChange(database.db, story(1), now);
    const following = await follow();
    for (const id of [2, 3, 4]) await appendChange(database.db, story(id), now);
    await Promise.all([following.catchUp(), following.catchUp()]);
    await following.catchUp();
    expect(seen).toEqual([2, 3, 4]);
  });

  it('replays everything written while it heard nothing, from the last change it applied', async () => {
    const following = await follow();
    await appendChange(database.db, story(1), now);
    await following.catchUp();
    const applied = following.lastId();
    // Cut off: changes accumulate and nothing wakes the feed.
    for (const id of [2, 3]) await appendChange(database.db, story(id), now);
    expect(following.lastId()).toBe(applied);
    await following.catchUp();
    expect(seen).toEqual([1, 2, 3]);
  });

  it('tries a change again when applying it failed', async () => {
    let failures = 1;
    const following = await follow((change) => {
      if (failures-- > 0) throw new Error('the catalog could not be read');
      seen.push(...change.storyIds);
    });
    await appendChange(database.db, story(7), now);
    await following.catchUp();
    expect(seen).toEqual([]);
    await following.catchUp();
    expect(seen).toEqual([7]);
  });

  it.runIf(dialect === 'postgres')(
    'wakes on NOTIFY, and listens again after losing its connection',
    async () => {
      const applicationName = `feed-test-${randomBytes(4).toString('hex')}`;
      const url = database.url as string;
      feed = await startChangeFeed({
        db: database.db,
        log,
        pollMs: NO_POLL_MS,
        listeners: [(change) => void seen.push(...change.storyIds)],
        wakeups: (wake) =>
          listenOn({ connectionString: url, channel: CHANGE_CHANNEL, log, wake, applicationName }),
      });
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const listening = async () =>
          (
            await admin.query(
              "select count(*)::int as n from pg_stat_activity where application_name = $1 and state = 'idle'",
              [applicationName],
            )
          ).rows[0].n === 1;
        await eventually(listening, 'the feed to listen');
        await appendChange(database.db, story(1), now);
        await eventually(() => seen.includes(1), 'the notified change');

        await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
          [applicationName],
        );
        // Written while the connection is down (the feed waits before connecting again): its
        // notification is lost, and only the replay on reconnecting can bring it.
        await appendChange(database.db, story(2), now);
        await eventually(() => seen.includes(2), 'the change written while disconnected');
        expect(seen).toEqual([1, 2]);
      } finally {
        await admin.end();
      }
    },
  );
});
