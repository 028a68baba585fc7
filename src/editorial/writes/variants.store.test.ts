import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { buildStory, buildVariant, seedTaxonomy } from '../../../test/support/factories.js';
import { inTransaction, type VariantStatus } from '../../platform/database/index.js';
import {
  countPublishedStories,
  DanglingStoryLink,
  exportContent,
  findRedirect,
  findStory,
  findStoryIdBySlug,
  listPublishedStories,
  listRelatedStoryIds,
  loadStoriesByEntity,
  parseExportDocument,
  recordShare,
  SlugTaken,
  UnknownReference,
} from '../../stories/index.js';
import { importContent, importStories } from '../import.js';
import { buildQaReport } from '../qa.js';
import { writeStoryDetails } from './stories.js';
import { findVariantOrThrow, type VariantText, writeVariantStatus, writeVariantText } from './variants.js';

// The row writes under every editorial use case: rendering, slugs, redirects, statuses. The use
// cases' permission, QA, revision and audit rules are tested in workflow.test.ts.

const now = new Date('2026-11-21T12:00:00Z');

describe.each(DIALECTS)('the story store on %s', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
  });
  afterEach(async () => {
    await database.destroy();
  });

  const setStatus = (storyId: number, locale: string, status: VariantStatus) =>
    inTransaction(database.db, async (trx) => {
      const { variant } = await findVariantOrThrow(trx, storyId, locale);
      await writeVariantStatus(trx, variant, { status }, now);
    });
  const editText = (storyId: number, locale: string, changes: Partial<VariantText>) =>
    inTransaction(database.db, async (trx) => {
      const { story, variant } = await findVariantOrThrow(trx, storyId, locale);
      const current = {
        title: variant.title,
        summary: variant.summary,
        body: variant.bodyMarkdown,
        faq: variant.faq,
        heroAlt: variant.heroAlt,
      };
      await writeVariantText(trx, story, variant, { ...current, ...changes }, now);
    });

  it('keeps one status per variant: publishing zh does not publish en', async () => {
    const input = buildStory('open-models');
    input.variants[1] = buildVariant('en', 'open-models', { status: 'draft', publishedAt: null });
    const { storyIds } = await importStories(database.db, [input], { now });
    const story = await findStory(database.db, storyIds[0] as number);
    expect(story?.variants.map((v) => [v.locale, v.status])).toEqual([
      ['zh', 'published'],
      ['en', 'draft'],
    ]);
    const storyId = storyIds[0] as number;
    await setStatus(storyId, 'en', 'published');
    const after = await findStory(database.db, storyId);
    expect(after?.variants.find((v) => v.locale === 'en')?.publishedAt).toBe(now.toISOString());
    expect(after?.variants.find((v) => v.locale === 'zh')?.publishedAt).toBe('2026-11-20T08:00:00.000Z');
  });

  it('renders the body, FAQ and reading time when saving', async () => {
    const { storyIds } = await importStories(database.db, [buildStory('rendered')], { now });
    const zh = (await findStory(database.db, storyIds[0] as number))?.variants.find((v) => v.locale === 'zh');
    expect(zh?.bodyHtml).toContain('<h2 id="背景">背景</h2>');
    expect(zh?.bodyHtml).toContain('<strong>开发者</strong>');
    expect(zh?.faqAnswersHtml[0]).toContain('计划将于明年第一季度开始实施');
    expect(zh?.readingMinutes).toBe(1);
  });

  it('gives a colliding slug a numbered suffix within the locale', async () => {
    const { storyIds } = await importStories(database.db, [buildStory('same'), buildStory('same')], { now });
    const second = await findStory(database.db, storyIds[1] as number);
    expect(second?.variants.map((v) => v.slug)).toEqual(['same-2', 'same-2']);
  });

  it('resolves story: links in either order within one batch, in the same locale', async () => {
    const linking = buildStory('linking', {
      variant: { body: '见[另一篇报道](story:target)。', faq: [] },
      locales: ['zh'],
    });
    const target = buildStory('target');
    const { storyIds } = await importStories(database.db, [linking, target], { now });
    const story = await findStory(database.db, storyIds[0] as number);
    expect(story?.variants[0]?.bodyHtml).toContain('href="/zh/ai-models/target"');
  });

  it('falls back to the source locale when the linked story lacks the locale', async () => {
    const zhOnly = buildStory('zh-only', { locales: ['zh'] });
    const linking = buildStory('links-to-zh-only', {
      locales: ['en'],
      variant: { body: 'See [the report](story:zh-only).', faq: [] },
    });
    const { storyIds } = await importStories(database.db, [zhOnly, linking], { now });
    const story = await findStory(database.db, storyIds[1] as number);
    expect(story?.variants[0]?.bodyHtml).toContain('href="/zh/ai-models/zh-only"');
  });

  it('refuses a dangling story link and writes nothing', async () => {
    const broken = buildStory('broken', {
      locales: ['en'],
      variant: { body: 'See [this](story:nowhere).', faq: [] },
    });
    await expect(importStories(database.db, [broken], { now })).rejects.toBeInstanceOf(DanglingStoryLink);
    expect(await findStoryIdBySlug(database.db, 'en', 'broken')).toBeUndefined();
  });

  it('stores an imported Chinese story with an English FAQ, which the QA gate would refuse', async () => {
    const mixed = buildStory('mixed-faq', {
      locales: ['zh'],
      variant: {
        faq: [
          {
            question: 'What does the investment mean for open models?',
            answer:
              'It means that developers will be able to download and run many more models on their own hardware.',
          },
        ],
      },
    });
    // An import is not checked by QA again; the one gate, at publish and at save of live text, is.
    const { storyIds } = await importStories(database.db, [mixed], { now });
    expect(storyIds).toHaveLength(1);
    const stored = await findStory(database.db, storyIds[0] as number);
    if (!stored?.variants[0]) throw new Error('the story was not saved');
    const zh = stored.variants[0];
    const report = await buildQaReport(database.db, stored, {
      locale: 'zh',
      title: zh.title,
      summary: zh.summary,
      body: zh.bodyMarkdown,
      faq: zh.faq,
      heroAlt: zh.heroAlt,
    });
    expect(report.blocking).toBe(true);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ kind: 'language', field: 'faq-question' }),
    );
    // Issue 11: what the override let through is marked in the stored HTML, once, at save time.
    const [variant] = (await findStory(database.db, storyIds[0] as number))?.variants ?? [];
    expect(variant?.faqAnswersHtml).toEqual([
      '<p lang="en">It means that developers will be able to download and run many more models on their own hardware.</p>\n',
    ]);
    expect(variant?.faqQuestionLangs).toEqual(['en']);
    expect(variant?.bodyHtml).not.toContain('lang=');
  });

  it('marks a block left in another language when published text is edited over QA', async () => {
    const { storyIds } = await importStories(database.db, [buildStory('quoted', { locales: ['zh'] })], {
      now,
    });
    const storyId = storyIds[0] as number;
    const [variant] = (await findStory(database.db, storyId))?.variants ?? [];
    const english =
      'The company said the new chips would ship to cloud providers before the end of the year.';
    await editText(storyId, 'zh', { body: `${variant?.bodyMarkdown}\n${english}\n` });
    const [edited] = (await findStory(database.db, storyId))?.variants ?? [];
    expect(edited?.bodyHtml).toContain(`<p lang="en">${english}</p>`);
    expect(edited?.bodyHtml.match(/lang=/g)).toHaveLength(1);
  });

  it('refuses unknown sections and entities', async () => {
    await expect(
      importStories(database.db, [buildStory('x', { section: 'sports' })], { now }),
    ).rejects.toBeInstanceOf(UnknownReference);
    await expect(
      importStories(database.db, [buildStory('y', { entities: ['nobody'] })], { now }),
    ).rejects.toBeInstanceOf(UnknownReference);
  });

  it('keeps an old slug as a redirect and refuses a slug another story holds', async () => {
    const { storyIds } = await importStories(database.db, [buildStory('first'), buildStory('second')], {
      now,
    });
    const [first, second] = storyIds as [number, number];
    await editText(first, 'en', { slug: 'first-renamed' });
    expect(await findRedirect(database.db, 'en', 'first')).toBe(first);
    expect(await findStoryIdBySlug(database.db, 'en', 'first-renamed')).toBe(first);
    await expect(editText(second, 'en', { slug: 'first-renamed' })).rejects.toBeInstanceOf(SlugTaken);
    const edited = await findStory(database.db, first);
    expect(edited?.variants.find((v) => v.locale === 'en')?.revision).toBe(2);
  });

  it('lists published stories newest first, by section and entity, and counts them', async () => {
    const stories = [
      buildStory('older', { variant: { publishedAt: '2026-11-10T00:00:00.000Z' } }),
      buildStory('newer', {
        section: 'chips',
        entities: ['h200'],
        variant: { publishedAt: '2026-11-15T00:00:00.000Z' },
      }),
      buildStory('draft', { variant: { status: 'draft', publishedAt: null } }),
    ];
    const { storyIds } = await importStories(database.db, stories, { now });
    const listed = await listPublishedStories(database.db, { limit: 10, offset: 0 });
    expect(listed.map((l) => l.storyId)).toEqual([storyIds[1], storyIds[0]]);
    expect(await countPublishedStories(database.db, {})).toBe(2);
    const chipsId = (await findStory(database.db, storyIds[1] as number))?.sectionId as number;
    expect(
      (await listPublishedStories(database.db, { sectionId: chipsId, limit: 10, offset: 0 })).length,
    ).toBe(1);
    expect(await countPublishedStories(database.db, { entityKind: 'gpu' })).toBe(1);
  });

  it('ranks related stories by shared entities', async () => {
    const { storyIds } = await importStories(
      database.db,
      [
        buildStory('main', { entities: ['nvidia', 'h200'] }),
        buildStory('shares-two', { section: 'chips', entities: ['nvidia', 'h200'] }),
        buildStory('shares-one', { section: 'chips', entities: ['h200'] }),
        buildStory('unpublished', {
          entities: ['nvidia', 'h200'],
          variant: { status: 'draft', publishedAt: null },
        }),
      ],
      { now },
    );
    const main = await findStory(database.db, storyIds[0] as number);
    if (!main) throw new Error('the story was not saved');
    expect(await listRelatedStoryIds(database.db, main, 3, await loadStoriesByEntity(database.db))).toEqual([
      storyIds[1],
      storyIds[2],
    ]);
  });

  it('moves a story to another section', async () => {
    const { storyIds } = await importStories(database.db, [buildStory('moving')], { now });
    const change = await inTransaction(database.db, async (trx) => {
      const story = await findStory(trx, storyIds[0] as number);
      if (!story) throw new Error('the story was not saved');
      return writeStoryDetails(trx, story, { section: 'chips' }, now);
    });
    expect(change.sectionIds).toHaveLength(2);
  });

  it('counts a share once per visitor and day', async () => {
    const { storyIds } = await importStories(database.db, [buildStory('shared')], { now });
    const id = storyIds[0] as number;
    expect(await recordShare(database.db, id, 'visitor-a', '2026-11-21')).toEqual({
      count: 1,
      counted: true,
    });
    expect(await recordShare(database.db, id, 'visitor-a', '2026-11-21')).toEqual({
      count: 1,
      counted: false,
    });
    expect(await recordShare(database.db, id, 'visitor-b', '2026-11-21')).toEqual({
      count: 2,
      counted: true,
    });
    expect(await recordShare(database.db, id, 'visitor-a', '2026-11-22')).toEqual({
      count: 3,
      counted: true,
    });
  });

  it('exports and imports all content without losing anything', async () => {
    const { storyIds } = await importStories(
      database.db,
      [
        buildStory('one'),
        buildStory('two', { locales: ['zh'] }),
        buildStory('three', { variant: { status: 'draft', publishedAt: null } }),
      ],
      { now },
    );
    await editText(storyIds[0] as number, 'en', { slug: 'one-renamed', title: 'A new title' });
    await setStatus(storyIds[1] as number, 'zh', 'unpublished');
    await recordShare(database.db, storyIds[0] as number, 'v', '2026-11-21');
    const exported = await exportContent(database.db, now);

    const target = await createTestDatabase(dialect);
    try {
      await importContent(target.db, parseExportDocument(JSON.parse(JSON.stringify(exported))), { now });
      expect(await exportContent(target.db, now)).toEqual(exported);
      await expect(importContent(target.db, exported, { now })).rejects.toMatchObject({ kind: 'conflict' });
    } finally {
      await target.destroy();
    }
  });

  it('reports every problem of a malformed import document', () => {
    expect(() => parseExportDocument({ format: 'code-velocity-export', version: 1 })).toThrow(/exportedAt/);
    expect(() => parseExportDocument('not an object')).toThrow(/not a valid export/);
  });

  it('refuses an import whose source links are not web addresses', async () => {
    await importStories(database.db, [buildStory('linked')], { now });
    const exported = JSON.parse(JSON.stringify(await exportContent(database.db, now)));
    exported.stories[0].sources[0].url = 'javascript:alert(1)';
    expect(() => parseExportDocument(exported)).toThrow(/url/);
  });
});
