import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { photo } from '../support/test-images.js';
import { type DemoSite, launchBrowser, seriousViolations, signInAs, startDemoSite } from './support.js';

// The media journey clicked through in Chromium: upload in the library, describe the image in
// Chinese and English, pick it as a story's hero through the dialog, paste an image into the body.

describe.sequential('the media library and picker', { timeout: 120_000 }, () => {
  let browser: Browser;
  let site: DemoSite;
  let page: Page;
  let storyId: number;
  const shots = process.env.MEDIA_SHOTS_DIR;

  beforeAll(async () => {
    [browser, site] = await Promise.all([launchBrowser(), startDemoSite()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInAs(site, page, { email: 'media-editor@example.test', role: 'editor', uiLocale: 'en' });
    const story = await site.testApp.database.db
      .selectFrom('stories')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    storyId = story.id;
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('uploads an image and keeps its alt text in Chinese and English', async () => {
    await page.goto(`${site.url}/admin/media`);
    const file = path.join(process.env.TMPDIR ?? '/tmp', `media-e2e-${process.pid}.jpg`);
    await (await photo(1400, 900)).jpeg().toFile(file);
    await page.getByLabel('Image file').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.waitForURL(/notice=uploaded/);
    await page.getByLabel('Description (alt text), 中文').fill('雪山上的日出');
    await page.getByLabel('Description (alt text), English').fill('Sunrise over a snowy mountain');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/notice=saved/);
    expect(await page.getByLabel('Description (alt text), 中文').inputValue()).toBe('雪山上的日出');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${site.url}/admin/media?q=${encodeURIComponent('snowy')}`);
    await expect
      .poll(() => page.locator('.media-grid .media-alt').allTextContents())
      .toEqual(['Sunrise over a snowy mountain']);
    expect(await seriousViolations(page)).toEqual([]);
    if (shots) {
      await page.goto(`${site.url}/admin/media`);
      await page.screenshot({ path: `${shots}/media-library-1280.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${shots}/media-library-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  for (const locale of ['zh', 'en'] as const) {
    it(`picks the hero through the dialog and pastes an image into the ${locale} body`, async () => {
      await page.goto(`${site.url}/admin/stories/${storyId}/${locale}`);
      await page.locator('[data-media-picker-open]').click();
      const dialog = page.locator('dialog.media-dialog');
      await dialog.getByRole('searchbox').fill(locale === 'zh' ? '雪山' : 'snowy');
      const alt = locale === 'zh' ? '雪山上的日出' : 'Sunrise over a snowy mountain';
      await expect.poll(() => dialog.locator('.media-dialog-item span').allTextContents()).toEqual([alt]);
      expect(await seriousViolations(page)).toEqual([]);
      if (shots) {
        await page.screenshot({ path: `${shots}/media-picker-${locale}-1280.png` });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: `${shots}/media-picker-${locale}-390.png` });
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      await dialog.locator('.media-dialog-item').first().click();
      const checked = page.locator('[data-media-picker] input[type=radio]:checked');
      await expect
        .poll(() => checked.evaluate((radio) => (radio as HTMLInputElement).dataset.defaultAlt))
        .toBe(alt);
      expect(await page.locator('[name="heroAlt"]').getAttribute('placeholder')).toBe(alt);

      // Paste: a real ClipboardEvent carrying a PNG file, as a browser makes one.
      const png = (await (await photo(300, 200)).png().toBuffer()).toString('base64');
      const body = page.locator('textarea[data-markdown-body]');
      await body.evaluate((textarea, base64) => {
        const area = textarea as HTMLTextAreaElement;
        area.focus();
        area.setSelectionRange(0, 0);
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
        area.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }, png);
      await eventually(
        async () => /^!\[\]\(\/media\/[0-9a-f]{16}-300\.webp\)/.test(await body.inputValue()),
        'the pasted image inserted at the caret',
        { timeoutMs: 20_000 },
      );
      await eventually(
        async () => (await page.locator('[data-preview-target] img[src*="-300.webp"]').count()) > 0,
        'the pasted image in the live preview',
        { timeoutMs: 20_000 },
      );
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it('says clearly why a pasted file was refused', async () => {
    await page.goto(`${site.url}/admin/stories/${storyId}/en`);
    const body = page.locator('textarea[data-markdown-body]');
    await body.evaluate((textarea) => {
      const data = new DataTransfer();
      data.items.add(new File(['not an image at all'], 'notes.png', { type: 'image/png' }));
      textarea.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await eventually(
      async () =>
        /notes\.png was not uploaded: .*not a JPEG, PNG/.test(
          (await page.locator('.media-upload-status').textContent()) ?? '',
        ),
      'the refusal shown under the body',
      { timeoutMs: 20_000 },
    );
  });
});
