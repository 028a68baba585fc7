import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { buildStory, buildVariant, seedTaxonomy } from '../../test/support/factories.js';
import { type Actor, addUser } from '../accounts/index.js';
import { changesAfter } from '../platform/change-log.js';
import { inTransaction } from '../platform/database/index.js';
import { importStories, publish, saveSection, saveVariant } from './index.js';

const now = new Date('2026-11-28T09:00:00Z');

describe.each(DIALECTS)('the change log of editorial writes on %s', (dialect) => {
  let database: TestDatabase;
  let editor: Actor;
  let storyId: number;

  const logged = () => changesAfter(database.db, 0, 100);

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    const user = await addUser(database.db, { email: 'e@example.test', role: 'editor' }, null, now);
    editor = { id: user.id, email: user.email, role: user.role, locales: user.locales };
    const draft = buildStory('logged', { locales: ['zh'], variant: { status: 'draft', publishedAt: null } });
    [storyId] = (await importStories(database.db, [draft], { now })).storyIds as [number];
    // The import logged its own change; each test looks at what comes after it.
    await database.db.deleteFrom('change_log').execute();
  });
  afterEach(() => database.destroy());

  it('records a publish as one row naming its story, section and entities', async () => {
    const outcome = await publish(database.db, editor, { storyId, locale: 'zh' }, { now });
    const rows = await logged();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.change).toEqual({ ...outcome.change, names: false, shares: [] });
    expect(rows[0]?.change.storyIds).toEqual([storyId]);
    expect(rows[0]?.change.entityIds.length).toBeGreaterThan(0);
  });

  it('writes the row in the use case transaction: rolled back with it', async () => {
    const failure = new Error('the caller gives up after the publish');
    await expect(
      inTransaction(database.db, async (trx) => {
        await publish(trx, editor, { storyId, locale: 'zh' }, { now });
        expect(await changesAfter(trx, 0, 100)).toHaveLength(1);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await logged()).toEqual([]);
    expect(await database.db.selectFrom('story_variants').select('status').executeTakeFirst()).toEqual({
      status: 'draft',
    });
  });

  it('records nothing for a draft edit readers cannot see', async () => {
    const { title, summary, body, faq, heroAlt } = buildVariant('zh', 'logged');
    const saved = await saveVariant(
      database.db,
      editor,
      { storyId, locale: 'zh', title: `${title}（草稿）`, summary, body, faq, heroAlt },
      { now },
    );
    expect(saved.saved).toBe(true);
    expect(await logged()).toEqual([]);
  });

  it('marks a change of names, which makes every process reload its catalog', async () => {
    const fields = {
      key: 'policy',
      position: '',
      translations: {
        zh: { name: '政策', slug: '', description: '' },
        en: { name: 'Policy', slug: 'policy', description: '' },
      },
    };
    const saved = await saveSection(database.db, editor, { fields }, now);
    const rows = await logged();
    expect(rows.map((row) => row.change)).toEqual([
      { storyIds: [], sectionIds: [saved.id], entityIds: [], names: true, shares: [] },
    ]);
  });
});
