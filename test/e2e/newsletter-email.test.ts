import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDigest, fillDigestLinks } from '../../src/newsletter/digest/index.js';
import { htmlLangTag } from '../../src/publishing/index.js';
import { type DemoSite, LOCALES, launchBrowser, startDemoSite } from './support.js';

// The digest email as a mail client's web view shows it: the demo newsroom's stories over three
// weeks, filled for one subscriber, opened in Chromium on a phone and on a desktop. Images come
// from the running demo site, so their real sizes are laid out.

const WIDTHS = [375, 1024];
const SITE_NAMES: Record<string, string> = { zh: '码速', en: 'Code Velocity' };

let site: DemoSite;
let browser: Browser;
const emails = new Map<string, string>();

beforeAll(async () => {
  browser = await launchBrowser();
  site = await startDemoSite();
  for (const locale of LOCALES) {
    const digest = await composeDigest(
      {
        db: site.testApp.database.db,
        siteUrl: site.url,
        siteName: (l) => SITE_NAMES[l] ?? '',
        languageTag: htmlLangTag,
      },
      {
        locale,
        frequency: 'weekly',
        topics: [],
        since: '2026-11-10T00:00:00.000Z',
        until: '2026-12-01T00:00:00.000Z',
      },
    );
    if (!digest) throw new Error(`the demo content gave no ${locale} digest`);
    const filled = fillDigestLinks(digest, {
      preferencesUrl: `${site.url}/${locale}/newsletter/preferences/token`,
      unsubscribeUrl: `${site.url}/${locale}/newsletter/unsubscribe/token`,
    });
    emails.set(locale, filled.html);
  }
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function openEmail(
  locale: string,
  width: number,
  run: (page: Page) => Promise<void>,
  options: { screenshot?: boolean } = {},
): Promise<void> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  try {
    const page = await context.newPage();
    await page.setContent(emails.get(locale) ?? '', { waitUntil: 'load' });
    await page.waitForFunction(
      () => [...document.images].every((image) => image.complete && image.naturalWidth > 0),
      undefined,
      { timeout: 10_000 },
    );
    await run(page);
    const dir = process.env.SCREENSHOT_DIR;
    if (dir && options.screenshot) {
      fs.mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, `digest-${locale}-${width}.png`), fullPage: true });
    }
  } finally {
    await context.close();
  }
}

const cases = WIDTHS.flatMap((width) => LOCALES.map((locale) => ({ locale, width })));

describe.each(cases)('the $locale digest at $width px', ({ locale, width }) => {
  it('never scrolls sideways', async () => {
    await openEmail(
      locale,
      width,
      async (page) => {
        const sizes = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.innerWidth);
      },
      { screenshot: true },
    );
  });

  it('fits every image inside its cell and the viewport', async () => {
    await openEmail(locale, width, async (page) => {
      const images = await page.evaluate(() =>
        [...document.images].map((image) => {
          const box = image.getBoundingClientRect();
          const cell = (image.closest('td') ?? document.body).getBoundingClientRect();
          return {
            src: image.src,
            loaded: image.naturalWidth > 0,
            left: box.left,
            right: box.right,
            width: box.width,
            cellLeft: cell.left,
            cellRight: cell.right,
          };
        }),
      );
      expect(images.length).toBeGreaterThan(5);
      for (const image of images) {
        expect(image, image.src).toMatchObject({ loaded: true });
        expect(image.width, image.src).toBeGreaterThan(100);
        expect(image.left, image.src).toBeGreaterThanOrEqual(image.cellLeft - 0.5);
        expect(image.right, image.src).toBeLessThanOrEqual(image.cellRight + 0.5);
        expect(image.right, image.src).toBeLessThanOrEqual(width);
      }
    });
  });

  it('sets all visible text at 14 px or more', async () => {
    await openEmail(locale, width, async (page) => {
      const small = await page.evaluate(() => {
        const found: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent?.trim() ?? '';
          const parent = node.parentElement;
          if (!text || !parent || parent.getClientRects().length === 0) continue;
          const style = getComputedStyle(parent);
          // The preheader is hidden on purpose: only the inbox list shows it.
          if (style.visibility === 'hidden' || Number(style.opacity) === 0 || style.display === 'none')
            continue;
          if (parent.closest('[style*="display:none"]')) continue;
          const size = Number.parseFloat(style.fontSize);
          if (size < 14) found.push(`${size}px: ${text.slice(0, 40)}`);
        }
        return found;
      });
      expect(small).toEqual([]);
    });
  });

  it('gives every link text to read', async () => {
    await openEmail(locale, width, async (page) => {
      const links = await page.evaluate(() =>
        [...document.querySelectorAll('a')].map((a) => ({
          href: a.getAttribute('href') ?? '',
          // biome-ignore lint/performance/useDomNodeTextContent: only text a reader can see counts.
          text: (a.innerText || [...a.querySelectorAll('img')].map((i) => i.alt).join(' ')).trim(),
        })),
      );
      expect(links.length).toBeGreaterThan(10);
      for (const link of links) {
        expect(link.text, link.href).not.toBe('');
        expect(link.href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      }
    });
  });
});
