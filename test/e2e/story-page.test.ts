import { setTimeout as delay } from 'node:timers/promises';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoDocument } from '../../src/cli/seed.js';
import { type DemoSite, LOCALES, launchBrowser, PAGES, sameOriginContext, startDemoSite } from './support.js';

// The reader's view of the story page in a real browser: nothing moves, nothing is fetched from
// elsewhere, everything reads without script, a phone never scrolls the page sideways, and the
// enhancement script (site.js) copies the link and keeps the share count.

const STORY_SLUG = 'nvidia-26b-open-models';

function demoVariant(locale: string) {
  const story = readDemoDocument().stories.find((s) => s.variants.some((v) => v.slug === STORY_SLUG));
  const variant = story?.variants.find((v) => v.locale === locale);
  if (!variant) throw new Error(`demo story ${STORY_SLUG} has no ${locale} variant`);
  return variant;
}

let site: DemoSite;
let browser: Browser;

beforeAll(async () => {
  // The browser first: without Chromium the file fails at once, before seeding anything.
  browser = await launchBrowser();
  site = await startDemoSite();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function withPage<T>(
  options: Parameters<Browser['newContext']>[0],
  run: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** Scrolls through the page as a reader would, so lazy images load, and waits until all have. */
async function loadEveryImage(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await frame();
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
    await frame();
  });
  await page.waitForFunction(
    () => [...document.images].every((image) => image.complete && image.naturalWidth > 0),
    undefined,
    { timeout: 10_000 },
  );
}

describe('layout stability', () => {
  const cases = [390, 1280].flatMap((width) => LOCALES.map((locale) => ({ width, locale })));
  it.each(cases)(
    'the $locale story page has no visible layout shift (CLS under 0.001) at $width px',
    async ({ width, locale }) => {
      await withPage({ viewport: { width, height: 844 } }, async (page, context) => {
        // Images arrive well after the text, as on a slow network: an image box without reserved
        // space would then push the text below it down.
        await context.route('**/media/**', async (route) => {
          await delay(300);
          await route.continue();
        });
        await page.goto(site.url + PAGES.story(locale), { waitUntil: 'load' });
        await loadEveryImage(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        const shifts = await page.evaluate(() => {
          // With `buffered`, observe() puts the shifts recorded so far in the observer's buffer at
          // once (Performance Timeline, "observe"), so takeRecords() reads them without waiting.
          const observer = new PerformanceObserver(() => {});
          observer.observe({ type: 'layout-shift', buffered: true });
          const entries = observer.takeRecords() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[];
          observer.disconnect();
          const counted = entries.filter((entry) => !entry.hadRecentInput);
          return {
            total: counted.reduce((sum, entry) => sum + entry.value, 0),
            count: counted.length,
            observed: PerformanceObserver.supportedEntryTypes.includes('layout-shift'),
          };
        });
        expect(shifts.observed).toBe(true);
        // A real shift (an image without its box, a late font swap) scores 0.01 or more; on a
        // loaded machine Chromium has reported a subpixel 0.00002 once, which no reader sees.
        expect(shifts.total).toBeLessThan(0.001);
      });
    },
  );
});

describe('requests', () => {
  it('every request of a page goes to the site itself', async () => {
    const { context, foreign } = await sameOriginContext(browser, site.url);
    try {
      const page = await context.newPage();
      const requested: string[] = [];
      page.on('request', (request) => {
        requested.push(request.url());
      });
      for (const locale of LOCALES) {
        for (const path of [PAGES.front(locale), PAGES.story(locale), PAGES.zhOnlyStory(locale)]) {
          await page.goto(site.url + path, { waitUntil: 'load' });
          await loadEveryImage(page);
        }
      }
      const elsewhere = requested.filter(
        (url) => !url.startsWith('data:') && new URL(url).origin !== site.url,
      );
      expect(elsewhere).toEqual([]);
      expect(foreign).toEqual([]);
      // The recorder saw the page's own resources, so an empty list above means something.
      expect(requested.some((url) => /\/assets\/site\.\w+\.css$/.test(url))).toBe(true);
      expect(requested.some((url) => /\/assets\/site\.\w+\.js$/.test(url))).toBe(true);
      expect(requested.some((url) => url.includes('/media/'))).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('without JavaScript', () => {
  it.each(LOCALES)('the %s story reads in full: title, body, FAQ', async (locale) => {
    const variant = demoVariant(locale);
    await withPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } }, async (page) => {
      await page.goto(site.url + PAGES.story(locale), { waitUntil: 'load' });
      const title = page.locator('h1');
      expect(await title.textContent()).toBe(variant.title);
      expect(await title.isVisible()).toBe(true);

      const paragraphs = page.locator('.story-body > p');
      expect(await paragraphs.count()).toBeGreaterThan(5);
      expect(await paragraphs.first().isVisible()).toBe(true);
      expect((await page.locator('.story-body h2').allTextContents()).length).toBeGreaterThan(2);

      const questions = await page.locator('.faq h3').allTextContents();
      expect(questions).toEqual((variant.faq ?? []).map((item) => item.question));
      expect(await page.locator('.faq-answer').first().isVisible()).toBe(true);
      expect(await page.locator('.faq h3').last().isVisible()).toBe(true);

      // Share links stay plain links; the copy button, which needs script, stays out of the way.
      expect(await page.locator('a.share-link').count()).toBeGreaterThan(2);
      expect(await page.locator('[data-copy-url]').isVisible()).toBe(false);
      // ...and takes no room: the place kept for it is only kept when script runs.
      expect(await page.locator('[data-copy-item]').evaluate((item) => getComputedStyle(item).display)).toBe(
        'none',
      );
    });
  });

  it('the zh-only story reads in English with its notice', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(site.url + PAGES.zhOnlyStory('en'), { waitUntil: 'load' });
      expect(await page.locator('.notice').isVisible()).toBe(true);
      expect(await page.locator('article.story').getAttribute('lang')).toMatch(/^zh/);
      expect(((await page.locator('h1').textContent()) ?? '').length).toBeGreaterThan(5);
      expect(await page.locator('.story-body > p').count()).toBeGreaterThan(2);
    });
  });
});

describe('on a 390px phone', () => {
  const phone = {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  };

  it.each([
    ...LOCALES.map((locale) => PAGES.story(locale)),
    ...LOCALES.map((locale) => PAGES.front(locale)),
    PAGES.section('zh'),
    PAGES.zhOnlyStory('en'),
    PAGES.kindHub('en'),
  ])('%s does not scroll sideways', async (path) => {
    await withPage(phone, async (page) => {
      await page.goto(site.url + path, { waitUntil: 'load' });
      const sizes = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(sizes.innerWidth).toBe(390);
      expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.innerWidth);
    });
  });

  it.each(LOCALES)('the %s comparison table scrolls inside its own region', async (locale) => {
    await withPage(phone, async (page) => {
      await page.goto(site.url + PAGES.story(locale), { waitUntil: 'load' });
      // The title is on the first screen, above the meta line and the share row.
      const title = await page.locator('h1').boundingBox();
      expect(title && title.y + title.height).toBeLessThanOrEqual(844);

      const region = page.locator('.story-body [role="region"]').first();
      expect(await region.getAttribute('tabindex')).toBe('0');
      expect((await region.getAttribute('aria-label'))?.length).toBeGreaterThan(0);
      expect(await region.locator('table').count()).toBe(1);
      const before = await region.evaluate((el) => ({
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
        right: el.getBoundingClientRect().right,
      }));
      expect(before.scrollWidth).toBeGreaterThan(before.clientWidth);
      expect(before.right).toBeLessThanOrEqual(390);

      // Keyboard users scroll it: focus the region and press the arrow keys.
      await region.focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((el) => el.scrollLeft), { timeout: 2_000 }).toBeGreaterThan(0);
      const after = await page.evaluate(() => ({
        pageX: window.scrollX,
        scrollWidth: document.documentElement.scrollWidth,
      }));
      expect(after.pageX).toBe(0);
      expect(after.scrollWidth).toBeLessThanOrEqual(390);

      // The first column stays put while the others scroll under it.
      const offsets = await region.evaluate((el) => {
        const cell = el.querySelector('tbody tr > :first-child') as HTMLElement;
        const next = el.querySelector('tbody tr > :nth-child(2)') as HTMLElement;
        const left = el.getBoundingClientRect().left + el.clientLeft;
        return {
          first: Math.round(cell.getBoundingClientRect().left - left),
          second: Math.round(next.getBoundingClientRect().left - left),
          firstWidth: Math.round(cell.getBoundingClientRect().width),
        };
      });
      expect(offsets.first).toBe(0);
      expect(offsets.second).toBeLessThan(offsets.firstWidth);
      // ...without taking most of the screen, so the scrolled columns still have room.
      expect(offsets.firstWidth).toBeLessThanOrEqual(390 * 0.45);
    });
  });
});

