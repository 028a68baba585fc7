import type { Migration } from 'kysely';
import type { CreateWithId } from './migration-0002-newsroom.js';

/**
 * Review and coordination (issue 14): a variant's review state kept beside, not inside, its publish
 * status, so the publishing rules and the old release (rolling deploy) see nothing change; the
 * team's notes on a story; and the admin's notices, one row per recipient. Expand-only.
 */
export function reviewMigration(withId: CreateWithId): Migration {
  return {
    async up(db) {
      // One row per variant: its current review state. The history is the audit log's.
      await withId(db, 'story_reviews')
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('decided_at', 'text')
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addUniqueConstraint('story_reviews_variant', ['story_id', 'locale'])
        .execute();
      await db.schema
        .createIndex('story_reviews_queue')
        .on('story_reviews')
        .columns(['state', 'requested_at'])
        .execute();

      await withId(db, 'story_notes')
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('story_notes_story')
        .on('story_notes')
        .columns(['story_id', 'id'])
        .execute();

      await withId(db, 'admin_notices')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('story_id', 'integer', (c) => c.references('stories.id').onDelete('cascade'))
        .addColumn('locale', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('actor_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema
        .createIndex('admin_notices_recipient')
        .on('admin_notices')
        .columns(['user_id', 'read_at', 'id'])
        .execute();
    },
  };
}
