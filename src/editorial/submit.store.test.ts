import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { buildStory, seedTaxonomy } from '../../test/support/factories.js';
import { type Actor, addUser, listAudit } from '../accounts/index.js';
import { findStory, SlugTaken, UnknownReference } from '../stories/index.js';
import { createStory, importStories, listRevisions, PublishBlocked, submitStory } from './index.js';

// The editor's submit is one use case: whatever it changes (text, details, status) commits
// together or not at all, on both databases.

const now = new Date('2026-11-28T09:00:00Z');

const zhDraft = {
  title: '英伟达发布新一代芯片',
  summary: '英伟达公布了新一代数据中心芯片，性能大幅提升。',
  body: '## 背景\n\n英伟达今天发布了新一代芯片，这一举措将影响整个行业的发展方向。\n',
  faq: [{ question: '新芯片什么时候上市？', answer: '新芯片将于明年第一季度上市。' }],
  heroAlt: '',
};
const englishFaq = [
  {
    question: 'When will the new chips reach the market?',
    answer: 'The company expects the new chips to reach cloud providers in the first quarter of next year.',
  },
];

describe.each(DIALECTS)('the editor’s submit on %s', (dialect) => {
  let database: TestDatabase;
  let editor: Actor;
  let storyId: number;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    const user = await addUser(
      database.db,
      { email: 'editor@example.test', role: 'editor', locales: [] },
      null,
      now,
    );
    editor = { id: user.id, email: user.email, role: user.role, locales: user.locales };
    const created = await createStory(
      database.db,
      editor,
      { section: 'ai-models', sourceLocale: 'zh', variant: zhDraft, entities: ['nvidia'] },
      { now },
    );
    storyId = created.storyId;
  });
  afterEach(() => database.destroy());

  const stored = async () => {
    const story = await findStory(database.db, storyId);
    if (!story?.variants[0]) throw new Error('the story is gone');
    return { story, zh: story.variants[0] };
  };
  const auditCount = async () => (await listAudit(database.db, {}, { limit: 1, offset: 0 })).total;

  it('saves text, details and a publish as one: one revision, one outcome', async () => {
    const outcome = await submitStory(
      database.db,
      editor,
      {
        storyId,
        locale: 'zh',
        intent: 'publish',
        text: { ...zhDraft, title: '英伟达正式发布新一代芯片', baseRevision: 1 },
        details: { section: 'chips', entities: ['nvidia', 'h200'] },
      },
      { now },
    );
    const { story, zh } = await stored();
    expect(zh).toMatchObject({ title: '英伟达正式发布新一代芯片', revision: 2, status: 'published' });
    expect(outcome.revision).toBe(2);
    expect(outcome.events).toEqual([
      { type: 'story.published', storyId, locale: 'zh', at: now.toISOString() },
    ]);
    expect(outcome.change?.storyIds).toEqual([storyId]);
    expect(outcome.change?.sectionIds).toContain(story.sectionId);
    expect(outcome.change?.entityIds).toEqual(expect.arrayContaining(story.entityIds));
  });

  it('leaves the text unsaved when QA refuses the publish of the same submit', async () => {
    const before = await stored();
    const audited = await auditCount();
    await expect(
      submitStory(
        database.db,
        editor,
        {
          storyId,
          locale: 'zh',
          intent: 'publish',
          text: { ...zhDraft, faq: englishFaq, baseRevision: 1 },
          details: { section: 'chips' },
        },
        { now },
      ),
    ).rejects.toBeInstanceOf(PublishBlocked);
    const after = await stored();
    expect(after.zh).toEqual(before.zh);
    expect(after.story.sectionId).toBe(before.story.sectionId);
    expect(await listRevisions(database.db, editor, { storyId })).toHaveLength(1);
    expect(await auditCount()).toBe(audited);

    // With a reason, the same submit goes through whole, the override logged with it.
    const outcome = await submitStory(
      database.db,
      editor,
      {
        storyId,
        locale: 'zh',
        intent: 'publish',
        text: { ...zhDraft, faq: englishFaq, baseRevision: 1 },
        qaOverride: { reason: 'An interview quoted in English' },
      },
      { now },
    );
    expect(outcome.revision).toBe(2);
    expect((await stored()).zh).toMatchObject({ status: 'published', faq: englishFaq });
    const overrides = await listAudit(database.db, { action: 'story.qa-override' }, { limit: 5, offset: 0 });
    expect(overrides.entries.map((e) => e.summary)).toEqual(['An interview quoted in English']);
  });

  it('rolls the saved text back when a later step of the submit fails', async () => {
    const before = await stored();
    await expect(
      submitStory(
        database.db,
        editor,
        {
          storyId,
          locale: 'zh',
          intent: 'save',
          text: { ...zhDraft, title: '一个不会留下的标题', baseRevision: 1 },
          details: { entities: ['nvidia', 'nobody'] },
        },
        { now },
      ),
    ).rejects.toBeInstanceOf(UnknownReference);
    expect((await stored()).zh).toEqual(before.zh);
    expect((await stored()).story.entityIds).toEqual(before.story.entityIds);
  });

  it('keeps a variant live when the text of its unpublish submit is refused', async () => {
    await submitStory(database.db, editor, { storyId, locale: 'zh', intent: 'publish' }, { now });
    await importStories(database.db, [buildStory('taken-slug', { locales: ['zh'] })], { now });
    await expect(
      submitStory(
        database.db,
        editor,
        {
          storyId,
          locale: 'zh',
          intent: 'unpublish',
          text: { ...zhDraft, slug: 'taken-slug', baseRevision: 1 },
        },
        { now },
      ),
    ).rejects.toBeInstanceOf(SlugTaken);
    expect((await stored()).zh).toMatchObject({ status: 'published', revision: 1 });
  });

  it('schedules with the text of the same submit checked by QA', async () => {
    const publishAt = new Date(now.getTime() + 3_600_000).toISOString();
    await expect(
      submitStory(
        database.db,
        editor,
        { storyId, locale: 'zh', intent: 'schedule', publishAt, text: { ...zhDraft, faq: englishFaq } },
        { now },
      ),
    ).rejects.toBeInstanceOf(PublishBlocked);
    const outcome = await submitStory(
      database.db,
      editor,
      { storyId, locale: 'zh', intent: 'schedule', publishAt, text: { ...zhDraft, title: '定时发布的标题' } },
      { now },
    );
    expect(outcome).toMatchObject({ change: null, events: [], revision: 2 });
    expect((await stored()).zh).toMatchObject({ status: 'scheduled', publishAt, title: '定时发布的标题' });
  });
});
