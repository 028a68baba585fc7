import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { buildStory, buildVariant, seedTaxonomy } from '../../../test/support/factories.js';
import { importStories } from '../../editorial/index.js';
import { listingOrderMigration } from './migration-0009-listing-order.js';

describe.each(DIALECTS)('the listing order migration on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
  });
  afterAll(() => database.destroy());

  it("fills each story's first publication, and its tags', from the variants live now", async () => {
    const db = database.db;
    const stories = [
      buildStory('translated-earlier', {
        entities: ['nvidia', 'h200'],
        variant: { publishedAt: '2026-11-20T08:00:00.000Z' },
      }),
      buildStory('offset', { locales: ['zh'], variant: { publishedAt: '2026-11-20T16:30:00+08:00' } }),
      buildStory('never', { entities: ['nvidia'], variant: { status: 'draft', publishedAt: null } }),
    ];
    (stories[0] as { variants: unknown[] }).variants[1] = buildVariant('en', 'translated-earlier', {
      publishedAt: '2026-11-19T08:00:00.000Z',
    });
    const { storyIds } = await importStories(db, stories, { now: new Date('2026-11-21T00:00:00Z') });
    // Back to the tables as they were before the migration.
    for (const index of [
      'stories_section_listing',
      'stories_listing',
      'story_entities_listing',
      'story_variants_due',
      'story_variants_published',
    ]) {
      await db.schema.dropIndex(index).execute();
    }
    await db.schema.alterTable('stories').dropColumn('first_published_at').execute();
    await db.schema.alterTable('story_entities').dropColumn('first_published_at').execute();
    await db.schema.createIndex('stories_section').on('stories').column('section_id').execute();

    await listingOrderMigration().up(db as never);

    const firstPublished = await db
      .selectFrom('stories')
      .select(['id', 'first_published_at'])
      .orderBy('id')
      .execute();
    expect(firstPublished).toEqual([
      { id: storyIds[0], first_published_at: '2026-11-19T08:00:00.000Z' },
      { id: storyIds[1], first_published_at: '2026-11-20T08:30:00.000Z' },
      { id: storyIds[2], first_published_at: null },
    ]);
    const tags = await db
      .selectFrom('story_entities')
      .select(['story_id', 'first_published_at'])
      .orderBy('story_id')
      .orderBy('entity_id')
      .execute();
    const byStory = new Map(firstPublished.map((row) => [row.id, row.first_published_at]));
    expect(tags.filter((tag) => tag.story_id === storyIds[0])).toHaveLength(2);
    expect(tags.filter((tag) => tag.story_id === storyIds[2])).toHaveLength(1);
    for (const tag of tags) expect(tag.first_published_at).toBe(byStory.get(tag.story_id));
    const count = await sql<{ n: number }>`select count(*) as n from stories`.execute(db);
    expect(Number(count.rows[0]?.n)).toBe(3);
  });
});
