import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';

type Db = Kysely<Database>;

/** How a key slows down: free failures first, then a wait that doubles with each failure, capped. */
export interface ThrottleRule {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

const MINUTE_MS = 60_000;

/** One account from one address: a person who mistyped a few times barely notices. */
export const PAIR_RULE: ThrottleRule = { freeFailures: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE_MS };
/** One address across every account it tries (password spraying). */
export const ADDRESS_RULE: ThrottleRule = {
  freeFailures: 20,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * MINUTE_MS,
};
/** A key left alone this long starts again from nothing; the hourly prune removes such rows. */
export const FORGET_AFTER_MS = 24 * 60 * MINUTE_MS;

/** The wait before the next attempt once a key has `failures` failures. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeFailures) return 0;
  const doublings = Math.min(failures - rule.freeFailures, 30);
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** doublings);
}

export type Reservation = { ok: true } | { ok: false; retryAfterMs: number };

class LostRace extends Error {}

const EPOCH = new Date(0).toISOString();
// Each lost race means another attempt was reserved or refused meanwhile, so a handful of rounds
// settles even 200 parallel attempts; past that the attempt is refused rather than let through.
const MAX_ROUNDS = 25;

/**
 * Reserves one attempt on every key, counting it as a failure in advance, or refuses with how long
 * to wait. The reservation is a compare-and-set on each row's revision inside one transaction: of
 * parallel attempts that read the same state, one writes and the others start over and see the
 * new state. So no number of parallel requests runs more checks than the rules allow.
 */
export async function reserveAttempt(
  db: Db,
  keys: { key: string; rule: ThrottleRule }[],
  now: Date,
): Promise<Reservation> {
  // The same order everywhere, so two transactions never wait on each other's rows crosswise.
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : 1));
  const nowIso = now.toISOString();
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    try {
      return await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('sign_in_throttles')
          .values(
            sorted.map(({ key }) => ({
              key,
              failures: 0,
              revision: 0,
              next_attempt_at: EPOCH,
              updated_at: nowIso,
            })),
          )
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        const rows = await trx
          .selectFrom('sign_in_throttles')
          .selectAll()
          .where(
            'key',
            'in',
            sorted.map((k) => k.key),
          )
          .execute();
        const byKey = new Map(rows.map((row) => [row.key, row]));
        let waitMs = 0;
        for (const { key } of sorted) {
          const row = byKey.get(key);
          if (row && row.updated_at >= forgetBefore && row.next_attempt_at > nowIso) {
            waitMs = Math.max(waitMs, Date.parse(row.next_attempt_at) - now.getTime());
          }
        }
        if (waitMs > 0) return { ok: false, retryAfterMs: waitMs };
        for (const { key, rule } of sorted) {
          const row = byKey.get(key);
          if (!row) throw new LostRace();
          const failures = (row.updated_at < forgetBefore ? 0 : row.failures) + 1;
          const result = await trx
            .updateTable('sign_in_throttles')
            .set({
              failures,
              revision: row.revision + 1,
              next_attempt_at: new Date(now.getTime() + delayAfter(failures, rule)).toISOString(),
              updated_at: nowIso,
            })
            .where('key', '=', key)
            .where('revision', '=', row.revision)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) throw new LostRace();
        }
        return { ok: true };
      });
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
    }
  }
  return { ok: false, retryAfterMs: 1000 };
}

/** After a right password: the pair starts afresh, and the address gets its reserved attempt back. */
export async function settleSuccess(db: Db, pairKey: string, addressKey: string): Promise<void> {
  await db.deleteFrom('sign_in_throttles').where('key', '=', pairKey).execute();
  await db
    .updateTable('sign_in_throttles')
    .set((eb) => ({ failures: eb('failures', '-', 1), revision: eb('revision', '+', 1) }))
    .where('key', '=', addressKey)
    .where('failures', '>', 0)
    .execute();
}

/** Rows nobody touched for a day count for nothing any more. */
export async function deleteStaleThrottles(db: Db, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('sign_in_throttles')
    .where('updated_at', '<', new Date(now.getTime() - FORGET_AFTER_MS).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
