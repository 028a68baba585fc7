import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { seedTaxonomy } from '../../test/support/factories.js';
import { addActor, addStaff } from '../../test/support/staff.js';
import { type Actor, listAudit } from '../accounts/index.js';
import { findStory } from '../stories/index.js';
import {
  addStoryNote,
  approveReview,
  countReviewQueue,
  countUnreadNotices,
  createStory,
  findStoryReview,
  InvalidInput,
  listNotices,
  listReviewQueue,
  listStoryNotes,
  MAX_REVIEW_NOTE_CHARS,
  MAX_STORY_NOTE_CHARS,
  markNoticesRead,
  NotAllowed,
  publish,
  sendBackForChanges,
  submitForReview,
  WrongStatus,
} from './index.js';

const now = new Date('2026-11-28T09:00:00Z');
const at = (minutes: number) => ({ now: new Date(now.getTime() + minutes * 60_000) });

const zhDraft = {
  title: '英伟达发布新一代芯片',
  summary: '英伟达公布了新一代数据中心芯片，性能大幅提升。',
  body: '## 背景\n\n英伟达今天发布了新一代芯片，这一举措将影响整个行业的发展方向。\n',
  faq: [],
  heroAlt: '',
};

describe.each(DIALECTS)('review and coordination on %s', (dialect) => {
  let database: TestDatabase;
  let owner: Actor;
  let editor: Actor;
  let author: Actor;
  let otherAuthor: Actor;
  let translator: Actor;

  const newStory = async (by: Actor = author) =>
    (
      await createStory(
        database.db,
        by,
        { section: 'ai-models', sourceLocale: 'zh', variant: zhDraft, entities: ['nvidia'] },
        { now },
      )
    ).storyId;
  const actions = async (storyId: number) =>
    (await listAudit(database.db, { subjectId: storyId }, { limit: 20, offset: 0 })).entries
      .map((e) => e.action)
      .reverse();

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    ({ owner, editor, author, translator } = await addStaff(database.db, now));
    otherAuthor = await addActor(database.db, 'other@example.test', 'author', now);
  });
  afterEach(() => database.destroy());

  it('takes a draft through submit, send back, resubmit and approve, audited and noticed at each step', async () => {
    const storyId = await newStory();
    const submitted = await submitForReview(database.db, author, { storyId, locale: 'zh' }, at(1));
    expect(submitted.recipients.map((r) => r.email)).toEqual(['owner@example.test', 'editor@example.test']);
    expect(await listReviewQueue(database.db, { limit: 10 })).toEqual([
      {
        storyId,
        locale: 'zh',
        title: zhDraft.title,
        requestedByName: 'author@example.test',
        requestedAt: at(1).now.toISOString(),
      },
    ]);
    expect(await countUnreadNotices(database.db, editor.id)).toBe(1);

    const note = '第二段缺少来源，请补上。<b>not bold</b>';
    const back = await sendBackForChanges(database.db, editor, { storyId, locale: 'zh', note }, at(2));
    expect(back.recipients.map((r) => r.email)).toEqual(['author@example.test']);
    expect(await findStoryReview(database.db, storyId, 'zh')).toMatchObject({
      state: 'changes_requested',
      note,
      decidedByName: 'editor@example.test',
      decidedAt: at(2).now.toISOString(),
    });
    expect(await countReviewQueue(database.db)).toBe(0);
    const [authorNotice] = await listNotices(database.db, author.id, { limit: 5 });
    expect(authorNotice).toMatchObject({ kind: 'review.changes_requested', note, read: false, storyId });

    await submitForReview(database.db, author, { storyId, locale: 'zh' }, at(3));
    expect(await findStoryReview(database.db, storyId, 'zh')).toMatchObject({ state: 'submitted', note: '' });
    await approveReview(database.db, editor, { storyId, locale: 'zh' }, at(4));
    expect((await findStoryReview(database.db, storyId, 'zh'))?.state).toBe('approved');
    // The review leaves the publish status alone: the variant is a draft until an editor publishes.
    expect((await findStory(database.db, storyId))?.variants[0]?.status).toBe('draft');
    await publish(database.db, editor, { storyId, locale: 'zh' }, at(5));
    expect((await findStory(database.db, storyId))?.variants[0]?.status).toBe('published');

    expect(await actions(storyId)).toEqual([
      'story.create',
      'story.review-submit',
      'story.review-send-back',
      'story.review-submit',
      'story.review-approve',
      'story.publish',
    ]);
    expect((await listNotices(database.db, author.id, { limit: 5 })).map((n) => n.kind)).toEqual([
      'review.approved',
      'review.changes_requested',
    ]);
  });

  it('refuses a second submit while the draft waits, and a second decision once decided', async () => {
    const storyId = await newStory();
    await submitForReview(database.db, author, { storyId, locale: 'zh' }, at(1));
    await expect(submitForReview(database.db, author, { storyId, locale: 'zh' }, at(2))).rejects.toThrow(
      WrongStatus,
    );
    await approveReview(database.db, editor, { storyId, locale: 'zh' }, at(3));
    await expect(approveReview(database.db, owner, { storyId, locale: 'zh' }, at(4))).rejects.toThrow(
      WrongStatus,
    );
    await expect(
      sendBackForChanges(database.db, owner, { storyId, locale: 'zh', note: 'late' }, at(4)),
    ).rejects.toThrow(WrongStatus);
    // Nothing of the refused steps was kept: one notice per reviewer, one for the author.
    expect(await countUnreadNotices(database.db, owner.id)).toBe(1);
    expect(await countUnreadNotices(database.db, author.id)).toBe(1);
  });

  it('drops a waiting draft from the queue once an editor publishes it without deciding', async () => {
    const storyId = await newStory();
    await submitForReview(database.db, author, { storyId, locale: 'zh' }, at(1));
    expect(await countReviewQueue(database.db)).toBe(1);
    await publish(database.db, editor, { storyId, locale: 'zh' }, at(2));
    expect(await countReviewQueue(database.db)).toBe(0);
    expect(await listReviewQueue(database.db, { limit: 10 })).toEqual([]);
  });

  it('lets only the story’s author (or editors) submit, and only editors and owners decide', async () => {
    const storyId = await newStory();
    await expect(submitForReview(database.db, otherAuthor, { storyId, locale: 'zh' }, at(1))).rejects.toThrow(
      NotAllowed,
    );
    await expect(submitForReview(database.db, translator, { storyId, locale: 'zh' }, at(1))).rejects.toThrow(
      NotAllowed,
    );
    await submitForReview(database.db, author, { storyId, locale: 'zh' }, at(1));
    await expect(approveReview(database.db, author, { storyId, locale: 'zh' }, at(2))).rejects.toThrow(
      NotAllowed,
    );
    await expect(
      sendBackForChanges(database.db, translator, { storyId, locale: 'zh', note: 'x' }, at(2)),
    ).rejects.toThrow(NotAllowed);
    expect((await findStoryReview(database.db, storyId, 'zh'))?.state).toBe('submitted');
  });

  it('refuses a published variant, an empty or oversized note, and an unknown variant', async () => {
    const storyId = await newStory();
    await expect(
      sendBackForChanges(database.db, editor, { storyId, locale: 'zh', note: '   ' }, at(1)),
    ).rejects.toThrow(InvalidInput);
    await expect(
      sendBackForChanges(
        database.db,
        editor,
        { storyId, locale: 'zh', note: 'x'.repeat(MAX_REVIEW_NOTE_CHARS + 1) },
        at(1),
      ),
    ).rejects.toThrow(InvalidInput);
    await expect(submitForReview(database.db, author, { storyId, locale: 'en' }, at(1))).rejects.toThrow(
      /story/,
    );
    await publish(database.db, editor, { storyId, locale: 'zh' }, at(2));
    await expect(submitForReview(database.db, editor, { storyId, locale: 'zh' }, at(3))).rejects.toThrow(
      WrongStatus,
    );
    expect(await findStoryReview(database.db, storyId, 'zh')).toBeUndefined();
  });

  it('keeps the team’s notes as plain text, bounded, oldest first, audited', async () => {
    const storyId = await newStory();
    await addStoryNote(database.db, translator, { storyId, body: '  英文版今晚交。 ' }, at(1));
    await addStoryNote(database.db, editor, { storyId, body: '**not Markdown** <script>' }, at(2));
    await expect(addStoryNote(database.db, author, { storyId, body: '' }, at(3))).rejects.toThrow(
      InvalidInput,
    );
    await expect(
      addStoryNote(database.db, author, { storyId, body: 'x'.repeat(MAX_STORY_NOTE_CHARS + 1) }, at(3)),
    ).rejects.toThrow(InvalidInput);
    const notes = await listStoryNotes(database.db, storyId, { limit: 50 });
    expect(notes.map((n) => [n.authorName, n.body])).toEqual([
      ['translator@example.test', '英文版今晚交。'],
      ['editor@example.test', '**not Markdown** <script>'],
    ]);
    expect(await actions(storyId)).toEqual(['story.create', 'story.note', 'story.note']);
  });

  it('marks a person’s own notices read, one or all, never someone else’s', async () => {
    const storyId = await newStory();
    await submitForReview(database.db, author, { storyId, locale: 'zh' }, at(1));
    const [ownerNotice] = await listNotices(database.db, owner.id, { limit: 5 });
    if (!ownerNotice) throw new Error('owner was not told');
    expect(await markNoticesRead(database.db, editor.id, now.toISOString(), ownerNotice.id)).toBe(0);
    expect(await countUnreadNotices(database.db, owner.id)).toBe(1);
    expect(await markNoticesRead(database.db, owner.id, now.toISOString(), ownerNotice.id)).toBe(1);
    expect(await countUnreadNotices(database.db, owner.id)).toBe(0);
    expect(await markNoticesRead(database.db, editor.id, now.toISOString())).toBe(1);
    expect(await countUnreadNotices(database.db, editor.id)).toBe(0);
  });
});
