import { afterEach, describe, expect, it } from 'vitest';
import { type Actor, addUser, listAudit } from '../../src/accounts/index.js';
import { createStory, schedule } from '../../src/editorial/index.js';
import { changesAfter, latestChangeId } from '../../src/platform/change-log.js';
import { findStory } from '../../src/stories/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { eventually } from '../support/eventually.js';
import { seedTaxonomy } from '../support/factories.js';
import { spawnVelocity, type VelocityProcess } from '../support/velocity-process.js';

// Two worker processes on one SQLite file, each publishing due variants in transactions of its
// own: every variant goes live once, with one audit entry and one change-log row, and neither
// process waits forever on the other's lock (each has its own event loop to wait in).

const t0 = new Date('2026-11-28T09:00:00Z');

describe('two workers on one SQLite file', () => {
  let database: TestDatabase | undefined;
  const workers: VelocityProcess[] = [];
  afterEach(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    workers.length = 0;
    await database?.destroy();
  });

  it('publish each due variant exactly once, with its audit entry and change-log row', async () => {
    database = await createTestDatabase('sqlite');
    const { db } = database;
    await seedTaxonomy(db);
    const user = await addUser(db, { email: 'editor@example.test', role: 'editor' }, null, t0);
    const editor: Actor = { id: user.id, email: user.email, role: user.role, locales: [] };
    const ids: number[] = [];
    for (let i = 1; i <= 12; i++) {
      const variant = {
        title: `英伟达新闻第${i}篇报道`,
        summary: '英伟达公布了新芯片。',
        body: '英伟达今天发布了新芯片。',
      };
      const { storyId } = await createStory(
        db,
        editor,
        { section: 'chips', sourceLocale: 'zh', variant },
        { now: t0 },
      );
      // Due long before the workers start, by the real clock they run on.
      const publishAt = new Date(t0.getTime() + i * 60_000).toISOString();
      await schedule(db, editor, { storyId, locale: 'zh', publishAt }, { now: t0 });
      ids.push(storyId);
    }
    const before = await latestChangeId(db);

    // Started together, their first runs (at start-up) usually overlap and race for the same
    // variants; DATABASE_URL is emptied so that both use the file even where CI sets one.
    for (let i = 0; i < 2; i++) {
      workers.push(
        spawnVelocity(['worker'], { DATA_DIR: database.dataDir, LOG_LEVEL: 'error', DATABASE_URL: '' }),
      );
    }
    const statuses = async () =>
      Promise.all(ids.map(async (id) => (await findStory(db, id))?.variants[0]?.status));
    await eventually(
      async () => {
        for (const worker of workers) {
          if (worker.child.exitCode !== null) throw new Error(`velocity worker stopped:\n${worker.stderr()}`);
        }
        return (await statuses()).every((status) => status === 'published');
      },
      'every scheduled variant published by the workers',
      { timeoutMs: 120_000 },
    );

    // No run failed on the other's lock (a busy file would fail one and leave it to the next).
    for (const worker of workers)
      expect(worker.stdout() + worker.stderr()).not.toContain('publishing failed');
    const audit = await listAudit(db, { action: 'story.publish' }, { limit: 50, offset: 0 });
    expect(audit.entries.map((entry) => entry.subjectId).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(ids);
    const logged = (await changesAfter(db, before, 50)).flatMap((row) => row.change.storyIds);
    expect(logged.sort((a, b) => a - b)).toEqual(ids);
  });
});
