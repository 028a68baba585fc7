import type { Migration } from 'kysely';
import type { CreateWithId } from './migration-0002-newsroom.js';

/**
 * Autosaved drafts live apart from `story_revisions`: they are not saves (no revision number, not
 * in the history, never published), one row per person and variant that each autosave overwrites,
 * pruned once saved or old. A new table only, so the previous release runs against it unchanged.
 */
export function storyAutosavesMigration(withId: CreateWithId): Migration {
  return {
    async up(db) {
      await withId(db, 'story_autosaves')
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        // The revision the text was typed over (null for a translation not saved yet).
        .addColumn('base_revision', 'integer')
        .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body_markdown', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('faq', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('hero_alt', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('story_autosaves_owner', ['story_id', 'locale', 'user_id'])
        .execute();
      await db.schema
        .createIndex('story_autosaves_saved_at')
        .on('story_autosaves')
        .column('saved_at')
        .execute();
    },
  };
}
