import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStoryIdBySlug } from '../../src/stories/index.js';
import { readFeed } from '../support/syndication-checks.js';
import { type DemoSite, launchBrowser, seriousViolations, signInAs, startDemoSite } from './support.js';

/** The newest story of the demo, first on the front page. */
const LEAD_SLUG = 'deepseek-r2-reasoning';

describe('people on the site, clicked through', () => {
  let browser: Browser;
  let site: DemoSite;
  beforeAll(async () => {
    browser = await launchBrowser();
    site = await startDemoSite();
  }, 120_000);
  afterAll(async () => {
    await site?.close();
    await browser?.close();
  });

  it('a person fills their profile, an editor credits them, readers in en and zh follow the bylines', async () => {
    const writer = await browser.newPage();
    await signInAs(site, writer, {
      email: 'lihua@example.test',
      role: 'translator',
      locales: ['en'],
      uiLocale: 'zh',
    });
    await site.testApp.database.db
      .updateTable('users')
      .set({ display_name: '李华' })
      .where('email', '=', 'lihua@example.test')
      .execute();
    await writer.goto(`${site.url}/admin/account`);
    await writer.locator('select[name="uiLocale"]').selectOption('zh');
    await writer.locator('input[name="slug"]').fill('li-hua');
    await writer.locator('input[name="isPublic"]').check();
    await writer.locator('textarea[name="bio.zh"]').fill('专注芯片与模型的译者。');
    await writer.locator('textarea[name="bio.en"]').fill('Translator covering chips and models.');
    await Promise.all([
      writer.waitForURL(/notice=saved/),
      writer.locator('form.profile-form button[type="submit"]').click(),
    ]);
    expect(await writer.locator('html').getAttribute('lang')).toMatch(/^zh/);
    expect(await seriousViolations(writer)).toEqual([]);

    const editor = await browser.newPage();
    await signInAs(site, editor, { email: 'desk-editor@example.test', role: 'editor', uiLocale: 'en' });
    const storyId = await findStoryIdBySlug(site.testApp.database.db, 'en', 'nvidia-26b-open-models');
    await editor.goto(`${site.url}/admin/stories/${storyId}/en`);
    const translatorId = await editor
      .locator('select[name="bylineTranslator"] option', { hasText: '李华' })
      .getAttribute('value');
    await editor.locator('select[name="bylineTranslator"]').selectOption(translatorId ?? '');
    await Promise.all([
      editor.waitForURL(/notice=saved/),
      editor.locator('button[name="intent"][value="save"]').first().click(),
    ]);
    expect(await seriousViolations(editor)).toEqual([]);
    // They wrote the Chinese text of the newest story, the front page's lead: its card names them.
    const leadId = await findStoryIdBySlug(site.testApp.database.db, 'zh', LEAD_SLUG);
    await editor.goto(`${site.url}/admin/stories/${leadId}/zh`);
    await editor.locator('select[name="bylineAuthor"]').selectOption(translatorId ?? '');
    await Promise.all([
      editor.waitForURL(/notice=saved/),
      editor.locator('button[name="intent"][value="save"]').first().click(),
    ]);

    for (const [locale, label, bio] of [
      ['en', 'Translated by', 'Translator covering chips and models.'],
    ] as const) {
      const reader = await browser.newPage();
      await reader.goto(`${site.url}/${locale}/ai-models/nvidia-26b-open-models`);
      const byline = reader.locator('.byline');
      await expect(byline.textContent()).resolves.toContain(label);
      await Promise.all([
        reader.waitForURL(/\/authors\/li-hua$/),
        byline.locator('a', { hasText: '李华' }).click(),
      ]);
      await expect(reader.locator('.author-bio').textContent()).resolves.toBe(bio);
      expect(await reader.locator('.story-list a[href$="nvidia-26b-open-models"]').count()).toBeGreaterThan(
        0,
      );
      expect(await seriousViolations(reader)).toEqual([]);
    }

    // A Chinese reader starts on the front page and follows the card's byline.
    const zhReader = await browser.newPage();
    await zhReader.goto(`${site.url}/zh/`);
    expect(await seriousViolations(zhReader)).toEqual([]);
    const card = zhReader.locator('article.card', {
      has: zhReader.locator(`.card-title a[href="/zh/ai-models/${LEAD_SLUG}"]`),
    });
    await expect(card.locator('.card-byline').first().textContent()).resolves.toContain('李华');
    await Promise.all([
      zhReader.waitForURL(/\/zh\/authors\/li-hua$/),
      card.locator('.card-byline a', { hasText: '李华' }).first().click(),
    ]);
    expect(await zhReader.locator('html').getAttribute('lang')).toMatch(/^zh/);
    await expect(zhReader.locator('h1').textContent()).resolves.toContain('李华');
    await expect(zhReader.locator('.author-bio').textContent()).resolves.toBe('专注芯片与模型的译者。');
    const listed = zhReader.locator('.story-list .card-title a');
    expect(await listed.count()).toBeGreaterThan(0);
    expect(await seriousViolations(zhReader)).toEqual([]);

    // The author's own feed, followed from the page: it parses as RSS and carries their story.
    const feedLink = zhReader.locator('a[href="/zh/authors/li-hua/feed.xml"]');
    expect(await feedLink.count()).toBe(1);
    const [feedResponse] = await Promise.all([
      zhReader.waitForResponse((response) => response.url().endsWith('/zh/authors/li-hua/feed.xml')),
      feedLink.click(),
    ]);
    expect(feedResponse.status()).toBe(200);
    expect(feedResponse.headers()['content-type']).toMatch(/^application\/rss\+xml/);
    const feed = readFeed({ kind: 'rss', body: await feedResponse.text() });
    expect(feed.title).toContain('李华');
    expect(feed.items.some((item) => item.link?.endsWith(`/zh/ai-models/${LEAD_SLUG}`))).toBe(true);
    await zhReader.waitForURL(`${site.url}/zh/authors/li-hua/feed.xml`);
    await zhReader.goBack();
    expect(zhReader.url()).toBe(`${site.url}/zh/authors/li-hua`);

    // And back on the author page, the reader opens the story from the list.
    const title = (await listed.first().textContent())?.trim() ?? '';
    const href = (await listed.first().getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/zh\//);
    await Promise.all([zhReader.waitForURL(`${site.url}${href}`), listed.first().click()]);
    await expect(zhReader.locator('h1').textContent()).resolves.toBe(title);
    await expect(zhReader.locator('.byline').textContent()).resolves.toContain('李华');
    expect(await seriousViolations(zhReader)).toEqual([]);
  }, 180_000);
});
