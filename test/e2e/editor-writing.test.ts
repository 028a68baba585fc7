import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStory, findStoryIdBySlug } from '../../src/stories/index.js';
import { eventually } from '../support/eventually.js';
import { type DemoSite, follow, launchBrowser, People, seriousViolations, startDemoSite } from './support.js';

// The story editor as a writer uses it, in real Chromium: the Markdown toolbar and its shortcuts,
// autosave surviving a closed tab, the warning before leaving unsaved work, a source added without
// losing anything, the form saving without JavaScript, and two people saving the same variant.

let site: DemoSite;
let browser: Browser;
let people: People;
let storyId = 0;
let editorPath = '';

beforeAll(async () => {
  browser = await launchBrowser();
  site = await startDemoSite();
  people = new People(browser, site);
  storyId = (await findStoryIdBySlug(site.testApp.database.db, 'en', 'nvidia-26b-open-models')) as number;
  editorPath = `/admin/stories/${storyId}/en`;
}, 180_000);

afterAll(async () => {
  await people?.close();
  await browser?.close();
  await site?.close();
});

async function open(page: Page, path = editorPath): Promise<void> {
  await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
}

const stored = async () =>
  (await findStory(site.testApp.database.db, storyId))?.variants.find((v) => v.locale === 'en');
const body = (page: Page) => page.locator('textarea[data-markdown-body]');
const tool = (page: Page, name: string) =>
  page.getByRole('toolbar').getByRole('button', { name, exact: true });

