import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { webhookLogMigration } from './migration-0007-webhook-log.js';

describe.each(DIALECTS)('the webhook log migration on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.destroy());

  it('turns the free text older versions kept (answers included) into failure classes', async () => {
    const db = database.db;
    // Back to the table as it was before the migration, holding what the old worker wrote.
    await sql`alter table webhook_deliveries drop column last_duration_ms`.execute(db);
    const { id } = await db
      .insertInto('webhooks')
      .values({
        url: 'https://hooks.example.test/',
        secret: 'whsec_x',
        events: '[]',
        active: 1,
        created_at: '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = [
      '',
      'HTTP 500: redis_version:7.2.4',
      'Timed out',
      'Redirect to another host (http://127.0.0.1:6379) not followed',
      'Too many redirects',
      'fetch failed: connect ECONNREFUSED 127.0.0.1:22',
      'fetch failed: SSH-2.0-OpenSSH_9.6',
    ];
    for (const lastError of before) {
      await db
        .insertInto('webhook_deliveries')
        .values({
          webhook_id: id,
          event: 'story.published',
          payload: '{}',
          status: 'failed',
          attempts: 1,
          next_attempt_at: '',
          locked_until: null,
          last_status: null,
          last_error: lastError,
          created_at: '',
          delivered_at: null,
        } as never)
        .execute();
    }
    await webhookLogMigration.up(db as never);
    const rows = await db
      .selectFrom('webhook_deliveries')
      .select(['last_error', 'last_duration_ms'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.last_error)).toEqual([
      '',
      'http-status',
      'timeout',
      'redirect-elsewhere',
      'too-many-redirects',
      'connection-refused',
      'network',
    ]);
    expect(rows.every((r) => r.last_duration_ms === null)).toBe(true);
  });
});
