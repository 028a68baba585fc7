import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveMediaTexts } from '../../src/media/index.js';
import { findStory, findStoryIdBySlug, insertMedia } from '../../src/stories/index.js';
import { type DemoSite, launchBrowser, sameOriginContext, signInAs, startDemoSite } from './support.js';

// The hero picker in Chromium with JavaScript off: a library larger than one page, an older image
// found through the picker's search, and the story saved with it, without losing what was typed.

describe.sequential('the hero picker without JavaScript', { timeout: 180_000 }, () => {
  let site: DemoSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let storyId = 0;
  let lighthouseId = 0;

  beforeAll(async () => {
    [browser, site] = await Promise.all([launchBrowser(), startDemoSite()]);
    const { db } = site.testApp.database;
    storyId = (await findStoryIdBySlug(db, 'en', 'nvidia-26b-open-models')) as number;
    // Rows only (the thumbnails are not served): 30 images, the lighthouse among the oldest.
    for (let n = 1; n <= 30; n += 1) {
      const name = `nojs-library-${String(n).padStart(2, '0')}`;
      const id = await insertMedia(
        db,
        {
          fileName: `${name}.webp`,
          mimeType: 'image/webp',
          width: 1600,
          height: 900,
          renditions: [{ width: 480, file: `${name}-480.webp` }],
          credit: '',
        },
        new Date(Date.UTC(2026, 10, n)),
      );
      if (n === 2) lighthouseId = id;
    }
    await saveMediaTexts(db, lighthouseId, { en: { alt: 'A lighthouse at dusk', credit: '' } }, new Date());
    const own = await sameOriginContext(browser, site.url, {
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
    });
    context = own.context;
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    await signInAs(site, page, { email: 'nojs-picker@example.test', role: 'editor', uiLocale: 'en' });
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
  });

  const follow = async (click: () => Promise<void>) => {
    const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), click()]);
    return response?.status();
  };

  it('finds an older image by searching, keeps the typed title, and saves it as the hero', async () => {
    await page.goto(`${site.url}/admin/stories/${storyId}/en`, { waitUntil: 'load' });
    const picker = page.locator('[data-media-picker]');
    // No script ran: the dialog's button stays hidden and the form's own search is there.
    expect(await picker.locator('[data-media-picker-open]').isHidden()).toBe(true);
    const lighthouse = picker.getByRole('radio', { name: 'A lighthouse at dusk' });
    expect(await lighthouse.count()).toBe(0);
    expect(await picker.getByRole('button', { name: 'Older images' }).isVisible()).toBe(true);

    const title = 'Nvidia’s open models, retitled before choosing a hero';
    await page.getByLabel('Title', { exact: true }).fill(title);
    await picker
      .getByRole('searchbox', { name: 'Search by file name, description or credit' })
      .fill('lighthouse');
    expect(await follow(() => picker.getByRole('button', { name: 'Search', exact: true }).click())).toBe(200);

    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
    expect(await lighthouse.count()).toBe(1);
    await lighthouse.check();
    expect(await follow(() => page.getByRole('button', { name: 'Save', exact: true }).click())).toBe(200);
    expect(page.url()).toContain('notice=saved');

    const story = await findStory(site.testApp.database.db, storyId);
    expect(story?.heroMediaId).toBe(lighthouseId);
    expect(story?.variants.find((v) => v.locale === 'en')?.title).toBe(title);
    expect(await picker.getByRole('radio', { name: 'A lighthouse at dusk' }).isChecked()).toBe(true);
  });
});