/** A context that stays on the site and may use the clipboard, as a visitor with `userAgent`. */
async function visitor(userAgent: string): Promise<BrowserContext> {
  const { context } = await sameOriginContext(browser, site.url, { userAgent });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  return context;
}

function isSharePost(request: Request): boolean {
  return request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/share/');
}

const shareCount = (page: Page) => page.locator('[data-share-count]').textContent();

// site.js: the copy-link button copies the story's address and counts a share, a click on a share
// link counts one too, and the count on the page follows the server's answer.
describe('the share row with script', () => {
  it('copies the story address, says so, and counts one share per visitor network', async () => {
    let start = 0;
    const first = await visitor('VelocityTest/1 (first reader)');
    try {
      const page = await first.newPage();
      await page.goto(site.url + PAGES.story('en'), { waitUntil: 'load' });
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(canonical).toMatch(/\/en\/ai-models\/nvidia-26b-open-models$/);
      start = Number(await shareCount(page));
      expect(start).toBeGreaterThan(0);

      // The script reveals the button (it needs the clipboard API, so it starts hidden).
      const button = page.locator('[data-copy-url]');
      await button.waitFor({ state: 'visible', timeout: 5_000 });
      const endpoint = await page.locator('[data-share-endpoint]').getAttribute('data-share-endpoint');
      expect(endpoint).toMatch(/^\/share\/\d+$/);

      const [post] = await Promise.all([page.waitForRequest(isSharePost), button.click()]);
      expect(new URL(post.url()).pathname).toBe(endpoint);
      expect(post.postDataJSON()).toEqual({ network: 'copy' });
      const answer = await (await post.response())?.json();
      expect(answer).toEqual({ count: start + 1, counted: true });

      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
      const copied = await button.getAttribute('data-copied');
      await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe(copied);
      await expect.poll(() => shareCount(page)).toBe(String(start + 1));

      // A share does not cost a re-render: the cached page keeps its count until the background
      // refresh drops the pages of shared stories (every 15 minutes in a running server).
      await page.reload({ waitUntil: 'load' });
      expect(await shareCount(page)).toBe(String(start));
      site.testApp.site.refreshShareCounts();
      await page.reload({ waitUntil: 'load' });
      expect(await shareCount(page)).toBe(String(start + 1));

      // A share link counts as well, but the same visitor is counted once a day.
      await preventNavigation(page);
      const link = page.locator('a.share-link[data-network="x"]');
      const [again] = await Promise.all([page.waitForRequest(isSharePost), link.click()]);
      expect(again.postDataJSON()).toEqual({ network: 'x' });
      expect(await (await again.response())?.json()).toEqual({ count: start + 1, counted: false });
      expect(await shareCount(page)).toBe(String(start + 1));
    } finally {
      await first.close();
    }

    // Another browser from the same network (here the same address) is the same visitor: changing
    // the User-Agent does not count again.
    const second = await visitor('VelocityTest/2 (second reader)');
    try {
      const page = await second.newPage();
      await page.goto(site.url + PAGES.story('zh'), { waitUntil: 'load' });
      expect(await shareCount(page)).toBe(String(start + 1));
      await preventNavigation(page);
      const link = page.locator('a.share-link[data-network="email"]');
      const [post] = await Promise.all([page.waitForRequest(isSharePost), link.click()]);
      expect(post.postDataJSON()).toEqual({ network: 'email' });
      expect(await (await post.response())?.json()).toEqual({ count: start + 1, counted: false });
      expect(await shareCount(page)).toBe(String(start + 1));
    } finally {
      await second.close();
    }
  });

  it('keeps the copy button hidden where the clipboard API is missing', async () => {
    const { context } = await sameOriginContext(browser, site.url);
    try {
      const page = await context.newPage();
      await page.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
      });
      await page.goto(site.url + PAGES.story('en'), { waitUntil: 'load' });
      // The script ran (it counts link clicks) but left the button it cannot serve hidden.
      await page.waitForFunction(() => document.readyState === 'complete');
      expect(await page.locator('[data-copy-url]').isVisible()).toBe(false);
      expect(await page.locator('a.share-link').first().isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

/**
 * Keeps a share link's click on the page (the network's share page would open in a new tab and
 * leave the site); the click still bubbles to the share row, where site.js counts it.
 */
async function preventNavigation(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.addEventListener(
      'click',
      (event) => {
        if (event.target instanceof Element && event.target.closest('a.share-link')) event.preventDefault();
      },
      true,
    );
  });
}
