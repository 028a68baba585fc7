import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStoryIdBySlug } from '../../src/stories/index.js';
import { type DemoSite, launchBrowser, sameOriginContext, signInAs, startDemoSite } from './support.js';

// Script typed into the admin by a person in a browser must never run: not in the admin, not on
// the public site. Every payload would set window.__xss and open a dialog if it ever executed.

const IMG = '<img src=x onerror="window.__xss=1;alert(1)">';
const SCRIPT = '"><script>window.__xss=1;alert(1)</script>';
const SVG = "<svg onload='window.__xss=1;alert(1)'>";
const JS_URL = 'javascript:window.__xss=1;alert(1)';
const ENTITY_SLUG = 'xss-entity';
const STORY_SLUG = 'xss-story';

let site: DemoSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  site = await startDemoSite();
  ({ context } = await sameOriginContext(browser, site.url, { viewport: { width: 1280, height: 900 } }));
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  watchDialogs(page, dialogs);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

function watchDialogs(target: Page, into: string[]): void {
  target.on('dialog', (dialog: Dialog) => {
    into.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
}

/** Submits with a button and waits for the answer; returns its status. */
async function submit(button: ReturnType<Page['locator']>): Promise<number | undefined> {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.click()]);
  return response?.status();
}
const intent = (value: string) => page.locator(`form[data-editor] button[name="intent"][value="${value}"]`);

/** Loads `path`, lets any script have its chance, and reports what ran. */
async function visit(path: string): Promise<{ status: number | undefined; xss: unknown; jsLinks: number }> {
  const response = await page.goto(site.url + path, { waitUntil: 'load' });
  // onerror of a broken image and late handlers fire after load: give them a moment.
  await page.waitForTimeout(300);
  return {
    status: response?.status(),
    xss: await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
    jsLinks: await page.locator('a[href^="javascript:" i], [src^="javascript:" i]').count(),
  };
}