describe.sequential('writing in the story editor', { timeout: 120_000 }, () => {
  let page: Page;

  it('opens with the preview filled, and the toolbar and shortcuts write Markdown', async () => {
    page = await people.signedIn({ email: 'writer@example.test', role: 'editor' });
    await open(page);
    // Rendered by the server into the page: there before any keystroke.
    expect(await page.locator('[data-preview-target] h2').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    await body(page).fill('word');
    await body(page).selectText();
    await tool(page, 'Bold').click();
    expect(await body(page).inputValue()).toBe('**word**');

    await body(page).fill('word');
    await body(page).selectText();
    await page.keyboard.press('Control+I');
    expect(await body(page).inputValue()).toBe('*word*');

    await body(page).fill('Heading\nfirst\nsecond');
    await body(page).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 3));
    await tool(page, 'Heading 2').click();
    await body(page).evaluate((el: HTMLTextAreaElement) =>
      el.setSelectionRange(el.value.indexOf('first'), el.value.length),
    );
    await tool(page, 'Numbered list').click();
    expect(await body(page).inputValue()).toBe('## Heading\n1. first\n2. second');

    await body(page).fill('Intro');
    await body(page).press('End');
    await tool(page, 'Table').click();
    expect(await body(page).inputValue()).toContain('Intro\n\n| Column 1 | Column 2 |\n| --- | --- |');

    // The media library's picker answers the Image button (picking is media-library.test.ts's
    // journey); the browser's own prompt, the fallback of a page without it, never opens.
    const prompts: string[] = [];
    page.on('dialog', (dialog) => {
      prompts.push(dialog.message());
      void dialog.dismiss();
    });
    await body(page).fill('');
    await tool(page, 'Image').click();
    await page.locator('dialog[open]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    expect(prompts).toEqual([]);
    expect(await body(page).inputValue()).toBe('');

    await body(page).fill('See ');
    await body(page).press('End');
    await tool(page, 'Link to a story').click();
    await page.getByLabel('Search stories by title or slug').fill('B300');
    const result = page.locator('[data-story-link-results] button').first();
    await result.waitFor();
    await result.click();
    expect(await body(page).inputValue()).toMatch(/^See \[[^\]]*B300[^\]]*\]\(story:\d+\)$/);

    // Arrow keys move along the toolbar; the FAQ button adds a question row.
    const questions = await page.locator('[name="faqQuestion"]').count();
    await tool(page, 'Heading 2').focus();
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('FAQ item');
    await page.keyboard.press('Enter');
    expect(await page.locator('[name="faqQuestion"]').count()).toBe(questions + 1);
  });

  it('warns before leaving unsaved changes, and not after a save', async () => {
    const dialogs: string[] = [];
    const leaving = await people.signedIn({ email: 'leaver@example.test', role: 'editor' });
    leaving.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await open(leaving);
    await body(leaving).fill(`${(await stored())?.bodyMarkdown ?? ''}\n\nOne more line.`);
    await leaving.close({ runBeforeUnload: true });
    await eventually(() => dialogs.includes('beforeunload'), 'the leave warning');

    const saver = await people.signedIn({ email: 'leaver@example.test', role: 'editor' });
    const seen: string[] = [];
    saver.on('dialog', (dialog) => {
      seen.push(dialog.type());
      void dialog.accept();
    });
    await open(saver);
    await saver.getByLabel('Summary').fill('A summary saved before leaving.');
    expect(await follow(saver, () => saver.getByRole('button', { name: 'Save', exact: true }).click())).toBe(
      200,
    );
    expect(saver.url()).toContain('notice=saved');
    expect(seen).toEqual([]);
  });

  it('autosaves while typing; after the tab is closed, reopening offers the text back', async () => {
    const first = await people.signedIn({ email: 'crash@example.test', role: 'editor' });
    await open(first);
    const typed = 'Typed just before the laptop died.';
    await body(first).fill(typed);
    await first.locator('[data-save-state]').filter({ hasText: 'autosaved' }).waitFor();
    await first.close();

    const again = await people.signedIn({ email: 'crash@example.test', role: 'editor' });
    await open(again);
    expect(await body(again).inputValue()).not.toBe(typed);
    expect(await seriousViolations(again)).toEqual([]);
    const restore = again.getByRole('link', { name: /^Restore unsaved changes from / });
    expect(await follow(again, () => restore.click())).toBe(200);
    expect(await body(again).inputValue()).toBe(typed);
    expect(await follow(again, () => again.getByRole('button', { name: 'Save', exact: true }).click())).toBe(
      200,
    );
    expect((await stored())?.bodyMarkdown).toBe(typed);
  });

  it('adds a source in place, keeping the hero description and the FAQ', async () => {
    const p = await people.signedIn({ email: 'sourcer@example.test', role: 'editor' });
    await open(p);
    const url = p.url();
    await p.getByLabel(/^Hero image description/).fill('A new description of the hero');
    await p.locator('[data-faq-action="add"]').click();
    await p.locator('[name="faqQuestion"]').last().fill('Is this kept?');
    await p.locator('[name="faqAnswer"]').last().fill('Yes, all of it.');
    const rows = await p.locator('[name="sourceUrl"]').count();
    await p.getByRole('button', { name: 'Add a source' }).click();
    expect(await p.locator('[name="sourceUrl"]').count()).toBe(rows + 1);
    expect(p.url()).toBe(url);
    expect(await p.getByLabel(/^Hero image description/).inputValue()).toBe('A new description of the hero');
    await p.locator('[name="sourceUrl"]').last().fill('https://example.com/added-source');
    expect(await follow(p, () => p.getByRole('button', { name: 'Save', exact: true }).click())).toBe(200);
    expect(p.url()).toContain('notice=saved');
    const story = await findStory(site.testApp.database.db, storyId);
    expect(story?.sources.map((s) => s.url)).toContain('https://example.com/added-source');
    const variant = story?.variants.find((v) => v.locale === 'en');
    expect(variant?.heroAlt).toBe('A new description of the hero');
    expect(variant?.faq.at(-1)).toEqual({ question: 'Is this kept?', answer: 'Yes, all of it.' });
  });

  it('saves without JavaScript, a source row added through the server losing nothing', async () => {
    const p = await people.signedIn({ email: 'nojs@example.test', role: 'editor' }, { javaScript: false });
    await open(p);
    await p.getByLabel('Summary').fill('Written with scripts off.');
    await p.getByLabel(/^Hero image description/).fill('Alt typed with scripts off');
    const rows = await p.locator('[name="sourceUrl"]').count();
    expect(await follow(p, () => p.getByRole('button', { name: 'Add a source' }).click())).toBe(200);
    expect(await p.locator('[name="sourceUrl"]').count()).toBe(rows + 1);
    expect(await p.getByLabel('Summary').inputValue()).toBe('Written with scripts off.');
    expect(await p.getByLabel(/^Hero image description/).inputValue()).toBe('Alt typed with scripts off');
    expect(await follow(p, () => p.getByRole('button', { name: 'Save', exact: true }).click())).toBe(200);
    expect(p.url()).toContain('notice=saved');
    expect((await stored())?.summary).toBe('Written with scripts off.');
    expect((await stored())?.heroAlt).toBe('Alt typed with scripts off');
  });

  it('shows the second of two people the first one’s version, and lets them save theirs over it', async () => {
    const ana = await people.signedIn({ email: 'ana@example.test', role: 'editor' });
    const bo = await people.signedIn({ email: 'bo@example.test', role: 'editor' });
    await open(ana);
    await open(bo);
    await ana.getByLabel('Summary').fill('Ana’s summary.');
    expect(await follow(ana, () => ana.getByRole('button', { name: 'Save', exact: true }).click())).toBe(200);

    await bo.getByLabel('Summary').fill('Bo’s summary.');
    // Bo's autosave learns that Ana saved meanwhile.
    await bo.locator('[data-save-state]').filter({ hasText: 'ana@example.test' }).waitFor();
    expect(await follow(bo, () => bo.getByRole('button', { name: 'Save', exact: true }).click())).toBe(409);
    const conflict = bo.locator('[data-conflict]');
    await expect(conflict.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(
      /ana@example\.test/,
    );
    expect(await conflict.locator('del').allTextContents()).toContain('Ana’s summary.\n');
    expect(await bo.getByLabel('Summary').inputValue()).toBe('Bo’s summary.');
    expect(await seriousViolations(bo)).toEqual([]);
    const overwrite = bo.getByRole('button', { name: 'Save my version over theirs' });
    expect(await follow(bo, () => overwrite.click())).toBe(200);
    expect((await stored())?.summary).toBe('Bo’s summary.');
  });

  it('speaks Chinese to a Chinese-speaking editor, axe-clean', async () => {
    const p = await people.signedIn({ email: 'zh-writer@example.test', role: 'editor', uiLocale: 'zh' });
    await open(p, `/admin/stories/${storyId}/zh`);
    expect(await p.getByRole('toolbar', { name: '格式' }).getByRole('button', { name: '粗体' }).count()).toBe(
      1,
    );
    await body(p).fill('文字');
    await body(p).selectText();
    await p.keyboard.press('Control+B');
    expect(await body(p).inputValue()).toBe('**文字**');
    await p.locator('[data-save-state]').filter({ hasText: '自动保存' }).waitFor();
    expect(await seriousViolations(p)).toEqual([]);
  });
});
