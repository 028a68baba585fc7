import { type Kysely, type Migration, sql } from 'kysely';

/** The form every stored timestamp written by the application has (`Date#toISOString()`). */
const CANONICAL_INSTANT = '____-__-__T__:__:__.___Z';

/**
 * Lists used to group every published variant by story and sort on `min(published_at)`: the
 * whole archive was read and sorted for each page. A story now carries `first_published_at`
 * (its earliest live variant's publication, null while none is live), and so does each of its
 * entity tags, so the front page, a section and an entity hub each read their newest stories
 * straight off an index in order. The scheduler's due variants and the news sitemap's recent
 * variants get indexes of their own.
 */
export function listingOrderMigration(): Migration {
  return {
    async up(db) {
      await db.schema.alterTable('stories').addColumn('first_published_at', 'text').execute();
      await db.schema.alterTable('story_entities').addColumn('first_published_at', 'text').execute();

      await sql`
        update stories set first_published_at = (
          select min(coalesce(v.published_at, v.updated_at)) from story_variants v
          where v.story_id = stories.id and v.status = 'published'
        )`.execute(db);
      await canonicaliseImportedInstants(db);
      await sql`
        update story_entities set first_published_at = (
          select s.first_published_at from stories s where s.id = story_entities.story_id
        )`.execute(db);

      await db.schema.dropIndex('stories_section').execute();
      await db.schema
        .createIndex('stories_section_listing')
        .on('stories')
        .columns(['section_id', 'first_published_at', 'id'])
        .execute();
      await db.schema
        .createIndex('stories_listing')
        .on('stories')
        .columns(['first_published_at', 'id'])
        .execute();
      await db.schema
        .createIndex('story_entities_listing')
        .on('story_entities')
        .columns(['entity_id', 'first_published_at', 'story_id'])
        .execute();
      await db.schema
        .createIndex('story_variants_due')
        .on('story_variants')
        .columns(['status', 'publish_at', 'id'])
        .execute();
      await db.schema
        .createIndex('story_variants_published')
        .on('story_variants')
        .columns(['status', 'published_at', 'id'])
        .execute();
    },
  };
}

/**
 * Imports may carry publication times with an offset (`+08:00`); lists compare the column as text,
 * so the few that are not in the canonical UTC form are rewritten into it.
 */
async function canonicaliseImportedInstants(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ id: number; first_published_at: string }>`
    select id, first_published_at from stories
    where first_published_at is not null and first_published_at not like ${CANONICAL_INSTANT}`.execute(db);
  for (const row of rows) {
    const instant = new Date(row.first_published_at);
    if (Number.isNaN(instant.getTime())) continue;
    await sql`update stories set first_published_at = ${instant.toISOString()} where id = ${row.id}`.execute(
      db,
    );
  }
}
