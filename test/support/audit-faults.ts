import { type Kysely, sql } from 'kysely';
import type { Database, Dialect } from '../../src/platform/database/index.js';

type Db = Kysely<Database>;

/**
 * Makes every insert into the audit log fail, as a full disk or a lost connection would once the
 * change itself is written: a write and its audit entry must then both be missing.
 */
export function refuseAuditEntries(db: Db, dialect: Dialect): Promise<void> {
  return refuseInserts(db, dialect, 'audit_log', 'refuse_audit', 'audit refused');
}

/** Undoes refuseAuditEntries. */
export function allowAuditEntries(db: Db, dialect: Dialect): Promise<void> {
  return allowInserts(db, dialect, 'audit_log', 'refuse_audit');
}

/** The same for the change log: a write whose change-log row fails must be missing too. */
export function refuseChangeLogRows(db: Db, dialect: Dialect): Promise<void> {
  return refuseInserts(db, dialect, 'change_log', 'refuse_change_log', 'change log refused');
}

/** Undoes refuseChangeLogRows. */
export function allowChangeLogRows(db: Db, dialect: Dialect): Promise<void> {
  return allowInserts(db, dialect, 'change_log', 'refuse_change_log');
}

// The names and messages are the constants above, never input, so splicing them in is safe.
async function refuseInserts(
  db: Db,
  dialect: Dialect,
  table: string,
  trigger: string,
  message: string,
): Promise<void> {
  const refusal = sql.raw(`'${message}'`);
  if (dialect === 'sqlite') {
    await sql`create trigger ${sql.raw(trigger)} before insert on ${sql.raw(table)} begin select raise(abort, ${refusal}); end`.execute(
      db,
    );
    return;
  }
  await sql`create or replace function ${sql.raw(trigger)}() returns trigger language plpgsql as $$ begin raise exception ${refusal}; end $$`.execute(
    db,
  );
  await sql`create trigger ${sql.raw(trigger)} before insert on ${sql.raw(table)} for each row execute function ${sql.raw(trigger)}()`.execute(
    db,
  );
}

async function allowInserts(db: Db, dialect: Dialect, table: string, trigger: string): Promise<void> {
  await sql`drop trigger ${sql.raw(trigger)}${sql.raw(dialect === 'postgres' ? ` on ${table}` : '')}`.execute(
    db,
  );
}
