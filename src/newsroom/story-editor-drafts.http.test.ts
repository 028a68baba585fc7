import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { heroForEveryStory } from '../../test/support/hero-media.js';
import { addUser } from '../accounts/index.js';
import { findAutosave, listRevisions, pruneAutosaves } from '../editorial/index.js';
import { findStory, findStoryIdBySlug, listSections } from '../stories/index.js';
import { AUTOSAVE_MAX_BYTES } from './routes/story-editor-autosave.js';

const PASSWORD = 'correct horse battery';
const start = new Date('2026-11-28T09:00:00Z');

describe.each(DIALECTS)('the editor’s autosave, conflicts and source rows on %s', (dialect) => {
  let t: TestApp;
  let clock = start;
  const as: Record<string, AdminClient> = {};
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp(
      dialect,
      {
        seed: 'stories',
        stories: [
          buildStory('drafted', { locales: ['en'], variant: { status: 'draft', publishedAt: null } }),
          buildStory('shared', { locales: ['en'], variant: { status: 'draft', publishedAt: null } }),
        ],
      },
      () => clock,
    );
    await heroForEveryStory(t.database.db);
    const people = [
      ['editor@example.test', 'editor', []],
      ['other@example.test', 'editor', []],
      ['author@example.test', 'author', []],
    ] as const;
    for (const [email, role, locales] of people) {
      await addUser(t.database.db, { email, role, locales: [...locales] }, PASSWORD, start);
      const client = new AdminClient(t);
      await client.signIn(email, PASSWORD);
      as[email.split('@')[0] as string] = client;
    }
    for (const slug of ['drafted', 'shared'])
      ids[slug] = (await findStoryIdBySlug(t.database.db, 'en', slug)) as number;
  });
  afterAll(() => t.destroy());

  const editor = () => as.editor as AdminClient;
  const userId = async (email: string) =>
    (
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;
  const actorOf = async (email: string) => ({
    id: await userId(email),
    email,
    role: 'editor' as const,
    locales: [],
  });

  const autosave = (client: AdminClient, storyId: number, payload: unknown, csrf = client.csrf) =>
    client.request(`/admin/stories/${storyId}/en/autosave`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const text = (body: string, baseRevision: number | null = 1) => ({
    baseRevision,
    title: 'Typed title',
    summary: 'Typed summary',
    body,
    heroAlt: 'Typed alt',
    faq: [{ question: 'Half a question', answer: '' }],
  });

  const formOf = async (storyId: number, changes: Record<string, string | string[]> = {}) => {
    const story = await findStory(t.database.db, storyId);
    const variant = story?.variants.find((v) => v.locale === 'en');
    return {
      title: variant?.title ?? '',
      slug: variant?.slug ?? '',
      summary: variant?.summary ?? '',
      body: variant?.bodyMarkdown ?? '',
      heroAlt: variant?.heroAlt ?? '',
      heroMediaId: String(story?.heroMediaId ?? ''),
      section: (await listSections(t.database.db)).find((s) => s.id === story?.sectionId)?.key ?? '',
      baseRevision: String(variant?.revision ?? ''),
      ...changes,
    };
  };

  it('stores an autosave apart from the revisions, and offers it back on opening', async () => {
    const id = ids.drafted as number;
    await editor().get(`/admin/stories/${id}/en`);
    // The preview is in the page on opening, rendered from the stored body.
    expect(editor().lastHtml).toMatch(/data-preview-target[^>]*>\s*<h3>/);
    const before = await listRevisions(t.database.db, await actorOf('editor@example.test'), {
      storyId: id,
      locale: 'en',
    });

    clock = new Date('2026-11-28T09:05:00Z');
    const response = await autosave(editor(), id, text('A body typed **before the crash**.'));
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { savedAt: string; current: { revision: number } };
    expect(answer.savedAt).toBe('2026-11-28T09:05:00.000Z');
    expect(answer.current.revision).toBe(1);

    const after = await listRevisions(t.database.db, await actorOf('editor@example.test'), {
      storyId: id,
      locale: 'en',
    });
    expect(after).toEqual(before);
    expect((await findStory(t.database.db, id))?.variants[0]?.revision).toBe(1);

    // A second autosave overwrites the first: one row per person and variant.
    await autosave(editor(), id, text('A body typed **after** a while.'));
    const rows = await t.database.db
      .selectFrom('story_autosaves')
      .selectAll()
      .where('story_id', '=', id)
      .execute();
    expect(rows).toHaveLength(1);

    await editor().get(`/admin/stories/${id}/en`);
    expect(editor().lastHtml).toContain('Restore unsaved changes from 2026-11-28 09:05 UTC');
    expect(editor().lastHtml).not.toContain('after** a while');

    await editor().get(`/admin/stories/${id}/en?restore=autosave`);
    expect(editor().lastHtml).toContain('A body typed **after** a while.');
    expect(editor().lastHtml).toContain('value="Typed alt"');
    expect(editor().lastHtml).toContain('Half a question');
  });

  it('offers nothing to someone else, and drops the autosave on discard or save', async () => {
    const id = ids.drafted as number;
    const other = as.other as AdminClient;
    await other.get(`/admin/stories/${id}/en`);
    expect(other.lastHtml).not.toContain('Restore unsaved changes');

    await editor().get(`/admin/stories/${id}/en`);
    const discarded = await editor().post(`/admin/stories/${id}/en/autosave/discard`, {});
    expect(discarded.status).toBe(303);
    expect(await findAutosave(t.database.db, await actorOf('editor@example.test'), id, 'en')).toBeUndefined();

    await autosave(editor(), id, text('Typed, then saved.'));
    const saved = await editor().post(
      `/admin/stories/${id}/en`,
      await formOf(id, { body: 'Saved for real.' }),
    );
    expect(saved.status).toBe(303);
    expect(await findAutosave(t.database.db, await actorOf('editor@example.test'), id, 'en')).toBeUndefined();
  });

  it('refuses an autosave without the CSRF token, from an author, too large or malformed', async () => {
    const id = ids.drafted as number;
    await editor().get(`/admin/stories/${id}/en`);
    expect((await autosave(editor(), id, text('x'), 'not-the-token')).status).toBe(403);

    const author = as.author as AdminClient;
    await author.get(`/admin/stories/${id}/en`);
    expect((await autosave(author, id, text('x'))).status).toBe(403);

    expect((await autosave(editor(), id, 'not json')).status).toBe(422);
    expect((await autosave(editor(), id, { ...text('x'), faq: 'nope' })).status).toBe(422);
    expect((await autosave(editor(), id, text('x'.repeat(200_001)))).status).toBe(422);
    const huge = JSON.stringify(text('界'.repeat(AUTOSAVE_MAX_BYTES / 3 + 10)));
    expect((await autosave(editor(), id, huge)).status).toBe(413);
  });

  it('prunes autosaves nobody came back to within a month', async () => {
    const id = ids.drafted as number;
    clock = new Date('2026-11-28T10:00:00Z');
    await autosave(editor(), id, text('Left behind.'));
    expect(await pruneAutosaves(t.database.db, new Date('2026-12-20T00:00:00Z'))).toBe(0);
    expect(await pruneAutosaves(t.database.db, new Date('2026-12-29T00:00:00Z'))).toBe(1);
    expect(await findAutosave(t.database.db, await actorOf('editor@example.test'), id, 'en')).toBeUndefined();
  });

  it('answers a stale save with the other person’s version beside the typed text', async () => {
    const id = ids.shared as number;
    const other = as.other as AdminClient;
    const mine = await formOf(id, { body: 'My paragraph about chips.' });
    await other.get(`/admin/stories/${id}/en`);
    const theirs = await other.post(
      `/admin/stories/${id}/en`,
      await formOf(id, { body: 'Their paragraph.' }),
    );
    expect(theirs.status).toBe(303);

    // The autosave tells the editor someone else saved meanwhile.
    await editor().get(`/admin/stories/${id}/en`);
    const answer = (await (await autosave(editor(), id, text('My paragraph about chips.'))).json()) as {
      current: { revision: number; savedBy: string };
    };
    expect(answer.current.revision).toBe(2);
    expect(answer.current.savedBy).toMatch(/other/);

    const refused = await editor().post(`/admin/stories/${id}/en`, mine);
    expect(refused.status).toBe(409);
    const html = editor().lastHtml;
    expect(html).toMatch(/data-conflict/);
    expect(html).toMatch(/other@example\.test|other/);
    expect(html).toContain('Their paragraph.');
    expect(html).toMatch(/<del>Their paragraph\.\s*<\/del>/);
    expect(html).toMatch(/<ins>My paragraph about chips\.\s*<\/ins>/);
    // What was typed stays in the form, now over their revision, so saving again overwrites.
    expect(html).toContain('My paragraph about chips.</textarea>');
    expect(html).toContain('name="baseRevision" value="2"');

    const overwrite = await editor().post(`/admin/stories/${id}/en`, { ...mine, baseRevision: '2' });
    expect(overwrite.status).toBe(303);
    expect((await findStory(t.database.db, id))?.variants[0]?.bodyMarkdown).toBe('My paragraph about chips.');
  });

  it('adds a source row without JavaScript and keeps every field typed', async () => {
    const id = ids.drafted as number;
    await editor().get(`/admin/stories/${id}/en`);
    const fields = await formOf(id, {
      title: 'Unsaved title',
      body: 'Unsaved body',
      heroAlt: 'Unsaved alt text',
      faqQuestion: ['Unsaved question?'],
      faqAnswer: ['Unsaved answer.'],
      sourceUrl: ['https://example.com/a'],
      sourcePublisher: ['Example'],
      sourceAuthor: [''],
      sourceDate: [''],
      intent: 'source-add',
    });
    const response = await editor().post(`/admin/stories/${id}/en`, fields);
    expect(response.status).toBe(200);
    const html = editor().lastHtml;
    expect(html).toContain('value="Unsaved title"');
    expect(html).toContain('Unsaved body</textarea>');
    expect(html).toContain('value="Unsaved alt text"');
    expect(html).toContain('value="Unsaved question?"');
    expect(html).toContain('Unsaved answer.</textarea>');
    expect(html).toMatch(new RegExp(`name="heroMediaId" value="${fields.heroMediaId}" checked`));
    expect(html).toContain('value="https://example.com/a"');
    expect(html).toMatch(/id="source_1_url"/);
  });

  it('finds stories to link to by title words, bounded, for signed-in people only', async () => {
    await editor().get('/admin/stories');
    const found = await editor().get('/admin/stories/link-search?q=SHARED&locale=en');
    const { stories } = (await found.json()) as { stories: { storyId: number; slug: string }[] };
    expect(stories.map((s) => s.slug)).toEqual(['shared']);
    const literal = await editor().get('/admin/stories/link-search?q=%25&locale=en');
    expect(((await literal.json()) as { stories: unknown[] }).stories).toEqual([]);
    const anonymous = await new AdminClient(t).get('/admin/stories/link-search?q=shared&locale=en');
    expect(anonymous.status).toBe(303);
  });
});
