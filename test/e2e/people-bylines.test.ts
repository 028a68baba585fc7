import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStoryIdBySlug } from '../../src/stories/index.js';
import { type DemoSite, launchBrowser, seriousViolations, signInAs, startDemoSite } from './support.js';

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

  it('a person fills their profile, an editor credits them as translator, a reader follows the byline', async () => {
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
    const zhReader = await browser.newPage();
    await zhReader.goto(`${site.url}/zh/authors/li-hua`);
    await expect(zhReader.locator('.author-bio').textContent()).resolves.toBe('专注芯片与模型的译者。');
    expect(await seriousViolations(zhReader)).toEqual([]);
  }, 180_000);
});
