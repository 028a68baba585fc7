import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/platform/i18n.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import {
  type DemoSite,
  LOCALES,
  launchBrowser,
  sameOriginContext,
  seriousViolations,
  signInAs,
  startDemoSite,
} from './support.js';

// A reader's whole newsletter journey in Chromium, as a person makes it, in Chinese and in English:
// the box on the front page → the mail at a real SMTP server, opened in the browser → confirm →
// the preferences link of the mail → new language, frequency and topic → unsubscribe. Each step
// is checked in the database too. Then an editor's test send, reloaded: one mail, not two.
// Screenshots of the confirm and preferences pages go to test-results/journeys (git ignores it).

const SHOTS = path.resolve('test-results/journeys');
const WIDTHS = [390, 1280] as const;

let sink: SmtpSink;
let site: DemoSite;
let browser: Browser;
let context: BrowserContext;
let foreign: string[];
let page: Page;

beforeAll(async () => {
  sink = await startSmtpSink();
  browser = await launchBrowser();
  site = await startDemoSite({ ownSiteUrl: true, env: { SMTP_URL: sink.url, SMTP_POOL_SIZE: '1' } });
  ({ context, foreign } = await sameOriginContext(browser, site.url, {
    viewport: { width: 1280, height: 900 },
  }));
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  fs.mkdirSync(SHOTS, { recursive: true });
  // Seeding the demo and starting Chromium take well over a minute on a loaded machine.
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
  await sink?.close();
});

/** The subscriber as the database holds it now. */
async function subscriber(email: string) {
  const { db } = site.testApp.database;
  const row = await db
    .selectFrom('subscribers')
    .select(['id', 'state', 'locale', 'frequency'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (!row) return undefined;
  const topics = await db
    .selectFrom('subscriber_topics')
    .select(['kind', 'topic_key'])
    .where('subscriber_id', '=', row.id)
    .execute();
  return { state: row.state, locale: row.locale, frequency: row.frequency, topics };
}

/** Waits for the first mail to `email`. */
async function mailTo(email: string): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(() => {
      found = sink.received.find((mail) => mail.recipients.includes(email));
      return Boolean(found);
    })
    .toBe(true);
  return found as ReceivedMail;
}

/** Opens a mail's HTML part in the browser, as a web mail client would show it. */
async function openMail(mail: ReceivedMail): Promise<void> {
  await page.goto('about:blank');
  await page.setContent(String(mail.parsed.html), { waitUntil: 'load' });
}

/** Clicks what leads to another page and waits for that page; returns its status. */
async function follow(click: () => Promise<void>): Promise<number | undefined> {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), click()]);
  return response?.status();
}

async function expectAccessible(): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

