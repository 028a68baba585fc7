import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStories } from '../../src/editorial/index.js';
import { findStory, findStoryIdBySlug } from '../../src/stories/index.js';
import { eventually } from '../support/eventually.js';
import { type DemoSite, launchBrowser, People, seriousViolations, startDemoSite } from './support.js';

// The translator's desk in Chromium, clicked through as a translator would: the English version of
// a Chinese story opens on the source's scaffold, side by side; a table cell and a heading are
// filled in their rows, "Nvidia" is inserted from the 英伟达 beside the source, the QA flags a
// paragraph left in Chinese until it is fixed, the draft is saved, and once an editor changes the
// Chinese text the translator finds the block that changed marked.

const SLUG = 'nvidia-open-models-recap';

let site: DemoSite;
let browser: Browser;
let storyId = 0;
let people: People;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await startDemoSite();
  people = new People(browser, site);
  const { db } = site.testApp.database;
  // The demo's reference story in Chinese only: headings, a comparison table, story links, an FAQ.
  const referenceId = await findStoryIdBySlug(db, 'zh', 'nvidia-26b-open-models');
  const zh = (await findStory(db, referenceId ?? 0))?.variants.find((v) => v.locale === 'zh');
  if (!zh) throw new Error('the demo lost its reference story');
  const imported = await importStories(
    db,
    [
      {
        section: 'ai-models',
        sourceLocale: 'zh',
        entities: ['nvidia'],
        sources: [],
        variants: [
          {
            locale: 'zh',
            title: zh.title,
            slug: SLUG,
            summary: zh.summary,
            body: zh.bodyMarkdown,
            faq: zh.faq.slice(0, 1),
            heroAlt: '',
            status: 'draft',
            publishedAt: null,
          },
        ],
      },
    ],
    { now: new Date() },
  );
  storyId = imported.storyIds[0] as number;
}, 180_000);

afterAll(async () => {
  await people?.close();
  await browser?.close();
  await site?.close();
});

const desk = (page: Page) => page.locator('[data-translation-desk]');
const row = (page: Page, n: number) =>
  desk(page)
    .locator('[data-desk-row]')
    .nth(n - 1);

