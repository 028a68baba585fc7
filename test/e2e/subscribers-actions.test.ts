import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addActiveSubscribers, addPendingSubscriber } from '../support/newsletter.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import {
  type DemoSite,
  launchBrowser,
  sameOriginContext,
  seriousViolations,
  signInAs,
  startDemoSite,
} from './support.js';

// An editor tidies the newsletter's list in Chromium: unsubscribes one reader and deletes another,
// accepting the browser's confirm dialog each time, and sees both rows change; resends a waiting
// reader's confirmation, whose mail's link then confirms; the page stays
// axe-clean, and at phone width the table scrolls in its own box instead of widening the page.

let site: DemoSite;
let browser: Browser;
let page: Page;
let sink: SmtpSink;
/** Requests the page tried to send anywhere but the site (aborted). */
let foreign: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  sink = await startSmtpSink();
  // The site's own address in SITE_URL, so the resent mail's link leads back to it.
  site = await startDemoSite({ ownSiteUrl: true, env: { SMTP_URL: sink.url, SMTP_POOL_SIZE: '1' } });
  await addActiveSubscribers(site.testApp.database.db, 3, { prefix: 'e2e-row' });
  await addPendingSubscriber(site.testApp.database.db, 'e2e-waiting@example.org');
  const own = await sameOriginContext(browser, site.url, { viewport: { width: 1280, height: 900 } });
  own.context.setDefaultTimeout(10_000);
  foreign = own.foreign;
  page = await own.context.newPage();
  // Every confirm dialog is accepted, as the editor means it.
  page.on('dialog', (dialog) => void dialog.accept());
}, 180_000);

afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await site?.close();
  await sink?.close();
});

const row = (email: string) => page.locator('tbody tr').filter({ hasText: email });

describe.sequential('an editor’s subscriber actions', { timeout: 90_000 }, () => {
  it('opens the subscribers page with small actions in each row, axe-clean', async () => {
    await signInAs(site, page, { email: 'subs-editor@example.test', role: 'editor' });
    await page.goto(`${site.url}/admin/subscribers`, { waitUntil: 'load' });
    await expect(
      row('e2e-row-0@example.org')
        .getByRole('button', { name: /^Unsubscribe/ })
        .count(),
    ).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('unsubscribes one after the confirm dialog, and the row says so', async () => {
    await Promise.all([
      page.waitForURL(/notice=subscriberUnsubscribed/),
      row('e2e-row-0@example.org')
        .getByRole('button', { name: /^Unsubscribe/ })
        .click(),
    ]);
    await expect(page.locator('body').textContent()).resolves.toContain('Unsubscribed: no more newsletters');
    await expect(row('e2e-row-0@example.org').textContent()).resolves.toContain('Unsubscribed');
    await expect(
      row('e2e-row-0@example.org')
        .getByRole('button', { name: /^Unsubscribe/ })
        .count(),
    ).resolves.toBe(0);
  });

  it('deletes another after the confirm dialog, and its row is gone', async () => {
    await Promise.all([
      page.waitForURL(/notice=subscriberDeleted/),
      row('e2e-row-1@example.org')
        .getByRole('button', { name: /^Delete/ })
        .click(),
    ]);
    await expect(row('e2e-row-1@example.org').count()).resolves.toBe(0);
    await expect(row('e2e-row-2@example.org').count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('resends a waiting reader’s confirmation, and the new mail’s link confirms', async () => {
    const waiting = row('e2e-waiting@example.org');
    await expect(waiting.textContent()).resolves.toContain('Pending');
    const before = sink.received.length;
    await Promise.all([
      page.waitForURL(/notice=confirmationResent/),
      waiting.getByRole('button', { name: /^Resend confirmation/ }).click(),
    ]);
    await expect(page.locator('body').textContent()).resolves.toContain(
      'The confirmation mail was sent again',
    );
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail?.recipients).toEqual(['e2e-waiting@example.org']);
    const link = new RegExp(`${site.url}/en/newsletter/confirm/[\\w.-]+`).exec(mail?.parsed.text ?? '')?.[0];
    expect(link).toBeDefined();
    await page.goto(link as string, { waitUntil: 'load' });
    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name: 'Confirm', exact: true }).click(),
    ]);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('You are subscribed');
    await page.goto(`${site.url}/admin/subscribers`, { waitUntil: 'load' });
    await expect(row('e2e-waiting@example.org').textContent()).resolves.toContain('Active');
    await expect(
      row('e2e-waiting@example.org')
        .getByRole('button', { name: /^Resend confirmation/ })
        .count(),
    ).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('at 390 px the page does not scroll sideways: the table scrolls in its own box', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${site.url}/admin/subscribers`, { waitUntil: 'load' });
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      view: document.documentElement.clientWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.view + 1);
    expect(foreign).toEqual([]);
  });
});
