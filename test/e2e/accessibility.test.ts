import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  type DemoSite,
  LOCALES,
  launchBrowser,
  PAGES,
  type PageKind,
  seriousViolations,
  startDemoSite,
} from './support.js';

// axe-core in Chromium on every kind of public page, in both languages and both colour schemes:
// no violation of serious or critical impact (contrast included, which only a real rendering shows).

// Pages behind a signed link: their paths exist only once a subscriber does (made in beforeAll).
type LinkedKind = 'newsletterPreferences' | 'newsletterUnsubscribe';
const linkedPaths = new Map<string, string>();

const KINDS: { kind: PageKind | LinkedKind; status: number }[] = [
  { kind: 'front', status: 200 },
  { kind: 'section', status: 200 },
  { kind: 'story', status: 200 },
  { kind: 'zhOnlyStory', status: 200 },
  { kind: 'entityHub', status: 200 },
  { kind: 'kindHub', status: 200 },
  { kind: 'allTopics', status: 200 },
  { kind: 'notFound', status: 404 },
  { kind: 'newsletter', status: 200 },
  { kind: 'newsletterBadLink', status: 404 },
  { kind: 'newsletterPreferences', status: 200 },
  { kind: 'newsletterUnsubscribe', status: 200 },
];

function pathOf(kind: PageKind | LinkedKind, locale: string): string {
  if (kind === 'newsletterPreferences' || kind === 'newsletterUnsubscribe') {
    return linkedPaths.get(`${kind}-${locale}`) ?? '/missing';
  }
  return PAGES[kind](locale);
}
const SCHEMES = ['light', 'dark'] as const;

const cases = LOCALES.flatMap((locale) => KINDS.map(({ kind, status }) => ({ locale, kind, status })));

let site: DemoSite;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  // The browser first: without Chromium the file fails at once, before seeding anything.
  browser = await launchBrowser();
  site = await startDemoSite();
  const newsletter = site.testApp.newsletter;
  for (const locale of LOCALES) {
    const email = `a11y-${locale}@example.org`;
    await newsletter.requestSubscription({
      email,
      locale,
      frequency: 'weekly',
      topics: [],
      honeypot: '',
      ip: locale,
    });
    const subscriber = await site.testApp.database.db
      .selectFrom('subscribers')
      .select(['id', 'locale'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const links = newsletter.manageLinks(subscriber);
    linkedPaths.set(`newsletterPreferences-${locale}`, new URL(links.preferencesUrl).pathname);
    linkedPaths.set(`newsletterUnsubscribe-${locale}`, new URL(links.unsubscribeUrl).pathname);
  }
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

// A few pages at a time: most of a check is the browser's work, not this process's.
describe.concurrent('axe', () => {
  it.for(cases)(
    '$kind in $locale, light and dark: no serious or critical violation',
    { timeout: 60_000 },
    async ({ locale, kind, status }, { expect }) => {
      const page = await context.newPage();
      try {
        const response = await page.goto(site.url + pathOf(kind, locale), { waitUntil: 'load' });
        expect(response?.status()).toBe(status);
        const problems: string[] = [];
        for (const colorScheme of SCHEMES) {
          await page.emulateMedia({ colorScheme });
          expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
            colorScheme === 'dark',
          );
          for (const line of await seriousViolations(page)) problems.push(`[${colorScheme}] ${line}`);
        }
        expect(problems, problems.join('\n')).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