describe('the checks can fail', () => {
  it('catches a dialog and an injected script in a page that runs one', async () => {
    const probe = await context.newPage();
    const seen: string[] = [];
    watchDialogs(probe, seen);
    try {
      await probe.setContent(`<!doctype html><title>x</title><body>${SCRIPT}${IMG}</body>`);
      await probe.waitForTimeout(300);
      expect(seen.length).toBeGreaterThan(0);
      expect(await probe.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBe(1);
    } finally {
      await probe.close();
    }
  });
});

describe.sequential('XSS through the admin', () => {
  let storyId = 0;

  it('takes the payloads through the admin forms', async () => {
    await signInAs(site, page, { email: 'xss-owner@example.test', role: 'owner' });

    // An entity named with script, in both languages.
    await page.goto(`${site.url}/admin/entities/new`);
    await page.locator('input[name="slug"]').fill(ENTITY_SLUG);
    await page.locator('input[name="name.zh"]').fill(`恶意实体 ${IMG}`);
    await page.locator('input[name="name.en"]').fill(`Evil entity ${SCRIPT}`);
    expect(await submit(page.locator('form.panel button[type="submit"]'))).toBeLessThan(400);

    // A story whose every text field carries script.
    await page.goto(`${site.url}/admin/stories/new`);
    await page.locator('select[name="section"]').selectOption('ai-models');
    await page.locator('select[name="sourceLocale"]').selectOption('zh');
    await page.locator('input[name="title"]').fill(`恶意标题测试 ${IMG}`);
    await page.locator('input[name="slug"]').fill(STORY_SLUG);
    await page.locator('textarea[name="summary"]').fill(`这是一个摘要，用于测试脚本注入。${SCRIPT}`);
    await page
      .locator('textarea[name="body"]:not(#story_note_body)')
      .fill(
        [
          '这是正文的第一段，用于测试编辑后台和公开网站是否会执行注入的脚本。',
          '',
          IMG,
          '',
          SCRIPT,
          '',
          SVG,
          '',
          `[点击这里查看详情](${JS_URL}) 以及 <a href="${JS_URL}">另一个链接</a>`,
          '',
          '| 列一 | 列二 |',
          '| --- | --- |',
          `| ${IMG} | 普通文本 |`,
        ].join('\n'),
      );
    await submit(page.locator('form[action="/admin/stories/new"] button[type="submit"]'));
    const match = /\/admin\/stories\/(\d+)\/zh/.exec(page.url());
    expect(match, page.url()).not.toBeNull();
    storyId = Number(match?.[1]);

    await page.locator('[data-faq-action="add"]').click();
    await page.locator('[data-faq-list] [name="faqQuestion"]').last().fill(`这个问题安全吗？${SCRIPT}`);
    await page
      .locator('[data-faq-list] [name="faqAnswer"]')
      .last()
      .fill(`这个回答也应该安全。${IMG} [链接](${JS_URL})`);
    await page.locator('input[name="heroMediaId"]').nth(1).check();
    await page.locator('input[name="heroAlt"]').fill(`图片说明文字 ${SCRIPT}`);
    await page.locator('input[name="entityAdd"]').fill(ENTITY_SLUG);
    // The editor's script adds the source row in place (no round trip).
    await page.locator('[data-source-action="add"]').click();
    await page.locator('[name="sourceUrl"]').last().fill(JS_URL);
    await page.locator('[name="sourcePublisher"]').last().fill(`恶意出版方 ${IMG}`);
    await submit(intent('save'));

    // A javascript: source address is refused, with the typed text kept (and kept inert).
    expect(await page.locator('#source_0_url_error').count()).toBe(1);
    expect(await page.locator('#source_0_url').inputValue()).toBe(JS_URL);
    await page.locator('#source_0_url').fill('https://example.com/report');
    expect(await submit(intent('save'))).toBe(200);
    expect(await page.locator('.field-error').count()).toBe(0);

    // Publish, giving a reason if the quality checks object to the markup-heavy text.
    let status = await submit(intent('publish'));
    if (status === 422 && (await page.locator('textarea[name="qaOverrideReason"]').count()) > 0) {
      await page.locator('textarea[name="qaOverrideReason"]').fill('XSS regression test');
      status = await submit(intent('publish'));
    }
    expect(status).toBe(200);
    expect(page.url()).toContain('notice=published');
    expect(await findStoryIdBySlug(site.testApp.database.db, 'zh', STORY_SLUG)).toBe(storyId);
    expect(dialogs).toEqual([]);
  });

  const TITLE = `恶意标题测试 ${IMG}`;
  const pages = [
    { name: 'the admin editor', path: () => `/admin/stories/${storyId}/zh`, shows: [TITLE] },
    { name: 'the admin story list', path: () => '/admin/stories', shows: [TITLE] },
    { name: 'the admin entity list', path: () => '/admin/entities', shows: ['Evil entity "><script>'] },
    {
      name: 'the public story page',
      path: () => `/zh/ai-models/${STORY_SLUG}`,
      shows: [TITLE, `恶意出版方 ${IMG}`, `这个问题安全吗？${SCRIPT}`, '<svg onload='],
      alt: `图片说明文字 ${SCRIPT}`,
    },
    { name: 'the public section page', path: () => '/zh/ai-models/', shows: [TITLE] },
    {
      name: 'the public entity page',
      path: () => `/zh/topics/${ENTITY_SLUG}`,
      shows: [`恶意实体 ${IMG}`, TITLE],
    },
  ];

  it.for(pages)('$name runs none of it', async ({ path, shows, alt }) => {
    expect(storyId).toBeGreaterThan(0);
    const result = await visit(path());
    expect(result.status).toBe(200);
    expect(result.xss).toBeUndefined();
    expect(result.jsLinks).toBe(0);
    // The payload is there as text (so the test looked at the right page), not as markup.
    const text = (await page.locator('body').textContent()) ?? '';
    for (const typed of shows) expect(text).toContain(typed);
    if (alt)
      expect(await page.locator('main img[alt^="图片说明文字"]').first().getAttribute('alt')).toBe(alt);
    expect(await page.locator('script:not([src]):not([type="application/ld+json"])').count()).toBe(0);
    expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
