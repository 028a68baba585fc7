import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStory } from '../../src/stories/index.js';
import { type DemoSite, launchBrowser, sameOriginContext, signInAs, startDemoSite } from './support.js';

// One editorial flow through the admin in a real browser against the real server: a Chinese story
// with a table and an FAQ, a QA refusal for an English answer, the fix, a hero image, a preview
// link opened by someone signed out, an English translation, the public page with its language
// alternates and hero image, a stale translation after a source edit, and a restore from the
// history.

const ARTIFACTS = path.resolve('test-results/newsroom');
const SLUG = 'e2e-quantum-chip';

const BODY_V1 = [
  '本周，一家初创公司发布了新的量子芯片，宣称在纠错方面取得了重要进展。',
  '',
  '| 指标 | 旧芯片 | 新芯片 |',
  '| --- | --- | --- |',
  '| 量子比特 | 64 | 128 |',
  '| 错误率 | 百分之一 | 千分之一 |',
  '',
  '研究人员表示，这款芯片将在明年向合作伙伴开放测试。',
].join('\n');
const BODY_V2 = `${BODY_V1}\n\n分析师认为，量产仍然需要至少三年时间。`;

let site: DemoSite;
let browser: Browser;
let context: BrowserContext;
let foreign: string[];
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  // SITE_URL is the server's own address: the preview link the editor copies must open.
  site = await startDemoSite({ ownSiteUrl: true });
  ({ context, foreign } = await sameOriginContext(browser, site.url, {
    viewport: { width: 1280, height: 900 },
  }));
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // Seeding the demo and starting Chromium take well over a minute on a loaded machine.
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

/** Submits the editor with one of its buttons and waits for the page the server answers with. */
async function press(name: string): Promise<number | undefined> {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return response?.status();
}