async function screenshots(name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    const sizes = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    // Nothing on these pages may push the layout sideways on a phone.
    expect(sizes.scrollWidth, `${name} at ${width}`).toBeLessThanOrEqual(sizes.innerWidth);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.sequential.each(LOCALES)('a reader’s newsletter journey in %s', { timeout: 90_000 }, (locale) => {
  const t = createTranslator(locale);
  const other = locale === 'zh' ? 'en' : 'zh';
  const email = `journey-${locale}@example.test`;
  let mail: ReceivedMail;
  let chosenSection = '';

  it('signs up with the box on the front page', async () => {
    await page.goto(`${site.url}/${locale}/`, { waitUntil: 'load' });
    const box = page.getByRole('complementary', { name: t('newsletter.heading') });
    await box.getByLabel(t('newsletter.emailLabel')).fill(email);
    expect(await follow(() => box.getByRole('button', { name: t('newsletter.submit') }).click())).toBe(200);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(t('newsletterPage.checkInbox.title'));
    await expectAccessible();
    expect(await subscriber(email)).toMatchObject({ state: 'pending', locale, frequency: 'weekly' });
  });

  it('gets the confirmation mail in its language and confirms from it', async () => {
    mail = await mailTo(email);
    expect(mail.parsed.headers.get('content-language')).toBe(locale === 'zh' ? 'zh-Hans' : 'en');
    await openMail(mail);
    expect(
      await follow(() => page.getByRole('link', { name: t('newsletterMail.confirm.button') }).click()),
    ).toBe(200);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/${locale}/newsletter/confirm/`));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(t('newsletterPage.confirm.title'));
    await expectAccessible();
    await screenshots(`confirm-${locale}`);
    // Opening the link confirmed nothing: mail scanners open links too.
    expect((await subscriber(email))?.state).toBe('pending');

    const status = await follow(() =>
      page.getByRole('button', { name: t('newsletterPage.confirm.button'), exact: true }).click(),
    );
    expect(status).toBe(200);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(t('newsletterPage.confirmed.title'));
    await expectAccessible();
    expect((await subscriber(email))?.state).toBe('active');
  });

  it('changes language, frequency and topics through the preferences link of the mail', async () => {
    await openMail(mail);
    expect(
      await follow(() => page.getByRole('link', { name: t('newsletterMail.preferences') }).click()),
    ).toBe(200);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(t('newsletterPage.preferences.title'));
    await expect.poll(() => page.locator('main').textContent()).toContain(email);
    await expectAccessible();
    await screenshots(`preferences-${locale}`);

    await page.getByLabel(t('newsletterPage.language')).selectOption(other);
    await page.getByRole('radio', { name: t('newsletterPage.daily') }).check();
    const section = page
      .getByRole('group', { name: t('newsletterPage.sections') })
      .getByRole('checkbox')
      .first();
    chosenSection = (await section.getAttribute('value')) ?? '';
    await section.check();
    const status = await follow(() =>
      page.getByRole('button', { name: t('newsletterPage.preferences.save') }).click(),
    );
    expect(status).toBe(200);
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe(t('newsletterPage.preferences.saved'));
    // The page shows what was saved, and the database holds it.
    expect(await page.getByLabel(t('newsletterPage.language')).inputValue()).toBe(other);
    expect(await page.getByRole('radio', { name: t('newsletterPage.daily') }).isChecked()).toBe(true);
    await expectAccessible();
    await screenshots(`preferences-saved-${locale}`);
    expect(await subscriber(email)).toEqual({
      state: 'active',
      locale: other,
      frequency: 'daily',
      topics: [{ kind: 'section', topic_key: chosenSection }],
    });
  });

  it('unsubscribes from the preferences page', async () => {
    const status = await follow(() =>
      page.getByRole('button', { name: t('newsletterPage.unsubscribe.button'), exact: true }).click(),
    );
    expect(status).toBe(200);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(t('newsletterPage.unsubscribed.title'));
    await expectAccessible();
    expect((await subscriber(email))?.state).toBe('unsubscribed');
  });
});

describe('an editor’s test send', { timeout: 90_000 }, () => {
  it('sends once, and a reload of the page that says so sends nothing', async () => {
    const t = createTranslator('en');
    await signInAs(site, page, { email: 'journey-editor@example.test', role: 'editor' });
    // The demo's stories span the last weeks: a 30-day English digest has something to send.
    await page.goto(`${site.url}/admin/newsletter/preview?locale=en&frequency=weekly&days=30`);
    await page.getByLabel(t('newsletterAdmin.testSend.to')).fill('proof@example.test');
    const status = await follow(() =>
      page.getByRole('button', { name: t('newsletterAdmin.testSend.submit') }).click(),
    );
    expect(status).toBe(200);
    const notice = t('newsletterAdmin.testSend.sent', { address: 'proof@example.test' });
    await expect.poll(() => page.locator('main').textContent()).toContain(notice);
    await mailTo('proof@example.test');

    const reloaded = await page.reload({ waitUntil: 'load' });
    expect(reloaded?.request().method()).toBe('GET');
    expect(await page.locator('main').textContent()).toContain(notice);
    // A second test to another address, through the form: once it has arrived, anything the
    // reload had sent would have arrived before it on the one SMTP connection.
    await page.getByLabel(t('newsletterAdmin.testSend.to')).fill('marker@example.test');
    await follow(() => page.getByRole('button', { name: t('newsletterAdmin.testSend.submit') }).click());
    await mailTo('marker@example.test');
    expect(sink.received.filter((m) => m.recipients.includes('proof@example.test'))).toHaveLength(1);
    expect(foreign).toEqual([]);
  });
});
