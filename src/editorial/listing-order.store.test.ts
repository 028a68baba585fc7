import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { buildStory, buildVariant, seedTaxonomy } from '../../test/support/factories.js';
import { type Actor, addUser } from '../accounts/index.js';
import { countStoriesPerEntity, listPublishedStories } from '../stories/index.js';
import { importStories, publish, unpublish, updateStoryMeta } from './index.js';

// A story's place in the lists (its first publication, on the story and on its entity tags) follows
// every use case that changes which of its variants are live.

const now = new Date('2026-11-21T12:00:00Z');

describe.each(DIALECTS)('first publication on %s', (dialect) => {
  let database: TestDatabase;
  let editor: Actor;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    const user = await addUser(
      database.db,
      { email: 'editor@example.test', role: 'editor', locales: [], displayName: '' },
      'correct horse battery',
      now,
    );
    editor = { id: user.id, email: user.email, role: user.role, locales: user.locales };
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('follows the variants live now, on the story and on its entity tags', async () => {
    const input = buildStory('followed', { entities: ['nvidia'] });
    input.variants[1] = buildVariant('en', 'followed', { status: 'draft', publishedAt: null });
    const { storyIds } = await importStories(database.db, [input], { now });
    const storyId = storyIds[0] as number;
    const nvidia = await database.db
      .selectFrom('entities')
      .select('id')
      .where('slug', '=', 'nvidia')
      .executeTakeFirstOrThrow();
    const listedAt = async () => ({
      front: (await listPublishedStories(database.db, { limit: 5 })).find((l) => l.storyId === storyId)
        ?.firstPublishedAt,
      hub: (await listPublishedStories(database.db, { entityId: nvidia.id, limit: 5 })).find(
        (l) => l.storyId === storyId,
      )?.firstPublishedAt,
    });
    const zhPublished = '2026-11-20T08:00:00.000Z';
    expect(await listedAt()).toEqual({ front: zhPublished, hub: zhPublished });

    await publish(database.db, editor, { storyId, locale: 'en' }, { now });
    expect(await listedAt()).toEqual({ front: zhPublished, hub: zhPublished });

    await unpublish(database.db, editor, { storyId, locale: 'zh' }, { now });
    expect(await listedAt()).toEqual({ front: now.toISOString(), hub: now.toISOString() });

    await unpublish(database.db, editor, { storyId, locale: 'en' }, { now });
    expect(await listedAt()).toEqual({ front: undefined, hub: undefined });
    expect((await countStoriesPerEntity(database.db)).get(nvidia.id)).toBeUndefined();

    await publish(database.db, editor, { storyId, locale: 'zh' }, { now });
    expect(await listedAt()).toEqual({ front: zhPublished, hub: zhPublished });
    expect((await countStoriesPerEntity(database.db)).get(nvidia.id)).toBe(1);
  });

  it("puts a published story on a new entity's hub and moves it with its section", async () => {
    const { storyIds } = await importStories(
      database.db,
      [buildStory('retagged', { entities: ['nvidia'] })],
      {
        now,
      },
    );
    const storyId = storyIds[0] as number;
    await updateStoryMeta(database.db, editor, { storyId, entities: ['h200'], section: 'chips' }, { now });
    const [h200, chips] = await Promise.all([
      database.db.selectFrom('entities').select('id').where('slug', '=', 'h200').executeTakeFirstOrThrow(),
      database.db.selectFrom('sections').select('id').where('key', '=', 'chips').executeTakeFirstOrThrow(),
    ]);
    const onHub = await listPublishedStories(database.db, { entityId: h200.id, limit: 10 });
    expect(onHub.map((l) => l.storyId)).toContain(storyId);
    const inSection = await listPublishedStories(database.db, { sectionId: chips.id, limit: 10 });
    expect(inSection.map((l) => l.storyId)).toContain(storyId);
  });

  it('stores an imported time with an offset in the canonical UTC form', async () => {
    const input = buildStory('offset', {
      locales: ['zh'],
      variant: { publishedAt: '2026-11-20T16:30:00+08:00' },
    });
    const { storyIds } = await importStories(database.db, [input], { now });
    const listed = await listPublishedStories(database.db, { limit: 10 });
    expect(listed.find((l) => l.storyId === storyIds[0])?.firstPublishedAt).toBe('2026-11-20T08:30:00.000Z');
  });
});
