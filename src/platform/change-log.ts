import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from './database/index.js';

/** The PostgreSQL channel a committed change is announced on (LISTEN wakes the followers). */
export const CHANGE_CHANNEL = 'velocity_changes';

/**
 * What one write touched, as every process needs to know it to drop its caches: the stories,
 * sections and entities whose pages changed, and whether names shown on every page (settings,
 * section or entity names, media) changed, which makes a site reload its catalog.
 */
export interface LoggedChange {
  storyIds: number[];
  sectionIds: number[];
  entityIds: number[];
  names: boolean;
  /**
   * Stories whose share count went up: their pages catch up at each process's next share-count
   * refresh rather than at once, so a burst of shares does not empty the caches.
   */
  shares: number[];
}

export interface ChangeRow {
  id: number;
  at: string;
  change: LoggedChange;
}

// Any fixed number: the key of the advisory lock that orders appends (see appendChange).
const APPEND_LOCK = 7_301_013;

function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Appends a change inside the caller's transaction, so it commits with the write or not at all
 * (outside one, the append is a write of its own). Followers read "ids above the last one seen",
 * which holds only if ids become visible in order: on PostgreSQL two transactions could commit
 * their serial ids out of order, so appends take a transaction-scoped lock first (held until
 * commit, and taken at the end of a write, so briefly); SQLite has one writer at a time anyway.
 * The NOTIFY is delivered when the transaction commits.
 */
export async function appendChange(db: Kysely<Database>, change: LoggedChange, now: Date): Promise<void> {
  if (!isPostgres(db)) {
    await insertChange(db, change, now);
    return;
  }
  const append = async (trx: Kysely<Database>) => {
    await sql`select pg_advisory_xact_lock(${APPEND_LOCK})`.execute(trx);
    await insertChange(trx, change, now);
    await sql`select pg_notify(${CHANGE_CHANNEL}, '')`.execute(trx);
  };
  await (db.isTransaction ? append(db) : db.transaction().execute(append));
}

async function insertChange(db: Kysely<Database>, change: LoggedChange, now: Date): Promise<void> {
  await db
    .insertInto('change_log')
    .values({ at: now.toISOString(), payload: JSON.stringify(change) })
    .execute();
}

/** The newest change's id (0 for none): where a process that starts with empty caches begins. */
export async function latestChangeId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** The changes after `afterId`, oldest first. */
export async function changesAfter(
  db: Kysely<Database>,
  afterId: number,
  limit: number,
): Promise<ChangeRow[]> {
  const rows = await db
    .selectFrom('change_log')
    .select(['id', 'at', 'payload'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: row.id, at: row.at, change: parseChange(row.payload) }));
}

function parseChange(payload: string): LoggedChange {
  const value = JSON.parse(payload) as Partial<LoggedChange>;
  const ids = (list: unknown) => (Array.isArray(list) ? list.filter((id) => Number.isInteger(id)) : []);
  return {
    storyIds: ids(value.storyIds),
    sectionIds: ids(value.sectionIds),
    entityIds: ids(value.entityIds),
    names: value.names === true,
    shares: ids(value.shares),
  };
}

/** Removes changes older than `before`; returns how many. */
export async function pruneChangesBefore(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db.deleteFrom('change_log').where('at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
