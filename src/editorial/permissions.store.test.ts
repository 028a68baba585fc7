import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { seedTaxonomy } from '../../test/support/factories.js';
import { addStaff } from '../../test/support/staff.js';
import type { Actor } from '../accounts/index.js';
import { findStory } from '../stories/index.js';
import {
  createStory,
  NotAllowed,
  publish,
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

describe.each(DIALECTS)('who may do what in the editorial workflow, on %s', (dialect) => {
  let database: TestDatabase;
  let editor: Actor;
  let author: Actor;
  let translator: Actor;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    ({ editor, author, translator } = await addStaff(database.db, now));
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

  it('lets a translator edit an assigned locale but never publish, or touch another locale', async () => {
    const storyId = await newStory();
    await expect(
      publish(database.db, translator, { storyId, locale: 'zh' }, later(1)),
    ).rejects.toBeInstanceOf(NotAllowed);
    await expect(
      saveVariant(database.db, translator, { storyId, locale: 'zh', ...zhDraft, title: '改标题' }, later(1)),
    ).rejects.toBeInstanceOf(NotAllowed);
    await saveVariant(
      database.db,
      translator,
      { storyId, locale: 'en', title: 'Nvidia unveils new chips', body: 'Nvidia released new chips today.' },
      later(2),
    );
    await expect(
      publish(database.db, translator, { storyId, locale: 'en' }, later(3)),
    ).rejects.toBeInstanceOf(NotAllowed);
    await expect(
      schedule(
        database.db,
        translator,
        { storyId, locale: 'en', publishAt: '2027-01-01T00:00:00Z' },
        later(3),
      ),
    ).rejects.toBeInstanceOf(NotAllowed);
    expect((await variant(storyId, 'en'))?.status).toBe('draft');
  });

  it('lets an author edit an own draft, but not once it was published, nor publish it', async () => {
    const storyId = await newStory();
    await saveVariant(
      database.db,
      author,
      { storyId, locale: 'zh', ...zhDraft, title: '作者修改' },
      later(1),
    );
    await expect(publish(database.db, author, { storyId, locale: 'zh' }, later(2))).rejects.toBeInstanceOf(
      NotAllowed,
    );
    const other = await newStory(editor);
    await expect(
      saveVariant(
        database.db,
        author,
        { storyId: other, locale: 'zh', ...zhDraft, title: '别人的' },
        later(2),
      ),
    ).rejects.toBeInstanceOf(NotAllowed);

    await publish(database.db, editor, { storyId, locale: 'zh' }, later(3));
    await expect(
      saveVariant(database.db, author, { storyId, locale: 'zh', ...zhDraft, title: '发布后修改' }, later(4)),
    ).rejects.toBeInstanceOf(NotAllowed);
    await expect(
      updateStoryMeta(database.db, author, { storyId, section: 'chips' }, later(4)),
    ).rejects.toBeInstanceOf(NotAllowed);
    await unpublish(database.db, editor, { storyId, locale: 'zh' }, later(5));
    await expect(
      saveVariant(database.db, author, { storyId, locale: 'zh', ...zhDraft, title: '撤下后修改' }, later(6)),
    ).rejects.toBeInstanceOf(NotAllowed);
  });
});
