import { type Migration, sql } from 'kysely';

/**
 * People on the site: each variant credits an author and, for a translation, a translator; a
 * person may have a public profile (an address, an avatar, a bio per language) shown on author
 * pages. Expand-only, so a release that knows none of it keeps running against this schema: every
 * column is nullable or defaulted, and nothing is dropped or renamed.
 */
export function peopleMigration(): Migration {
  return {
    async up(db) {
      await db.schema
        .alterTable('story_variants')
        .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      await db.schema
        .alterTable('story_variants')
        .addColumn('translator_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      // Every variant written so far credits the person who created the story (null for imports,
      // which keep the organisation's byline).
      await sql`update story_variants set author_id =
        (select stories.author_id from stories where stories.id = story_variants.story_id)`.execute(db);
      await db.schema.createIndex('story_variants_author').on('story_variants').column('author_id').execute();
      await db.schema
        .createIndex('story_variants_translator')
        .on('story_variants')
        .column('translator_id')
        .execute();

      // The address of the person's author page; null until they pick one.
      await db.schema.alterTable('users').addColumn('profile_slug', 'text').execute();
      await db.schema
        .alterTable('users')
        .addColumn('avatar_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
        .execute();
      // 1 when the person appears on the site (author page, linked byline); off until they say so.
      await db.schema
        .alterTable('users')
        .addColumn('profile_public', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // 1 once the person picked the admin's language; until then it follows their browser.
      await db.schema
        .alterTable('users')
        .addColumn('ui_locale_chosen', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('users_profile_slug').on('users').column('profile_slug').unique().execute();

      await db.schema
        .createTable('user_profiles')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('bio', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_profiles_pk', ['user_id', 'locale'])
        .execute();
    },
  };
}
