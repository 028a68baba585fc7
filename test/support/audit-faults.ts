import { type Kysely, sql } from 'kysely';
import type { Database, Dialect } from '../../src/platform/database/index.js';

/**
 * Makes every insert into the audit log fail, as a full disk or a lost connection would once the
 * change itself is written: a write and its audit entry must then both be missing.
 */
export async function refuseAuditEntries(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`create trigger refuse_audit before insert on audit_log begin select raise(abort, 'audit refused'); end`.execute(
      db,
    );
    return;
  }
  await sql`create or replace function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(
    db,
  );
  await sql`create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit()`.execute(
    db,
  );
}

/** Undoes refuseAuditEntries. */
export async function allowAuditEntries(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  await sql`drop trigger refuse_audit${sql.raw(dialect === 'postgres' ? ' on audit_log' : '')}`.execute(db);
}
