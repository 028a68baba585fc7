import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listClusters } from '../../src/desk/index.js';
import { findStoryIdBySlug } from '../../src/stories/index.js';
import { seedDeskFromFiles } from '../support/desk-test-feeds.js';
import { plantNewsletterIssue } from '../support/newsletter-test-issue.js';
import { type DemoSite, launchBrowser, seriousViolations, signInAs, startDemoSite } from './support.js';

// axe-core in Chromium on every kind of admin page, in both admin languages (the person's
// ui_locale) and both colour schemes: no violation of serious or critical impact.

const UI_LOCALES = ['zh', 'en'] as const;
const SCHEMES = ['light', 'dark'] as const;

let site: DemoSite;
let browser: Browser;
let storyId = 0;
let clusterId = 0;
let issueId = 0;
const contexts = new Map<string, BrowserContext>();

/** Admin page kinds; `signedOut` pages are seen without a session. */
const PAGES: { kind: string; path: () => string; signedOut?: boolean }[] = [
  { kind: 'sign-in', path: () => '/admin/sign-in', signedOut: true },
  { kind: 'story list', path: () => '/admin/stories' },
  { kind: 'new story', path: () => '/admin/stories/new' },
  { kind: 'editor (zh tab)', path: () => `/admin/stories/${storyId}/zh` },
  { kind: 'editor (en tab)', path: () => `/admin/stories/${storyId}/en` },
  { kind: 'revisions', path: () => `/admin/stories/${storyId}/revisions?locale=zh` },
  { kind: 'compare', path: () => `/admin/stories/${storyId}/compare?locale=zh&a=1&b=2` },
  { kind: 'media library', path: () => '/admin/media' },
  { kind: 'sections', path: () => '/admin/sections' },
  { kind: 'entities', path: () => '/admin/entities' },
  { kind: 'settings', path: () => '/admin/settings' },
  { kind: 'people', path: () => '/admin/people' },
  { kind: 'audit log', path: () => '/admin/audit' },
  { kind: 'api keys', path: () => '/admin/api-keys' },
  { kind: 'webhooks', path: () => '/admin/webhooks' },
  { kind: 'desk inbox', path: () => '/admin/desk' },
  { kind: 'desk cluster', path: () => `/admin/desk/${clusterId}` },
  { kind: 'start a story', path: () => `/admin/desk/${clusterId}/start` },
  { kind: 'sources', path: () => '/admin/sources' },
  { kind: 'newsletter issues', path: () => '/admin/newsletter' },
  { kind: 'newsletter issue', path: () => `/admin/newsletter/issues/${issueId}` },
  { kind: 'newsletter preview', path: () => '/admin/newsletter/preview?locale=zh&frequency=weekly&days=30' },
  { kind: 'newsletter events', path: () => '/admin/newsletter/events' },
];

const cases = UI_LOCALES.flatMap((ui) => PAGES.map((p) => ({ ui, ...p })));

beforeAll(async () => {
  browser = await launchBrowser();
  site = await startDemoSite();
  storyId = (await findStoryIdBySlug(site.testApp.database.db, 'zh', 'nvidia-26b-open-models')) as number;
  // Feeds taken in from files (no network), so the desk's pages have clusters to show.
  await seedDeskFromFiles(site.testApp.newsroom.deps.desk);
  const { clusters } = await listClusters(
    site.testApp.database.db,
    { state: 'open', limit: 1, offset: 0 },
    new Date(),
  );
  clusterId = clusters[0]?.id ?? 0;
  issueId = await plantNewsletterIssue(site.testApp);
  for (const ui of UI_LOCALES) {
    const options = { viewport: { width: 1280, height: 900 }, locale: ui === 'zh' ? 'zh-CN' : 'en-US' };
    const signedIn = await browser.newContext(options);
    const page = await signedIn.newPage();
    await signInAs(site, page, { email: `a11y-owner-${ui}@example.test`, role: 'owner', uiLocale: ui });
    await page.close();
    contexts.set(ui, signedIn);
    contexts.set(`${ui}:signed-out`, await browser.newContext(options));
  }
  // A second zh revision, saved through the editor, so the history has something to compare.
  const page = await (contexts.get('en') as BrowserContext).newPage();
  await page.goto(`${site.url}/admin/stories/${storyId}/zh`);
  const body = page.locator('textarea[name="body"]:not(#story_note_body)');
  await body.fill(`${await body.inputValue()}\n\n分析师预计价格将在明年下降。\n`);
  await Promise.all([page.waitForNavigation(), page.locator('button[name="intent"][value="save"]').click()]);
  await page.close();
});

afterAll(async () => {
  for (const context of contexts.values()) await context.close();
  await browser?.close();
  await site?.close();
});

describe.concurrent('admin axe', () => {
  it.for(cases)(
    '$kind, $ui UI, light and dark: no serious or critical violation',
    { timeout: 60_000 },
    async ({ ui, path, signedOut }, { expect }) => {
      const context = contexts.get(signedOut ? `${ui}:signed-out` : ui) as BrowserContext;
      const page = await context.newPage();
      try {
        const response = await page.goto(site.url + path(), { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        expect(new URL(page.url()).pathname).toBe(path().split('?')[0]);
        // The page speaks the person's language.
        expect(await page.getAttribute('html', 'lang')).toMatch(ui === 'zh' ? /^zh/ : /^en/);
        const problems: string[] = [];
        for (const colorScheme of SCHEMES) {
          await page.emulateMedia({ colorScheme });
          for (const line of await seriousViolations(page)) problems.push(`[${colorScheme}] ${line}`);
        }
        expect(problems, problems.join('\n')).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});

describe('the newsletter issues page', () => {
  it('refreshes its counts by itself while an issue sends, and stops once none does', {
    timeout: 40_000,
  }, async () => {
    const { db } = site.testApp.database;
    const page = await (contexts.get('en') as BrowserContext).newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    try {
      await page.goto(`${site.url}/admin/newsletter`, { waitUntil: 'load' });
      const sent = page.locator('[data-counts-totals] [data-count="sent"]');
      const before = Number(await sent.textContent());
      await db
        .updateTable('newsletter_deliveries')
        .set({ state: 'sent', sent_at: '2026-11-28T09:00:00.000Z' })
        .where('issue_id', '=', issueId)
        .where('state', '=', 'pending')
        .execute();
      await expect.poll(async () => Number(await sent.textContent()), { timeout: 15_000 }).toBe(before + 2);
      const row = page.locator(`tr[data-issue="${issueId}"] [data-count="pending"]`);
      expect(await row.textContent()).toBe('0');
      await db.updateTable('newsletter_issues').set({ state: 'sent' }).where('id', '=', issueId).execute();
      await expect
        .poll(() => page.locator('[data-newsletter-live]').getAttribute('data-active'), { timeout: 15_000 })
        .toBe('false');
      expect(await page.locator(`tr[data-issue="${issueId}"] [data-issue-state]`).textContent()).toBe('Sent');
      expect(await page.locator('[data-live-status]').textContent()).toBe('No issue is sending.');
      expect(refused).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the check itself', () => {
  it('reports a serious violation on a page that has one', async () => {
    const page = await (contexts.get('en') as BrowserContext).newPage();
    try {
      await page.setContent(
        '<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>Broken</h1>' +
          '<p>text</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">' +
          '<p style="color:#ccc;background:#fff">faint</p><ul><li>a</li></ul><a href="#">link</a>' +
          '<button></button></main></body></html>',
      );
      const found = (await seriousViolations(page)).join('\n');
      expect(found).toMatch(/image-alt|button-name|label|color-contrast/);
    } finally {
      await page.close();
    }
  });
});
