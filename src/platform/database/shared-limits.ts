import { type Kysely, SqliteAdapter, sql } from 'kysely';
import type { Database } from './schema.js';

// Limits that hold across every process on one database: each is one atomic statement, so two
// web nodes (or two newsletter senders) counting at the same moment never both get the last slot.

type Db = Kysely<Database>;

/**
 * Counts one more event for `key` in the fixed window of `windowMs` that holds `nowMs`, and
 * returns the window's count including this one.
 */
export async function countInWindow(db: Db, key: string, windowMs: number, nowMs: number): Promise<number> {
  const windowStart = nowMs - (nowMs % windowMs);
  const row = await db
    .insertInto('rate_counters')
    .values({ key: `${key}:${windowStart}`, count: 1, expires_ms: windowStart + windowMs })
    .onConflict((oc) => oc.column('key').doUpdateSet({ count: sql<number>`rate_counters.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Takes the lease `key` until `nowMs + ttlMs` unless someone else holds it unexpired; true when
 * taken. A holder that dies loses the lease when it expires.
 */
export async function takeLease(db: Db, key: string, ttlMs: number, nowMs: number): Promise<boolean> {
  const row = await db
    .insertInto('rate_counters')
    .values({ key, count: 1, expires_ms: nowMs + ttlMs })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ count: 1, expires_ms: nowMs + ttlMs })
        .where('rate_counters.expires_ms', '<=', nowMs),
    )
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

export async function releaseLease(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_counters').where('key', '=', key).execute();
}

/**
 * A slot for one event under `key` paced at one per `intervalMs`: `{ waitMs }` (the slot is taken;
 * wait that long, 0 for now) or `{ deferMs }` when the next free slot is more than `maxWaitMs`
 * away (nothing taken).
 */
export async function reservePacedSlot(
  db: Db,
  key: string,
  intervalMs: number,
  maxWaitMs: number,
  nowMs: number,
): Promise<{ waitMs: number } | { deferMs: number }> {
  const later = db.getExecutor().adapter instanceof SqliteAdapter ? sql.raw('max') : sql.raw('greatest');
  const slotStart = sql<number>`${later}(pacing_slots.next_free_ms, ${nowMs})`;
  const taken = await db
    .insertInto('pacing_slots')
    .values({ key, next_free_ms: nowMs + intervalMs })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ next_free_ms: sql<number>`${slotStart} + ${intervalMs}` })
        .where(sql<boolean>`${slotStart} - ${nowMs} <= ${maxWaitMs}`),
    )
    .returning('next_free_ms')
    .executeTakeFirst();
  if (taken) return { waitMs: Math.max(0, Number(taken.next_free_ms) - intervalMs - nowMs) };
  const current = await db
    .selectFrom('pacing_slots')
    .select('next_free_ms')
    .where('key', '=', key)
    .executeTakeFirst();
  return { deferMs: Math.max(1, Number(current?.next_free_ms ?? nowMs) - nowMs) };
}

/** Removes windows, leases and pacing slots that no longer limit anything (the hourly prune). */
export async function pruneSharedLimits(db: Db, nowMs: number): Promise<number> {
  const counters = await db.deleteFrom('rate_counters').where('expires_ms', '<', nowMs).executeTakeFirst();
  const slots = await db.deleteFrom('pacing_slots').where('next_free_ms', '<', nowMs).executeTakeFirst();
  return Number(counters.numDeletedRows) + Number(slots.numDeletedRows);
}
