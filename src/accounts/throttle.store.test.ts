import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import {
  ADDRESS_RULE,
  delayAfter,
  deleteStaleThrottles,
  FORGET_AFTER_MS,
  PAIR_RULE,
  reserveAttempt,
  settleSuccess,
} from './throttle.js';

describe('delayAfter', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [7, 120_000],
    [9, 480_000],
    [10, 900_000],
    [500, 900_000],
  ])('after %i failures of one account from one address waits %i ms', (failures, wait) => {
    expect(delayAfter(failures, PAIR_RULE)).toBe(wait);
  });

  it('lets one address make more mistakes across accounts before it waits', () => {
    expect(delayAfter(19, ADDRESS_RULE)).toBe(0);
    expect(delayAfter(20, ADDRESS_RULE)).toBe(30_000);
  });
});

describe.each(DIALECTS)('reserveAttempt on %s', (dialect) => {
  let database: TestDatabase;
  const now = new Date('2026-11-28T09:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);
  const pair = (key: string) => [{ key, rule: PAIR_RULE }];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.destroy());

  it('allows the free failures, then waits a doubling time', async () => {
    for (let i = 0; i < 5; i++)
      expect(await reserveAttempt(database.db, pair('a'), now)).toEqual({ ok: true });
    expect(await reserveAttempt(database.db, pair('a'), now)).toEqual({ ok: false, retryAfterMs: 30_000 });
    expect(await reserveAttempt(database.db, pair('a'), at(29_999))).toEqual({ ok: false, retryAfterMs: 1 });
    expect(await reserveAttempt(database.db, pair('a'), at(30_000))).toEqual({ ok: true });
    // The sixth failure doubles the wait, counted from that attempt.
    expect(await reserveAttempt(database.db, pair('a'), at(30_000))).toEqual({
      ok: false,
      retryAfterMs: 60_000,
    });
  });

  it('refuses when any of the keys must wait, and then reserves none of them', async () => {
    const address = { key: 'address:x', rule: PAIR_RULE };
    for (let i = 0; i < 5; i++) await reserveAttempt(database.db, [address], now);
    expect((await reserveAttempt(database.db, [{ key: 'pair:x', rule: PAIR_RULE }, address], now)).ok).toBe(
      false,
    );
    const row = await database.db
      .selectFrom('sign_in_throttles')
      .select('failures')
      .where('key', '=', 'pair:x')
      .executeTakeFirst();
    expect(row?.failures ?? 0).toBe(0);
  });

  it('grants no more than the free attempts to 200 parallel reservations', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        reserveAttempt(
          database.db,
          [...pair('parallel'), { key: 'address:parallel', rule: ADDRESS_RULE }],
          now,
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
  });

  it('starts afresh after a success, and gives the address its attempt back', async () => {
    const keys = [...pair('pair:ok'), { key: 'address:ok', rule: ADDRESS_RULE }];
    for (let i = 0; i < 3; i++) await reserveAttempt(database.db, keys, now);
    await settleSuccess(database.db, 'pair:ok', 'address:ok');
    const rows = await database.db
      .selectFrom('sign_in_throttles')
      .select(['key', 'failures'])
      .where('key', 'in', ['pair:ok', 'address:ok'])
      .execute();
    expect(rows).toEqual([{ key: 'address:ok', failures: 2 }]);
  });

  it('forgets a key left alone for a day, and the prune removes it', async () => {
    for (let i = 0; i < 6; i++) await reserveAttempt(database.db, pair('old'), now);
    await reserveAttempt(database.db, pair('fresh'), at(FORGET_AFTER_MS));
    expect(await reserveAttempt(database.db, pair('old'), at(FORGET_AFTER_MS + 1))).toEqual({ ok: true });
    await reserveAttempt(database.db, pair('older'), now);
    expect(await deleteStaleThrottles(database.db, at(FORGET_AFTER_MS + 1))).toBeGreaterThan(0);
    const keys = (await database.db.selectFrom('sign_in_throttles').select('key').execute()).map(
      (r) => r.key,
    );
    expect(keys).toEqual(expect.arrayContaining(['old', 'fresh']));
    expect(keys).not.toContain('older');
  });
});
