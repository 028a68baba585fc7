import type { Migration } from 'kysely';

/**
 * Sign-in throttling keeps one row per key (an account and address pair, or an address) with its
 * failure count and the earliest time of its next attempt, so an attempt is reserved with one
 * compare-and-set UPDATE instead of counting rows that parallel attempts have not written yet.
 * The old table of single failures goes (it only ever held the last fifteen minutes). The other
 * indexes serve the hourly removal of expired rows.
 */
export function accountsHardeningMigration(): Migration {
  return {
    async up(db) {
      await db.schema.dropTable('login_failures').execute();
      await db.schema
        .createTable('sign_in_throttles')
        // A keyed hash: `pair:` of an email and an address, or `address:` of an address alone.
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        // Bumped by every change, so two parallel reservations cannot both succeed.
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('sign_in_throttles_updated')
        .on('sign_in_throttles')
        .column('updated_at')
        .execute();
      await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
      await db.schema.createIndex('setup_tokens_user').on('setup_tokens').column('user_id').execute();
      await db.schema.createIndex('setup_tokens_expires').on('setup_tokens').column('expires_at').execute();
      await db.schema
        .createIndex('preview_tokens_expires')
        .on('preview_tokens')
        .column('expires_at')
        .execute();
      await db.schema.createIndex('share_visits_day').on('share_visits').column('day').execute();
    },
  };
}
