import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { buildStory, seedTaxonomy } from '../../../test/support/factories.js';
import { isUniqueViolation } from '../../platform/database/index.js';
import { SlugTaken } from '../../stories/index.js';
import { importStories } from '../import.js';
import { writingSlug } from './render.js';

// A slug found free can be taken before the write commits (two saves at once on PostgreSQL);
// the database's refusal must be recognised, on either dialect, and become a conflict.

describe.each(DIALECTS)('a slug taken between probe and write, on %s', (dialect) => {
  let database: TestDatabase;
  let storyId: number;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    const { storyIds } = await importStories(database.db, [buildStory('taken', { locales: ['en'] })], {
      now: new Date('2026-12-01T00:00:00Z'),
    });
    storyId = storyIds[0] as number;
  });
  afterEach(() => database.destroy());

  const variant = (over: { story_id: number; slug: string }) => ({
    locale: 'en',
    title: 'T',
    summary: '',
    body_markdown: '',
    body_html: '',
    faq: '[]',
    faq_html: '[]',
    reading_minutes: 1,
    hero_alt: '',
    status: 'draft' as const,
    revision: 1,
    updated_at: '2026-12-01T00:00:00.000Z',
    translated_from_revision: null,
    ...over,
  });

  async function refusal(row: ReturnType<typeof variant>): Promise<unknown> {
    return database.db
      .insertInto('story_variants')
      .values(row)
      .execute()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
  }

  it('names the (locale, slug) constraint when a slug is taken', async () => {
    const { storyIds } = await importStories(database.db, [buildStory('other', { locales: ['zh'] })], {
      now: new Date('2026-12-01T00:00:00Z'),
    });
    const error = await refusal(variant({ story_id: storyIds[0] as number, slug: 'taken' }));
    expect(isUniqueViolation(error, 'story_variants', ['locale', 'slug'])).toBe(true);
    expect(isUniqueViolation(error, 'story_variants', ['story_id', 'locale'])).toBe(false);
  });

  it('becomes SlugTaken (a conflict) when written through writingSlug', async () => {
    const { storyIds } = await importStories(database.db, [buildStory('other', { locales: ['zh'] })], {
      now: new Date('2026-12-01T00:00:00Z'),
    });
    const write = writingSlug('en', 'taken', () =>
      database.db
        .insertInto('story_variants')
        .values(variant({ story_id: storyIds[0] as number, slug: 'taken' }))
        .execute(),
    );
    await expect(write).rejects.toBeInstanceOf(SlugTaken);
    await expect(write).rejects.toMatchObject({ kind: 'conflict', details: { locale: 'en', slug: 'taken' } });
  });

  it('tells another UNIQUE constraint apart', async () => {
    const error = await refusal(variant({ story_id: storyId, slug: 'free' }));
    expect(isUniqueViolation(error, 'story_variants', ['story_id', 'locale'])).toBe(true);
    expect(isUniqueViolation(error, 'story_variants', ['locale', 'slug'])).toBe(false);
  });

  it('is false for anything else', () => {
    expect(isUniqueViolation(new Error('boom'), 'story_variants', ['locale', 'slug'])).toBe(false);
    expect(isUniqueViolation('text', 'story_variants', ['locale', 'slug'])).toBe(false);
  });
});
