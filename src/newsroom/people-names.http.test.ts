import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { addPerson, signedInAs } from '../../test/support/people.js';
import type { User } from '../accounts/index.js';
import { saveProfile, submitStory } from '../editorial/index.js';
import { findStoryIdBySlug } from '../stories/index.js';

const STORY = '/en/ai-models/renamed-writer-story';
const STORY_ZH = '/zh/ai-models/renamed-writer-story';

describe.each(DIALECTS)('a staff member renamed in the people admin on %s', (dialect) => {
  let t: TestApp;
  let owner: AdminClient;
  let writer: User;

  const html = async (path: string) => {
    const response = await t.get(path);
    expect(response.status).toBe(200);
    return response.text();
  };
  const loggedChanges = async () =>
    (await t.database.db.selectFrom('change_log').select('payload').orderBy('id').execute()).map(
      (row) => JSON.parse(row.payload) as { names?: boolean },
    );
  const changePerson = async (fields: Record<string, string | string[]>) => {
    await owner.get(`/admin/people/${writer.id}`);
    const response = await owner.post(`/admin/people/${writer.id}`, fields);
    expect(response.status).toBe(303);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('renamed-writer-story')] });
    ({ browser: owner } = await signedInAs(t, 'owner'));
    const editor = await addPerson(t, 'editor');
    writer = await addPerson(t, 'author', { displayName: 'Old Byline Name' });
    await saveProfile(
      t.database.db,
      writer,
      { userId: writer.id, slug: 'renamed-writer', avatarMediaId: null, isPublic: true, bios: {} },
      { now: new Date(), locales: ['zh', 'en'] },
    );
    const storyId = (await findStoryIdBySlug(t.database.db, 'en', 'renamed-writer-story')) as number;
    for (const locale of ['zh', 'en'])
      await submitStory(
        t.database.db,
        editor,
        { storyId, locale, intent: 'save', byline: { authorId: writer.id, translatorId: null } },
        { now: new Date() },
      );
    // What the test set up directly reaches the site the way a write through the admin does.
    await t.site.contentChanged({ storyIds: [], sectionIds: [], entityIds: [] }, { taxonomy: true });
  });
  afterAll(() => t.destroy());

  it('drops the cached pages that show the old name, in every language and on the front page', async () => {
    // Cached first: the story in both languages and the front page's card.
    for (const path of [STORY, STORY_ZH, '/en/']) expect(await html(path)).toContain('Old Byline Name');
    const logged = (await loggedChanges()).length;
    await changePerson({ displayName: 'New Byline Name', role: 'author', locales: [] });
    for (const path of [STORY, STORY_ZH, '/en/']) {
      const page = await html(path);
      expect(page, path).toContain('New Byline Name');
      expect(page, path).not.toContain('Old Byline Name');
    }
    // Logged for the other processes, which reload names and purge the cache in front as well.
    const changes = await loggedChanges();
    expect(changes).toHaveLength(logged + 1);
    expect(changes.at(-1)?.names).toBe(true);
  });

  it('drops nothing for a change readers do not see (role, languages)', async () => {
    await html(STORY);
    const logged = (await loggedChanges()).length;
    await changePerson({ displayName: 'New Byline Name', role: 'editor', locales: ['en'] });
    expect(await loggedChanges()).toHaveLength(logged);
  });

  it('unlinks the byline of a disabled person on cached pages, and links it again when enabled', async () => {
    const link = 'href="/en/authors/renamed-writer"';
    expect(await html(STORY)).toContain(link);
    await owner.get(`/admin/people/${writer.id}`);
    expect((await owner.post(`/admin/people/${writer.id}/disable`, {})).status).toBe(303);
    const disabled = await html(STORY);
    expect(disabled).toContain('New Byline Name');
    expect(disabled).not.toContain(link);
    await owner.get(`/admin/people/${writer.id}`);
    expect((await owner.post(`/admin/people/${writer.id}/enable`, {})).status).toBe(303);
    expect(await html(STORY)).toContain(link);
  });
});
