import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import {
  countInWindow,
  pruneSharedLimits,
  releaseLease,
  reservePacedSlot,
  takeLease,
} from './shared-limits.js';

const T = Date.parse('2026-12-07T10:00:00Z');

describe.each(DIALECTS)('limits shared by every process, on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('counts every event of a window exactly once, however many arrive at once', async () => {
    const counts = await Promise.all(
      Array.from({ length: 25 }, () => countInWindow(database.db, 'share:net-a', 60_000, T + 5)),
    );
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await countInWindow(database.db, 'share:net-b', 60_000, T + 5)).toBe(1);
    // The next window starts again from one.
    expect(await countInWindow(database.db, 'share:net-a', 60_000, T + 60_000)).toBe(1);
  });

  it('lets one holder take a lease until it is released or expires', async () => {
    expect(await takeLease(database.db, 'test-send:7', 30_000, T)).toBe(true);
    expect(await takeLease(database.db, 'test-send:7', 30_000, T + 1)).toBe(false);
    expect(await takeLease(database.db, 'test-send:8', 30_000, T + 1)).toBe(true);
    await releaseLease(database.db, 'test-send:7');
    expect(await takeLease(database.db, 'test-send:7', 30_000, T + 2)).toBe(true);
    // A holder that died: its lease lapses.
    expect(await takeLease(database.db, 'test-send:7', 30_000, T + 30_002)).toBe(true);
  });

  it('paces slots one interval apart, across callers, and defers past the longest wait', async () => {
    const slots = await Promise.all(
      Array.from({ length: 4 }, () => reservePacedSlot(database.db, 'domain:qq.com', 500, 1_000, T)),
    );
    const waits = slots.flatMap((s) => ('waitMs' in s ? [s.waitMs] : [])).sort((a, b) => a - b);
    expect(waits).toEqual([0, 500, 1_000]);
    // The fourth would wait 1.5 s: it is deferred, and takes nothing.
    expect(slots.filter((s) => 'deferMs' in s)).toEqual([{ deferMs: 1_500 }]);
    expect(await reservePacedSlot(database.db, 'domain:qq.com', 500, 1_000, T + 1_500)).toEqual({
      waitMs: 0,
    });
    expect(await reservePacedSlot(database.db, 'domain:gmail.com', 500, 1_000, T)).toEqual({ waitMs: 0 });
  });

  it('prunes what no longer limits anything', async () => {
    const removed = await pruneSharedLimits(database.db, T + 3_600_000);
    expect(removed).toBeGreaterThan(0);
    const left = await database.db.selectFrom('rate_counters').select('key').execute();
    expect(left).toEqual([]);
    expect(await database.db.selectFrom('pacing_slots').select('key').execute()).toEqual([]);
  });
});
