import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  allowAuditEntries,
  allowChangeLogRows,
  refuseAuditEntries,
  refuseChangeLogRows,
} from '../../test/support/audit-faults.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { eventually } from '../../test/support/eventually.js';
import { seedTaxonomy } from '../../test/support/factories.js';
import { type Actor, addUser, listAudit } from '../accounts/index.js';
import { changesAfter, latestChangeId } from '../platform/change-log.js';
import { type Database, openDatabase } from '../platform/database/index.js';
import { createLogger } from '../platform/logger.js';
import { findStory, listPublishedStories } from '../stories/index.js';
import { createStory, publishDueVariants, type SchedulerRun, schedule, startScheduler } from './index.js';

const t0 = new Date('2026-11-28T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe.each(DIALECTS)('the scheduler on %s', (dialect) => {
  let database: TestDatabase;
  let editor: Actor;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    const user = await addUser(database.db, { email: 'editor@example.test', role: 'editor' }, null, t0);
    editor = { id: user.id, email: user.email, role: user.role, locales: [] };
  });
  afterEach(() => database.destroy());

  /** A zh story scheduled `minutes` after t0 (scheduled at t0). */
  const scheduled = async (minutes: number, title = `英伟达发布第${minutes}款新芯片`) => {
    const { storyId } = await createStory(
      database.db,
      editor,
      {
        section: 'chips',
        sourceLocale: 'zh',
        variant: {
          title,
          summary: '英伟达公布了新一代数据中心芯片。',
          body: '英伟达今天发布了新一代芯片，性能大幅提升。',
        },
      },
      { now: t0 },
    );
    await schedule(
      database.db,
      editor,
      { storyId, locale: 'zh', publishAt: at(minutes).toISOString() },
      { now: t0 },
    );
    return storyId;
  };
  const statusOf = async (storyId: number) => (await findStory(database.db, storyId))?.variants[0]?.status;

  it('publishes what is due, once, even when two runs race', async () => {
    const due = await scheduled(5);
    const notYet = await scheduled(60);
    const runs = await Promise.all([
      publishDueVariants(database.db, at(10)),
      publishDueVariants(database.db, at(10)),
    ]);
    expect(runs.flatMap((r) => r.published)).toEqual([{ storyId: due, locale: 'zh' }]);
    const listed = await listPublishedStories(database.db, { limit: 10 });
    expect(listed).toEqual([{ storyId: due, firstPublishedAt: at(10).toISOString() }]);
    expect(runs.flatMap((r) => r.events)).toEqual([
      { type: 'story.published', storyId: due, locale: 'zh', at: at(10).toISOString() },
    ]);
    expect(await statusOf(due)).toBe('published');
    expect(await statusOf(notYet)).toBe('scheduled');
    expect((await publishDueVariants(database.db, at(11))).published).toEqual([]);
    const story = await findStory(database.db, due);
    expect(story?.variants[0]).toMatchObject({ publishedAt: at(10).toISOString(), publishAt: null });
    const audit = await listAudit(database.db, { action: 'story.publish' }, { limit: 10, offset: 0 });
    expect(audit.entries.map((e) => [e.actor, e.subjectId])).toEqual([['system', due]]);
  });

  it('catches up after downtime: everything that came due is published by the next run', async () => {
    const ids = [await scheduled(1), await scheduled(2), await scheduled(3)];
    const run = await publishDueVariants(database.db, at(24 * 60));
    expect(run.published.map((p) => p.storyId).sort()).toEqual([...ids].sort());
    expect(run.change?.storyIds.sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await statusOf(id)).toBe('published');
  });

  it('publishes each variant exactly once across two schedulers, each with its change-log row', async () => {
    const ids: number[] = [];
    for (let i = 1; i <= 12; i++) ids.push(await scheduled(i, `英伟达新闻第${i}篇报道`));
    const before = await latestChangeId(database.db);
    const other = await secondScheduler(database);
    try {
      const runs: SchedulerRun[] = await Promise.all([
        publishDueVariants(database.db, at(30)),
        publishDueVariants(other.db, at(30)),
        publishDueVariants(database.db, at(30)),
        publishDueVariants(other.db, at(30)),
      ]);
      const published = runs.flatMap((r) => r.published.map((p) => p.storyId));
      expect(published.sort((a, b) => a - b)).toEqual(ids);
      const audit = await listAudit(database.db, { action: 'story.publish' }, { limit: 50, offset: 0 });
      expect(audit.total).toBe(12);
      const logged = (await changesAfter(database.db, before, 50)).flatMap((row) => row.change.storyIds);
      expect(logged.sort((a, b) => a - b)).toEqual(ids);
    } finally {
      await other.close();
    }
  });

  it.each([
    ['its audit entry', refuseAuditEntries, allowAuditEntries],
    ['its change-log row', refuseChangeLogRows, allowChangeLogRows],
  ])(
    'publishes nothing of a variant when %s cannot be written, and all of it at the next run',
    async (_, refuse, allow) => {
      const due = await scheduled(5);
      const before = await latestChangeId(database.db);
      await refuse(database.db, dialect);
      await expect(publishDueVariants(database.db, at(10))).rejects.toThrow(/refused/);
      // The claim and the story's place in lists went back with the failed step.
      expect(await statusOf(due)).toBe('scheduled');
      expect(await listPublishedStories(database.db, { limit: 10 })).toEqual([]);
      expect(await changesAfter(database.db, before, 10)).toEqual([]);
      const audit = () => listAudit(database.db, { action: 'story.publish' }, { limit: 10, offset: 0 });
      expect((await audit()).total).toBe(0);

      await allow(database.db, dialect);
      const run = await publishDueVariants(database.db, at(11));
      expect(run.published).toEqual([{ storyId: due, locale: 'zh' }]);
      expect(await statusOf(due)).toBe('published');
      expect(await listPublishedStories(database.db, { limit: 10 })).toEqual([
        { storyId: due, firstPublishedAt: at(11).toISOString() },
      ]);
      expect((await changesAfter(database.db, before, 10)).map((row) => row.change.storyIds)).toEqual([
        [due],
      ]);
      expect((await audit()).entries.map((e) => [e.actor, e.subjectId])).toEqual([['system', due]]);
    },
  );

  it('runs at start and then on its interval, handing each run on, and stops cleanly', async () => {
    const due = await scheduled(1);
    const handed: SchedulerRun[] = [];
    let now = at(2);
    const scheduler = startScheduler({
      db: database.db,
      log: createLogger('silent'),
      now: () => now,
      intervalMs: 20,
      onPublished: async (run) => {
        handed.push(run);
      },
    });
    await eventually(() => handed.length === 1, 'the first scheduled publish');
    expect(handed[0]?.published).toEqual([{ storyId: due, locale: 'zh' }]);
    const next = await scheduled(10);
    now = at(11);
    await eventually(() => handed.length === 2, 'the second scheduled publish');
    expect(handed[1]?.published).toEqual([{ storyId: next, locale: 'zh' }]);
    await scheduler.stop();
    expect(await statusOf(next)).toBe('published');
  });
});

/**
 * What a second scheduler runs on. On PostgreSQL, a pool of its own, as another process has. On
 * SQLite, the same instance: its driver runs one transaction at a time, while a second connection
 * in this process would wait for the file's lock synchronously, stalling the event loop under the
 * first connection's open transaction for good (two processes each have their own loop). Both
 * runs still list the same candidates before either claims them, so the claim's race is there.
 */
async function secondScheduler(
  database: TestDatabase,
): Promise<{ db: Kysely<Database>; close(): Promise<void> }> {
  if (database.dialect === 'sqlite') return { db: database.db, close: async () => {} };
  const schema = (await sql<{ name: string }>`select current_schema() as name`.execute(database.db)).rows[0]
    ?.name;
  return openDatabase({ databaseUrl: process.env.DATABASE_URL, pgSchema: schema ?? 'public' });
}
