import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { buildStory, seedTaxonomy } from '../../test/support/factories.js';
import { addUser } from '../accounts/index.js';
import { importStories } from '../editorial/index.js';
import { createLogger } from '../platform/logger.js';
import { type PruneReport, pruneExpired, startMaintenance } from './maintenance.js';

const NOW = new Date('2026-11-28T09:00:00Z');
const iso = (hoursFromNow: number) => new Date(NOW.getTime() + hoursFromNow * 3_600_000).toISOString();

/** Two rows of every kind the prune looks after: one past its time (`old-…`), one still in use. */
async function seedRows(db: TestDatabase['db']): Promise<void> {
  const user = await addUser(db, { email: 'p@example.test', role: 'editor' }, null, NOW);
  await seedTaxonomy(db);
  const [storyId] = (await importStories(db, [buildStory('kept')], { now: NOW })).storyIds as [number];
  const session = {
    user_id: user.id,
    csrf_token: 'c',
    created_at: iso(-400),
    last_seen_at: iso(-1),
    user_agent: '',
  };
  await db
    .insertInto('sessions')
    .values([
      { ...session, id: 'old-session', expires_at: iso(-1) },
      { ...session, id: 'live-session', expires_at: iso(24) },
    ])
    .execute();
  const throttle = { failures: 3, revision: 3, next_attempt_at: iso(-30) };
  await db
    .insertInto('sign_in_throttles')
    .values([
      { ...throttle, key: 'old-throttle', updated_at: iso(-25) },
      { ...throttle, key: 'live-throttle', updated_at: iso(-23) },
    ])
    .execute();
  const link = { user_id: user.id, created_at: iso(-2) };
  await db
    .insertInto('setup_tokens')
    .values([
      { ...link, token_hash: 'old-used', expires_at: iso(20), used_at: iso(-1) },
      { ...link, token_hash: 'old-expired', expires_at: iso(-1), used_at: null },
      { ...link, token_hash: 'live-link', expires_at: iso(20), used_at: null },
    ])
    .execute();
  await db
    .insertInto('share_visits')
    .values([
      { story_id: storyId, visitor_hash: 'old-visit', day: '2026-11-27' },
      { story_id: storyId, visitor_hash: 'live-visit', day: '2026-11-28' },
    ])
    .execute();
  await db
    .insertInto('signup_attempts')
    .values([
      { address_hash: 'old-attempt', ip_hash: 'i', attempted_at: iso(-1.01) },
      { address_hash: 'live-attempt', ip_hash: 'i', attempted_at: iso(-0.5) },
    ])
    .execute();
  const preview = { story_id: storyId, locale: 'en', created_by: user.id, created_at: iso(-2) };
  await db
    .insertInto('preview_tokens')
    .values([
      { ...preview, token_hash: 'old-preview', expires_at: iso(-1) },
      { ...preview, token_hash: 'live-preview', expires_at: iso(1) },
    ])
    .execute();
  await db
    .insertInto('rate_counters')
    .values([
      { key: 'old-window', count: 3, expires_ms: NOW.getTime() - 1 },
      { key: 'live-window', count: 3, expires_ms: NOW.getTime() + 60_000 },
    ])
    .execute();
  await db
    .insertInto('pacing_slots')
    .values([
      { key: 'old-slot', next_free_ms: NOW.getTime() - 1 },
      { key: 'live-slot', next_free_ms: NOW.getTime() + 500 },
    ])
    .execute();
  const notice = {
    user_id: user.id,
    kind: 'review.submitted' as const,
    story_id: storyId,
    created_at: iso(-800),
  };
  await db
    .insertInto('admin_notices')
    .values([
      { ...notice, note: 'old-read-notice', read_at: iso(-24 * 30 - 1) },
      { ...notice, note: 'live-read-notice', read_at: iso(-24 * 29) },
      { ...notice, note: 'live-unread-notice', read_at: null },
    ])
    .execute();
  await db
    .insertInto('change_log')
    .values([
      { at: iso(-24.01), payload: '"old-change"' },
      { at: iso(-23), payload: '"live-change"' },
    ])
    .execute();
}

async function remaining(db: TestDatabase['db']): Promise<string[]> {
  const lists = await Promise.all([
    db.selectFrom('sessions').select('id as k').execute(),
    db.selectFrom('sign_in_throttles').select('key as k').execute(),
    db.selectFrom('setup_tokens').select('token_hash as k').execute(),
    db.selectFrom('share_visits').select('visitor_hash as k').execute(),
    db.selectFrom('signup_attempts').select('address_hash as k').execute(),
    db.selectFrom('preview_tokens').select('token_hash as k').execute(),
    db.selectFrom('rate_counters').select('key as k').execute(),
    db.selectFrom('pacing_slots').select('key as k').execute(),
    // The story seeded above logged a change of its own, at the time it ran.
    db.selectFrom('change_log').select('payload as k').where('payload', 'like', '"%-change"').execute(),
    db.selectFrom('admin_notices').select('note as k').execute(),
  ]);
  return lists.flat().map((row) => row.k.replaceAll('"', ''));
}

describe.each(DIALECTS)('pruning expired rows on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedRows(database.db);
  });
  afterAll(() => database.destroy());

  it('removes what is past its time and keeps what is still in use', async () => {
    const report = await pruneExpired(database.db, NOW);
    expect(report).toEqual({
      sessions: 1,
      signInThrottles: 1,
      setupLinks: 2,
      shareVisits: 1,
      signupAttempts: 1,
      previewLinks: 1,
      autosaves: 0,
      sharedLimits: 2,
      changes: 1,
      readNotices: 1,
    });
    expect((await remaining(database.db)).sort()).toEqual([
      'live-attempt',
      'live-change',
      'live-link',
      'live-preview',
      'live-read-notice',
      'live-session',
      'live-slot',
      'live-throttle',
      'live-unread-notice',
      'live-visit',
      'live-window',
    ]);
  });

  it('is safe to run from several processes at once', async () => {
    const reports = await Promise.all([pruneExpired(database.db, NOW), pruneExpired(database.db, NOW)]);
    expect(reports.every((r) => Object.values(r).every((n) => n === 0))).toBe(true);
    expect(await remaining(database.db)).toHaveLength(11);
  });

  it('runs in the background as soon as it starts', async () => {
    await database.db
      .insertInto('preview_tokens')
      .values({ token_hash: 'late', story_id: 1, locale: 'en', created_at: iso(-3), expires_at: iso(-2) })
      .execute();
    const reports: PruneReport[] = [];
    const job = startMaintenance({
      db: database.db,
      log: createLogger('silent'),
      now: () => NOW,
      intervalMs: 3_600_000,
      onPruned: (report) => reports.push(report),
    });
    await expect.poll(() => reports.length).toBe(1);
    await job.stop();
    expect(reports[0]?.previewLinks).toBe(1);
  });
});
