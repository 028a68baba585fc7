import type { Migration } from 'kysely';
import type { CreateWithId } from './migration-0002-newsroom.js';

/**
 * The change log: one row per committed write that readers can see, naming what it touched.
 * Every process reads it after the last id it has applied and drops its caches for those tags,
 * so a page published through one process is fresh on all of them. Rows are pruned after a day.
 */
export function changeLogMigration(withId: CreateWithId): Migration {
  return {
    async up(db) {
      await withId(db, 'change_log')
        .addColumn('at', 'text', (c) => c.notNull())
        // JSON: `{ storyIds, sectionIds, entityIds, names }` (platform/change-log.ts).
        .addColumn('payload', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('change_log_at').on('change_log').column('at').execute();
    },
  };
}
