import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { signedInAs } from '../../test/support/people.js';
import { exportContent, findStory, listEntities, listSections } from '../stories/index.js';

// An unknown entity name typed while writing becomes a proposal on the story instead of a failed
// save; readers see nothing of it (story page, JSON-LD, hub, feeds, sitemaps) until an editor
// approves it, and a merge or a rejection leaves the story tagged as the editor decided.

const NOW = new Date('2026-11-28T09:00:00Z');

describe.each(DIALECTS)('entities proposed while writing, on %s', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  let author: AdminClient;
  let authorId = 0;

  beforeAll(async () => {
    t = await createTestApp(
      dialect,
      {
        seed: 'stories',
        stories: [
          buildStory('live-story'),
          buildStory('merge-story'),
          buildStory('reject-story'),
          buildStory('author-draft', { locales: ['en'], variant: { status: 'draft', publishedAt: null } }),
        ],
      },
      () => NOW,
    );
    ({ browser: editor } = await signedInAs(t, 'editor'));
    const signed = await signedInAs(t, 'author');
    author = signed.browser;
    authorId = signed.user.id;
    const draftId = await storyId('en', 'author-draft');
    await t.database.db
      .updateTable('stories')
      .set({ author_id: authorId })
      .where('id', '=', draftId)
      .execute();
  });
  afterAll(() => t.destroy());

  async function storyId(locale: string, slug: string): Promise<number> {
    const row = await t.database.db
      .selectFrom('story_variants')
      .select('story_id')
      .where('locale', '=', locale)
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    return row.story_id;
  }

  /** Saves the story's variant as stored, with `entityAdd` typed into the entity field. */
  async function saveWithNewName(browser: AdminClient, id: number, locale: string, entityAdd: string) {
    const story = await findStory(t.database.db, id);
    const variant = story?.variants.find((v) => v.locale === locale);
    const section = (await listSections(t.database.db)).find((s) => s.id === story?.sectionId)?.key ?? '';
    const entities = await listEntities(t.database.db, { proposed: 'include' });
    await browser.get(`/admin/stories/${id}/${locale}`);
    return browser.post(`/admin/stories/${id}/${locale}`, {
      title: variant?.title ?? '',
      slug: variant?.slug ?? '',
      summary: variant?.summary ?? '',
      body: variant?.bodyMarkdown ?? '',
      heroAlt: variant?.heroAlt ?? '',
      faqQuestion: variant?.faq.map((f) => f.question) ?? [],
      faqAnswer: variant?.faq.map((f) => f.answer) ?? [],
      section,
      entity: story?.entityIds.map((e) => entities.find((x) => x.id === e)?.slug ?? '') ?? [],
      entityAdd,
      baseRevision: String(variant?.revision ?? ''),
      intent: 'save',
    });
  }

  const proposal = async (slug: string) =>
    t.database.db.selectFrom('entities').selectAll().where('slug', '=', slug).executeTakeFirst();

  const publicTexts = async (locale: string) => {
    const paths = [
      `/${locale}/ai-models/live-story`,
      `/${locale}/feed.xml`,
      `/sitemaps/${locale}.xml`,
      `/${locale}/topics/`,
    ];
    return Promise.all(paths.map(async (path) => ({ path, text: await (await t.get(path)).text() })));
  };

  it('lets an author save a draft with a name nobody knows: a pending proposal, no 422', async () => {
    const id = await storyId('en', 'author-draft');
    const response = await saveWithNewName(author, id, 'en', 'Lumen Robotics');
    expect(response.status).toBe(303);
    const row = await proposal('lumen-robotics');
    expect(row).toMatchObject({ status: 'proposed', proposed_by: authorId, kind: 'topic' });
    const story = await findStory(t.database.db, id);
    expect(story?.entityIds).toContain(row?.id);
    await author.get(`/admin/stories/${id}/en`);
    expect(author.lastHtml).toMatch(/value="lumen-robotics"[^>]*checked[\s\S]*?pending review/);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('action', '=', 'entity.propose')
      .execute();
    expect(audit).toContainEqual({ action: 'entity.propose', summary: 'lumen-robotics' });
    // Not content yet: the export (a backup others import) carries neither the entity nor its tag.
    const exported = await exportContent(t.database.db, NOW);
    expect(exported.entities.map((e) => e.slug)).not.toContain('lumen-robotics');
    expect(JSON.stringify(exported.stories)).not.toContain('lumen-robotics');
    // Authors do not review: the list and its actions are refused.
    expect((await author.get('/admin/entity-proposals')).status).toBe(403);
    expect(
      (await author.post(`/admin/entity-proposals/${row?.id}/approve`, { kind: 'company' })).status,
    ).toBe(403);
    expect((await proposal('lumen-robotics'))?.status).toBe('proposed');
  });

  it('keeps a proposal off every public page until an editor approves it, then shows it', async () => {
    const id = await storyId('zh', 'live-story');
    expect((await saveWithNewName(editor, id, 'zh', '月之暗面')).status).toBe(303);
    const row = await proposal('月之暗面');
    expect(row?.status).toBe('proposed');
    // Another entity's save reloads the site's names: the proposal must stay out of them too.
    await editor.get('/admin/entities/new');
    const other = await editor.post('/admin/entities', {
      slug: 'zhipu',
      kind: 'company',
      'name.zh': '智谱',
      'name.en': 'Zhipu',
    });
    expect(other.status).toBe(303);
    for (const { path, text } of [...(await publicTexts('zh')), ...(await publicTexts('en'))]) {
      expect(text, path).not.toContain('月之暗面');
      expect(text, path).not.toContain(encodeURIComponent('月之暗面'));
    }
    expect((await t.get(`/zh/topics/${encodeURIComponent('月之暗面')}`)).status).toBe(404);

    await editor.get('/admin/entity-proposals');
    expect(editor.lastHtml).toContain('月之暗面');
    expect(editor.lastHtml).toContain('Lumen Robotics');
    const approved = await editor.post(`/admin/entity-proposals/${row?.id}/approve`, { kind: 'company' });
    expect(approved.status).toBe(303);
    expect(await proposal('月之暗面')).toMatchObject({ status: 'approved', kind: 'company' });

    const page = await (await t.get('/zh/ai-models/live-story')).text();
    expect(page).toContain('月之暗面');
    const jsonLd = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
      .map((m) => m[1] ?? '')
      .join('\n');
    expect(jsonLd).toContain('月之暗面');
    expect((await t.get(`/zh/topics/${encodeURIComponent('月之暗面')}`)).status).toBe(200);
    // Approved once, it is no proposal any more.
    expect((await editor.post(`/admin/entity-proposals/${row?.id}/reject`, {})).status).toBe(409);
  });

  it('merges a proposal into an existing entity: the story is tagged with it, the name becomes an alias', async () => {
    const id = await storyId('zh', 'merge-story');
    await t.database.db.deleteFrom('story_entities').where('story_id', '=', id).execute();
    expect((await saveWithNewName(editor, id, 'zh', '英伟达公司')).status).toBe(303);
    const row = await proposal('英伟达公司');
    expect(row?.status).toBe('proposed');
    await editor.get('/admin/entity-proposals');
    expect((await editor.post(`/admin/entity-proposals/${row?.id}/merge`, { into: 'Nvidia' })).status).toBe(
      303,
    );
    expect(await proposal('英伟达公司')).toBeUndefined();
    const nvidia = (await listEntities(t.database.db)).find((e) => e.slug === 'nvidia');
    expect((await findStory(t.database.db, id))?.entityIds).toEqual([nvidia?.id]);
    expect(nvidia?.translations.zh?.aliases).toContain('英伟达公司');
    // The next author who types it finds Nvidia, and no new proposal is made.
    expect((await saveWithNewName(editor, id, 'zh', '英伟达公司')).status).toBe(303);
    expect(await proposal('英伟达公司')).toBeUndefined();
  });

  it('rejects a proposal: it and its tag go, the story stays as it was otherwise', async () => {
    const id = await storyId('zh', 'reject-story');
    const before = (await findStory(t.database.db, id))?.entityIds ?? [];
    expect((await saveWithNewName(editor, id, 'zh', 'Nonsense Labs')).status).toBe(303);
    const row = await proposal('nonsense-labs');
    expect((await findStory(t.database.db, id))?.entityIds).toEqual([...before, row?.id]);
    await editor.get('/admin/entity-proposals');
    expect((await editor.post(`/admin/entity-proposals/${row?.id}/reject`, {})).status).toBe(303);
    expect(await proposal('nonsense-labs')).toBeUndefined();
    expect((await findStory(t.database.db, id))?.entityIds).toEqual(before);
    const actions = await t.database.db.selectFrom('audit_log').select('action').execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['entity.approve', 'entity.merge', 'entity.reject']),
    );
  });

  it('shows a name that cannot be proposed next to the entity field, and keeps what was typed', async () => {
    const id = await storyId('zh', 'reject-story');
    const response = await saveWithNewName(editor, id, 'zh', 'x'.repeat(121));
    expect(response.status).toBe(422);
    expect(editor.lastHtml).toMatch(
      /id="field_entityAdd"[\s\S]*?<p class="field-error" id="field_entityAdd_error">An entity name has at most 120 characters\.<\/p>/,
    );
  });
});
