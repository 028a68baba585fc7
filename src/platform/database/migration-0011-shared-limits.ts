import type { Migration } from 'kysely';

/**
 * Limits that several processes must share (share and test-send windows, the newsletter's
 * per-domain pacing) move from each process's memory into two small tables. Each row is claimed
 * with one atomic statement, so two web nodes or two senders never both take the last slot.
 */
export function sharedLimitsMigration(): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('rate_counters')
        // `scope:subject:window` for a fixed window, or `scope:subject` for a lease.
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('count', 'integer', (c) => c.notNull())
        // Milliseconds since the epoch after which the row means nothing and is pruned.
        .addColumn('expires_ms', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rate_counters_expires').on('rate_counters').column('expires_ms').execute();
      await db.schema
        .createTable('pacing_slots')
        .addColumn('key', 'text', (c) => c.primaryKey())
        // The earliest moment (ms since the epoch) the next message to this key may go.
        .addColumn('next_free_ms', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('pacing_slots_next_free')
        .on('pacing_slots')
        .column('next_free_ms')
        .execute();
    },
  };
}