describe.sequential('the translator’s desk', { timeout: 120_000 }, () => {
  let translator: Page;
  const editorPath = () => `/admin/stories/${storyId}/en`;

  it('opens the missing English version on the Chinese story’s scaffold, side by side', async () => {
    translator = await people.signedIn({
      email: 'desk-translator@example.test',
      role: 'translator',
      locales: ['en'],
    });
    await translator.goto(`${site.url}${editorPath()}`, { waitUntil: 'load' });
    await eventually(() => desk(translator).isVisible(), 'the desk shown', { timeoutMs: 10_000 });
    expect(await translator.getByRole('heading', { name: 'Side by side: 中文 → English' }).count()).toBe(1);
    const body = await translator.getByLabel('Body (Markdown)').inputValue();
    expect(body).toContain('## ⟦260亿美元怎么花⟧');
    expect(body).toContain('| ⟦英伟达⟧ | ⟦AMD⟧ |');
    expect(body).toContain('(story:open-weights-licensing-guide)');
    expect(await row(translator, 1).locator('textarea').inputValue()).toMatch(/^⟦英伟达于11月17日宣布/);
    expect(await seriousViolations(translator)).toEqual([]);
  });

  it('fills a table cell and a heading in their rows, which write the body', async () => {
    const table = desk(translator).locator('[data-desk-table]');
    await table.getByLabel('Row 1, column 1', { exact: true }).fill('Nvidia');
    await table.getByLabel('Row 1, column 2', { exact: true }).fill('AMD');
    await desk(translator)
      .getByLabel('Row 3: Heading 2, in English')
      .fill('## How the $26 billion will be spent');
    const body = await translator.getByLabel('Body (Markdown)').inputValue();
    expect(body).toContain('| Nvidia | AMD |\n| --- | --- |\n| ⟦**资金**');
    expect(body).toContain('\n\n## How the $26 billion will be spent\n\n');
  });

  it('inserts “Nvidia” from the 英伟达 beside the source where the caret is', async () => {
    const first = row(translator, 1);
    const field = first.locator('textarea');
    await field.fill(' pledged $26 billion over five years to open AI models.');
    await field.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 0));
    expect(await first.getByText('英伟达', { exact: true }).count()).toBe(1);
    await first.getByRole('button', { name: 'Nvidia', exact: true }).click();
    expect(await field.inputValue()).toBe('Nvidia pledged $26 billion over five years to open AI models.');
    expect(await translator.getByLabel('Body (Markdown)').inputValue()).toMatch(/^Nvidia pledged/);
  });

  it('flags a paragraph left in Chinese as the translator types, until it is fixed', async () => {
    const second = row(translator, 2);
    const flag = second.locator('[data-desk-row-qa]');
    await second
      .locator('textarea')
      .fill('消息出炉的时间点颇为微妙。过去一年，开放权重模型在能力上快速逼近闭源前沿模型。');
    await eventually(
      async () => (await flag.textContent()) === 'Reads as Chinese, not English.',
      'the Chinese flag',
      {
        timeoutMs: 10_000,
      },
    );
    await second
      .locator('textarea')
      .fill(
        'The timing is delicate. Over the past year open-weight models have caught up fast with closed ones.',
      );
    await eventually(async () => (await flag.textContent()) === '', 'the flag cleared', {
      timeoutMs: 10_000,
    });
    expect(await seriousViolations(translator)).toEqual([]);
  });

  it('saves the draft with what was written side by side', async () => {
    await translator
      .getByLabel('Title', { exact: true })
      .fill('Nvidia pledges $26 billion to open AI models');
    await translator.getByLabel('Address (slug)').fill(SLUG);
    await Promise.all([
      translator.waitForNavigation({ waitUntil: 'load' }),
      translator.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    expect(translator.url()).toContain('notice=saved');
    const en = (await findStory(site.testApp.database.db, storyId))?.variants.find((v) => v.locale === 'en');
    expect(en?.status).toBe('draft');
    expect(en?.bodyMarkdown).toMatch(/^Nvidia pledged \$26 billion/);
    expect(en?.bodyMarkdown).toContain('| Nvidia | AMD |');
    expect(en?.bodyMarkdown).toContain('## How the $26 billion will be spent');
  });

  it('shows the block an editor changed in the Chinese text, marked, in the zh admin too', async () => {
    const editor = await people.signedIn({ email: 'desk-editor@example.test', role: 'editor' });
    await editor.goto(`${site.url}/admin/stories/${storyId}/zh`, { waitUntil: 'load' });
    const body = editor.getByLabel('Body (Markdown)');
    await body.fill(
      (await body.inputValue()).replace('消息出炉的时间点颇为微妙。', '消息出炉的时机非常微妙。'),
    );
    await Promise.all([
      editor.waitForNavigation({ waitUntil: 'load' }),
      editor.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    expect(editor.url()).toContain('notice=saved');

    await translator.goto(`${site.url}${editorPath()}`, { waitUntil: 'load' });
    const changed = desk(translator).locator('.desk-row-changed');
    expect(await changed.count()).toBe(1);
    expect(await changed.getByText('Changed since your translation').count()).toBe(1);
    expect(await changed.locator('.desk-diff ins').allTextContents()).toEqual(
      expect.arrayContaining(['机非常']),
    );
    expect(await seriousViolations(translator)).toEqual([]);

    const zhTranslator = await people.signedIn(
      {
        email: 'desk-translator-zh@example.test',
        role: 'translator',
        locales: ['en'],
        uiLocale: 'zh',
      },
      { width: 390 },
    );
    await zhTranslator.goto(`${site.url}${editorPath()}`, { waitUntil: 'load' });
    await eventually(() => desk(zhTranslator).isVisible(), 'the desk shown', { timeoutMs: 10_000 });
    expect(await zhTranslator.getByText('译文完成后有改动').count()).toBe(1);
    expect(await seriousViolations(zhTranslator)).toEqual([]);
    expect(people.foreign).toEqual([]);
  });
});
