import { type Migration, sql } from 'kysely';

/**
 * The webhook delivery log keeps what an owner needs and nothing the receiver said: a class of
 * failure instead of free text (which held up to 300 characters of whatever answered, issue 11),
 * and how long the attempt took. Rows written before become their class.
 */
export const webhookLogMigration: Migration = {
  async up(db) {
    await db.schema.alterTable('webhook_deliveries').addColumn('last_duration_ms', 'integer').execute();
    await sql`
      update webhook_deliveries set last_error = case
        when last_error = '' then ''
        when last_error like 'HTTP %' then 'http-status'
        when last_error = 'Timed out' then 'timeout'
        when last_error like 'Redirect to another host%' then 'redirect-elsewhere'
        when last_error = 'Too many redirects' then 'too-many-redirects'
        when last_error like '%ECONNREFUSED%' then 'connection-refused'
        else 'network'
      end`.execute(db);
  },
};