describe.sequential('an editor’s day in the newsroom', () => {
  let storyId = 0;
  const editorPath = (locale: string) => `/admin/stories/${storyId}/${locale}`;

  it('signs in as an editor', async () => {
    await signInAs(site, page, { email: 'flow-editor@example.test', role: 'editor' });
    expect(new URL(page.url()).pathname).toBe('/admin');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
  });

  it('creates a zh story with a table and an FAQ whose answer is English', async () => {
    await page.goto(`${site.url}/admin/stories/new`);
    await page.getByLabel('Section').selectOption('ai-models');
    await page.getByLabel('Written in').selectOption('zh');
    await page.getByLabel('Title', { exact: true }).fill('初创公司发布新一代量子芯片');
    await page.getByLabel('Address (slug)').fill(SLUG);
    await page.getByLabel('Summary').fill('新芯片的量子比特数量翻倍，错误率大幅下降。');
    await page.getByLabel('Body (Markdown)').fill(BODY_V1);
    await press('Create draft');
    const match = /\/admin\/stories\/(\d+)\/zh/.exec(page.url());
    expect(match, page.url()).not.toBeNull();
    storyId = Number(match?.[1]);

    // The FAQ is added in the editor, with its own button (admin.js adds the row in place).
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question 1').fill('这款芯片什么时候可以测试？');
    await page.getByLabel('Answer 1').fill('Partners can start testing the chip early next year.');
    // The preview renders the table (and the FAQ) from the Markdown as the site will publish it.
    expect(await press('Preview')).toBe(200);
    expect(await page.locator('[data-preview-target] table').count()).toBe(1);
    expect(await page.locator('[data-preview-target] table td').allTextContents()).toContain('千分之一');
    expect(await page.getByLabel('Answer 1').inputValue()).toContain('Partners can start');
    await page.screenshot({ path: path.join(ARTIFACTS, 'editor-zh.png'), fullPage: true });
  });

  it('refuses to publish: the English answer is reported inline', async () => {
    expect(await press('Publish')).toBe(422);
    const qa = page.locator('section[aria-labelledby="qa_heading"]');
    await expect.poll(() => qa.textContent()).toMatch(/FAQ 1, answer reads as English, not Chinese/);
    expect(await qa.textContent()).toContain('Partners can start testing');
    // The typed text survived the refusal, and nothing went live.
    expect(await page.getByLabel('Answer 1').inputValue()).toContain('Partners can start');
    const story = await findStory(site.testApp.database.db, storyId);
    expect(story?.variants.find((v) => v.locale === 'zh')?.status).not.toBe('published');
    expect((await page.request.get(`${site.url}/zh/ai-models/${SLUG}`)).status()).toBe(404);
  });

  it('adds a hero image and shares a preview link that a signed-out reviewer can open', async () => {
    await page.getByLabel('Answer 1').fill('合作伙伴可以在明年年初开始测试这款芯片。');
    // The picker lists the library as radio buttons with thumbnails; the first after "none".
    await page.locator('input[name="heroMediaId"]').nth(1).check();
    await page.getByLabel(/^Hero image description/).fill('一枚量子芯片的特写，金色的线路排列在方形基板上。');
    expect(await press('Save')).toBe(200);
    expect(page.url()).toContain('notice=saved');
    const story = await findStory(site.testApp.database.db, storyId);
    expect(story?.heroMediaId).not.toBeNull();

    expect(await press('Create preview link')).toBe(200);
    const link = (await page.locator('code.secret').textContent())?.trim() ?? '';
    expect(link.startsWith(`${site.url}/preview/`), link).toBe(true);
    // The reviewer has no session: a context of their own, in the same browser.
    const reviewer = await sameOriginContext(browser, site.url);
    try {
      const tab = await reviewer.context.newPage();
      expect((await tab.goto(link, { waitUntil: 'load' }))?.status()).toBe(200);
      await expect
        .poll(() => tab.locator('h1').first().textContent())
        .toContain('初创公司发布新一代量子芯片');
      expect(await tab.locator('main table td').allTextContents()).toContain('千分之一');
      expect(await tab.locator('main').textContent()).toContain('合作伙伴可以在明年年初开始测试这款芯片');
      expect(reviewer.foreign).toEqual([]);
    } finally {
      await reviewer.context.close();
    }
    // Still a draft: the preview published nothing.
    expect((await page.request.get(`${site.url}/zh/ai-models/${SLUG}`)).status()).toBe(404);
  });

  it('publishes once the answer is in Chinese', async () => {
    await page.getByLabel('Answer 1').fill('合作伙伴可以在明年年初开始测试这款芯片。');
    expect(await press('Publish')).toBe(200);
    expect(page.url()).toContain('notice=published');
    const story = await findStory(site.testApp.database.db, storyId);
    expect(story?.variants.find((v) => v.locale === 'zh')?.status).toBe('published');
  });

  it('adds and publishes the en translation from the en tab', async () => {
    await page
      .getByRole('navigation', { name: 'Languages of this story' })
      .getByRole('link', { name: /English/ })
      .click();
    await page.waitForURL(`**${editorPath('en')}`);
    await page.getByLabel('Title', { exact: true }).fill('Start-up unveils a new generation quantum chip');
    await page.getByLabel('Address (slug)').fill(SLUG);
    await page.getByLabel('Summary').fill('The new chip doubles its qubits and cuts the error rate sharply.');
    await page
      .getByLabel('Body (Markdown)')
      .fill(
        [
          'This week a start-up released a new quantum chip and claimed real progress on error correction.',
          '',
          '| Measure | Old chip | New chip |',
          '| --- | --- | --- |',
          '| Qubits | 64 | 128 |',
          '| Error rate | one in a hundred | one in a thousand |',
          '',
          'The researchers say partners will be able to test the chip next year.',
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question 1').fill('When can the chip be tested?');
    await page.getByLabel('Answer 1').fill('Partners can start testing the chip early next year.');
    await page
      .getByLabel(/^Hero image description/)
      .fill('A close-up of a quantum chip, gold traces laid out on a square substrate.');
    expect(await press('Publish')).toBe(200);
    expect(page.url()).toContain('notice=published');
  });

  it('shows the story on the public site with hreflang alternates for zh, en and x-default', async () => {
    const response = await page.goto(`${site.url}/zh/ai-models/${SLUG}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').first().textContent()).toContain('初创公司发布新一代量子芯片');
    expect(await page.locator('main table').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('main').textContent()).toContain('合作伙伴可以在明年年初开始测试这款芯片');
    const hero = page.locator('main img[alt^="一枚量子芯片的特写"]');
    expect(await hero.count()).toBe(1);
    await expect
      .poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    const alternates = await page
      .locator('head link[rel="alternate"][hreflang]')
      .evaluateAll((links) => links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));
    const byLang = Object.fromEntries(alternates);
    expect(Object.keys(byLang).sort()).toEqual(['en', 'x-default', 'zh-Hans']);
    expect(byLang['zh-Hans']).toMatch(new RegExp(`/zh/ai-models/${SLUG}$`));
    expect(byLang.en).toMatch(new RegExp(`/en/ai-models/${SLUG}$`));
    await page.screenshot({ path: path.join(ARTIFACTS, 'story-zh.png'), fullPage: true });
    expect((await page.request.get(`${site.url}/en/ai-models/${SLUG}`)).status()).toBe(200);
  });

  it('marks the en translation stale once the zh source changes', async () => {
    await page.goto(`${site.url}${editorPath('zh')}`);
    await page.getByLabel('Body (Markdown)').fill(BODY_V2);
    expect(await press('Save')).toBe(200);
    // The list marks the translation…
    await page.goto(`${site.url}/admin/stories?translation=stale&locale=en`);
    const row = page.locator('tbody tr').filter({ has: page.locator(`a[href="${editorPath('en')}"]`) });
    expect(await row.locator('.badge-stale').textContent()).toBe('Stale');
    // The editor's en tab carries the same mark.
    const tabs = page.getByRole('navigation', { name: 'Languages of this story' });
    // …and the en editor shows what changed in the source.
    await page.goto(`${site.url}${editorPath('en')}`);
    expect(await tabs.locator(`a[hreflang="en"] .badge-stale`).textContent()).toBe('Stale');
    expect(await tabs.locator(`a[hreflang="zh"] .badge-stale`).count()).toBe(0);
    const panel = page.locator('section[aria-labelledby="translation_heading"]');
    expect(await panel.locator('h2').textContent()).toMatch(/source changed/i);
    expect(await panel.locator('ins').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('分析师认为')]),
    );
  });

  it('restores an earlier zh revision from the history', async () => {
    await page.goto(`${site.url}${editorPath('zh')}`);
    await page.getByRole('link', { name: 'History' }).click();
    await page.waitForURL(/\/revisions\?locale=zh/);
    const revisions = await page.locator('table.data tbody tr').count();
    expect(revisions).toBeGreaterThanOrEqual(2);
    // The row just before the current one: the published text without the analysts' sentence.
    await page
      .locator('table.data tbody tr')
      .nth(1)
      .getByRole('link', { name: 'Compare with current' })
      .click();
    await page.waitForURL(/\/compare\?/);
    expect(await page.locator('ins').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('分析师认为')]),
    );
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: /^Restore revision \d+$/ }).click(),
    ]);
    await page.goto(`${site.url}${editorPath('zh')}`);
    expect(await page.getByLabel('Body (Markdown)').inputValue()).toBe(BODY_V1);
    const story = await findStory(site.testApp.database.db, storyId);
    expect(story?.variants.find((v) => v.locale === 'zh')?.bodyMarkdown).toBe(BODY_V1);
    expect(foreign).toEqual([]);
  });
});
