import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { buildStory, seedTaxonomy } from '../../test/support/factories.js';
import { addStaff } from '../../test/support/staff.js';
import { type Actor, listAudit } from '../accounts/index.js';
import { findRedirect, findStory, insertMedia } from '../stories/index.js';
import {
  compareRevisions,
  confirmTranslation,
  createPreviewLink,
  createStory,
  deleteStory,
  EditConflict,
  findPreview,
  getTranslationState,
  importStories,
  languageQaReport,
  listDeskStories,
  listRevisions,
  NotAllowed,
  PublishBlocked,
  publish,
  restoreRevision,
  saveVariant,
  schedule,
  unpublish,
  updateStoryMeta,
} from './index.js';

const now = new Date('2026-11-28T09:00:00Z');
const later = (minutes: number) => ({ now: new Date(now.getTime() + minutes * 60_000) });

const zhDraft = {
  title: '英伟达发布新一代芯片',
  summary: '英伟达公布了新一代数据中心芯片，性能大幅提升。',
  body: '## 背景\n\n英伟达今天发布了新一代芯片，这一举措将影响整个行业的发展方向。\n',
  faq: [{ question: '新芯片什么时候上市？', answer: '新芯片将于明年第一季度上市。' }],
  heroAlt: '',
};

describe.each(DIALECTS)('the editorial workflow on %s', (dialect) => {
  let database: TestDatabase;
  let owner: Actor;
  let editor: Actor;
  let author: Actor;
  let translator: Actor;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    ({ owner, editor, author, translator } = await addStaff(database.db, now));
  });
  afterEach(() => database.destroy());

  const newStory = async (by: Actor = author) => {
    const created = await createStory(
      database.db,
      by,
      { section: 'ai-models', sourceLocale: 'zh', variant: zhDraft, entities: ['nvidia'] },
      { now },
    );
    return created.storyId;
  };
  const variant = async (storyId: number, locale: string) =>
    (await findStory(database.db, storyId))?.variants.find((v) => v.locale === locale);

  it('creates a draft owned by its author, as revision 1, and audits it', async () => {
    const storyId = await newStory();
    const zh = await variant(storyId, 'zh');
    expect(zh).toMatchObject({ status: 'draft', revision: 1, title: zhDraft.title });
    const row = await database.db
      .selectFrom('stories')
      .select('author_id')
      .where('id', '=', storyId)
      .executeTakeFirstOrThrow();
    expect(row.author_id).toBe(author.id);
    const revisions = await listRevisions(database.db, author, { storyId });
    expect(revisions.map((r) => [r.locale, r.revision, r.savedBy?.email])).toEqual([
      ['zh', 1, 'author@example.test'],
    ]);
    const audit = await listAudit(database.db, { subjectId: storyId }, { limit: 10, offset: 0 });
    expect(audit.entries.map((e) => e.action)).toEqual(['story.create']);
  });

  it('keeps every save as a revision, diffs two, and restores an old one as a new revision', async () => {
    const storyId = await newStory();
    const second = await saveVariant(
      database.db,
      author,
      { storyId, locale: 'zh', ...zhDraft, body: `${zhDraft.body}\n新增的一段说明。\n`, baseRevision: 1 },
      later(1),
    );
    expect(second).toMatchObject({ saved: true, revision: 2, change: null, events: [] });
    const unchanged = await saveVariant(
      database.db,
      author,
      { storyId, locale: 'zh', ...zhDraft, body: `${zhDraft.body}\n新增的一段说明。\n` },
      later(2),
    );
    expect(unchanged).toMatchObject({ saved: false, revision: 2 });
    await saveVariant(
      database.db,
      author,
      { storyId, locale: 'zh', ...zhDraft, title: '英伟达的新芯片' },
      later(3),
    );

    const revisions = await listRevisions(database.db, author, { storyId, locale: 'zh' });
    expect(revisions.map((r) => r.revision)).toEqual([3, 2, 1]);
    const comparison = await compareRevisions(database.db, author, { storyId, locale: 'zh', from: 1, to: 2 });
    const body = comparison.fields.find((f) => f.field === 'body');
    expect(body?.changed).toBe(true);
    expect(body?.parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual([
      '新增的一段说明。',
    ]);
    expect(comparison.fields.find((f) => f.field === 'title')?.changed).toBe(false);

    const restored = await restoreRevision(
      database.db,
      author,
      { storyId, locale: 'zh', revision: 1 },
      later(4),
    );
    expect(restored.revision).toBe(4);
    const zh = await variant(storyId, 'zh');
    expect(zh).toMatchObject({ revision: 4, title: zhDraft.title, bodyMarkdown: zhDraft.body });
    expect((await listRevisions(database.db, author, { storyId })).map((r) => r.revision)).toEqual([
      4, 3, 2, 1,
    ]);
    const audit = await listAudit(database.db, { action: 'story.restore' }, { limit: 10, offset: 0 });
    expect(audit.entries).toHaveLength(1);
  });

  it('refuses a save made from an older revision than the one on file', async () => {
    const storyId = await newStory();
    await saveVariant(
      database.db,
      author,
      { storyId, locale: 'zh', ...zhDraft, title: '第二版标题' },
      later(1),
    );
    await expect(
      saveVariant(
        database.db,
        author,
        { storyId, locale: 'zh', ...zhDraft, title: '旧的', baseRevision: 1 },
        later(2),
      ),
    ).rejects.toBeInstanceOf(EditConflict);
  });

  it('changes a slug with a redirect from the old one', async () => {
    const storyId = await newStory();
    const before = (await variant(storyId, 'zh'))?.slug ?? '';
    await saveVariant(
      database.db,
      author,
      { storyId, locale: 'zh', ...zhDraft, slug: 'new-chips' },
      later(1),
    );
    expect((await variant(storyId, 'zh'))?.slug).toBe('new-chips');
    expect(await findRedirect(database.db, 'zh', before)).toBe(storyId);
  });

  it('marks a translation stale when the source changes, shows the source diff, and confirms it', async () => {
    const storyId = await newStory();
    const added = await saveVariant(
      database.db,
      translator,
      {
        storyId,
        locale: 'en',
        title: 'Nvidia unveils a new generation of chips',
        summary: 'Nvidia announced its next data-centre chip.',
        body: '## Background\n\nNvidia released a new generation of chips today.\n',
      },
      later(1),
    );
    expect(added).toMatchObject({ created: true, revision: 1 });
    expect((await variant(storyId, 'en'))?.translatedFromRevision).toBe(1);
    expect(await getTranslationState(database.db, translator, { storyId, locale: 'en' })).toMatchObject({
      status: 'current',
      stale: false,
      sourceDiff: null,
    });

    await saveVariant(
      database.db,
      author,
      { storyId, locale: 'zh', ...zhDraft, body: `${zhDraft.body}\n## 影响\n\n价格将会下降。\n` },
      later(2),
    );
    const state = await getTranslationState(database.db, translator, { storyId, locale: 'en' });
    expect(state).toMatchObject({
      status: 'stale',
      stale: true,
      sourceRevision: 2,
      translatedFromRevision: 1,
    });
    const added2 = state.sourceDiff?.find((f) => f.field === 'body')?.parts.filter((p) => p.kind === 'added');
    expect(added2?.map((p) => p.text).join('')).toContain('价格将会下降');
    const stale = await listDeskStories(database.db, editor, { translation: 'stale' });
    expect(stale.stories.map((s) => s.id)).toEqual([storyId]);

    await confirmTranslation(database.db, translator, { storyId, locale: 'en' }, later(3));
    expect((await getTranslationState(database.db, translator, { storyId, locale: 'en' })).status).toBe(
      'current',
    );
    expect((await listDeskStories(database.db, editor, { translation: 'stale' })).total).toBe(0);
    expect((await listDeskStories(database.db, editor, { translation: 'current' })).total).toBe(1);
    const audit = await listAudit(
      database.db,
      { action: 'story.translation-confirm' },
      { limit: 5, offset: 0 },
    );
    expect(audit.entries[0]).toMatchObject({ userId: translator.id, locale: 'en' });
  });

  it('lists stories by section, status, locale, missing translation and title', async () => {
    const a = await newStory();
    const b = await createStory(
      database.db,
      editor,
      { section: 'chips', sourceLocale: 'zh', variant: { ...zhDraft, title: '芯片短缺加剧' } },
      { now },
    );
    await publish(database.db, editor, { storyId: b.storyId, locale: 'zh' }, later(1));
    const ids = async (filter: Parameters<typeof listDeskStories>[2]) =>
      (await listDeskStories(database.db, editor, filter)).stories.map((s) => s.id).sort();
    expect(await ids({})).toEqual([a, b.storyId].sort());
    expect(await ids({ status: 'published' })).toEqual([b.storyId]);
    expect(await ids({ query: '短缺' })).toEqual([b.storyId]);
    expect(await ids({ query: '%' })).toEqual([]);
    expect(await ids({ translation: 'missing', locale: 'en' })).toEqual([a, b.storyId].sort());
    expect(await ids({ locale: 'en' })).toEqual([]);
    const page = await listDeskStories(database.db, editor, { limit: 1 });
    expect(page).toMatchObject({ total: 2, limit: 1 });
    expect(page.stories[0]?.author?.email).toBe('editor@example.test');
  });

  it('refuses to publish with QA findings, and publishes with an audited override reason', async () => {
    const storyId = await newStory();
    await saveVariant(
      database.db,
      author,
      {
        storyId,
        locale: 'zh',
        ...zhDraft,
        faq: [{ question: 'When does it ship?', answer: 'It ships in the first quarter of next year.' }],
      },
      later(1),
    );
    const report = await languageQaReport(database.db, editor, { storyId, locale: 'zh' });
    expect(report.blocking).toBe(true);
    expect(
      report.findings.filter((f) => f.kind === 'language').map((f) => f.kind === 'language' && f.location),
    ).toEqual(['faq 1, question', 'faq 1, answer']);
    expect(report.findings).toContainEqual({
      kind: 'translation-missing',
      severity: 'warning',
      locale: 'en',
    });

    const refused = publish(database.db, editor, { storyId, locale: 'zh' }, later(2));
    await expect(refused).rejects.toBeInstanceOf(PublishBlocked);
    expect((await variant(storyId, 'zh'))?.status).toBe('draft');
    await expect(
      publish(database.db, editor, { storyId, locale: 'zh', qaOverride: { reason: '  ' } }, later(2)),
    ).rejects.toThrow();

    const published = await publish(
      database.db,
      editor,
      { storyId, locale: 'zh', qaOverride: { reason: 'FAQ is a quoted English interview' } },
      later(3),
    );
    expect(published.events).toEqual([
      { type: 'story.published', storyId, locale: 'zh', at: later(3).now.toISOString() },
    ]);
    expect(published.change?.storyIds).toEqual([storyId]);
    expect((await variant(storyId, 'zh'))?.status).toBe('published');
    const overrides = await listAudit(database.db, { action: 'story.qa-override' }, { limit: 5, offset: 0 });
    expect(overrides.entries).toHaveLength(1);
    expect(overrides.entries[0]).toMatchObject({
      userId: editor.id,
      summary: 'FAQ is a quoted English interview',
    });
    expect(overrides.entries[0]?.details.findings).toHaveLength(2);
  });

  it('reports a missing hero alt and a dangling story link instead of throwing', async () => {
    const { storyIds } = await importStories(database.db, [buildStory('target')], { now });
    const target = storyIds[0] as number;
    const storyId = await newStory();
    await saveVariant(
      database.db,
      author,
      { storyId, locale: 'zh', ...zhDraft, body: `${zhDraft.body}\n参见[另一篇](story:${target})。\n` },
      later(1),
    );
    const mediaId = await insertMedia(
      database.db,
      { fileName: 'hero.jpg', mimeType: 'image/jpeg', width: 1600, height: 900, renditions: [], credit: '' },
      now,
    );
    await updateStoryMeta(database.db, author, { storyId, heroMediaId: mediaId }, later(2));
    await deleteStory(database.db, owner, { storyId: target }, later(3));
    const report = await languageQaReport(database.db, editor, { storyId, locale: 'zh' });
    expect(report.findings).toEqual(
      expect.arrayContaining([
        { kind: 'hero-alt-missing', severity: 'error' },
        { kind: 'dangling-link', severity: 'error', reference: String(target) },
      ]),
    );
  });

  it('emits updated for a live edit, unpublished on withdrawal, and refuses to schedule in the past', async () => {
    const storyId = await newStory();
    await publish(database.db, editor, { storyId, locale: 'zh' }, later(1));
    const edit = await saveVariant(
      database.db,
      editor,
      { storyId, locale: 'zh', ...zhDraft, title: '英伟达新芯片上市' },
      later(2),
    );
    expect(edit.events.map((e) => e.type)).toEqual(['story.updated']);
    expect(edit.change?.storyIds).toEqual([storyId]);
    const off = await unpublish(database.db, editor, { storyId, locale: 'zh' }, later(3));
    expect(off.events.map((e) => e.type)).toEqual(['story.unpublished']);
    expect((await variant(storyId, 'zh'))?.status).toBe('unpublished');
    await expect(
      schedule(database.db, editor, { storyId, locale: 'zh', publishAt: '2026-11-28T08:00:00Z' }, later(4)),
    ).rejects.toThrow(/future/);
  });

  it('makes preview links that open the current text until they expire', async () => {
    const storyId = await newStory();
    const link = await createPreviewLink(database.db, author, storyId, 'zh', { now, hours: 2 });
    expect(link.path).toBe(`/preview/${link.token}`);
    const stored = await database.db
      .selectFrom('preview_tokens')
      .select('token_hash')
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(link.token);
    const open = await findPreview(database.db, link.token, later(119).now);
    expect(open.status === 'valid' && open.variant.title).toBe(zhDraft.title);
    expect((await findPreview(database.db, link.token, later(120).now)).status).toBe('expired');
    expect((await findPreview(database.db, 'x'.repeat(43), now)).status).toBe('unknown');
    await expect(createPreviewLink(database.db, translator, storyId, 'zh', { now })).rejects.toBeInstanceOf(
      NotAllowed,
    );
  });

  it('deletes a story with everything of it; only editors and owners may', async () => {
    const storyId = await newStory();
    await publish(database.db, editor, { storyId, locale: 'zh' }, later(1));
    await expect(deleteStory(database.db, author, { storyId }, later(2))).rejects.toBeInstanceOf(NotAllowed);
    const gone = await deleteStory(database.db, editor, { storyId }, later(2));
    expect(gone.events.map((e) => [e.type, e.locale])).toEqual([['story.unpublished', 'zh']]);
    expect(await findStory(database.db, storyId)).toBeUndefined();
    expect(await database.db.selectFrom('story_revisions').selectAll().execute()).toEqual([]);
  });
});
