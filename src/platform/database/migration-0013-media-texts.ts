import type { Migration } from 'kysely';

/**
 * Alt text and credit kept with the image, per language, as the defaults a story shows when its
 * variant has none of its own. Expand-only: `media.credit` stays, and is the fallback for a
 * language with no credit here, so a release from before this table keeps working against it.
 */
export function mediaTextsMigration(): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('media_texts')
        .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('media_texts_pk', ['media_id', 'locale'])
        .execute();
    },
  };
}
