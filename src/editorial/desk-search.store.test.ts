import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { seedTaxonomy } from '../../test/support/factories.js';
import { type Actor, addUser } from '../accounts/index.js';
import { createStory, listDeskStories } from './index.js';

const now = new Date('2026-11-28T09:00:00Z');

describe.each(DIALECTS)("the desk's title search on %s", (dialect) => {
  let database: TestDatabase;
  let editor: Actor;
  const ids = new Map<string, number>();
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    const user = await addUser(database.db, { email: 'editor@example.test', role: 'editor' }, null, now);
    editor = { id: user.id, email: user.email, role: user.role, locales: [] };
    for (const [title, sourceLocale] of [
      ['Une école ouverte aux modèles', 'en'],
      ['Äpfel und Birnen im Rechenzentrum', 'en'],
      ['英伟达发布新一代芯片', 'zh'],
    ] as const) {
      const { storyId } = await createStory(
        database.db,
        editor,
        { section: 'chips', sourceLocale, variant: { title, summary: title, body: title } },
        { now },
      );
      ids.set(title, storyId);
    }
  });
  afterAll(() => database.destroy());

  const found = async (query: string) =>
    (await listDeskStories(database.db, editor, { query })).stories.map((s) => s.id);

  it.each([
    ['ÉCOLE', 'Une école ouverte aux modèles'],
    ['äPFEL', 'Äpfel und Birnen im Rechenzentrum'],
    ['MODÈLES', 'Une école ouverte aux modèles'],
    ['英伟达', '英伟达发布新一代芯片'],
  ])('finds %s whatever its case, in any script', async (query, title) => {
    expect(await found(query)).toEqual([ids.get(title)]);
  });
});
