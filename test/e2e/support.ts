import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { addUser, findUserByEmail } from '../../src/accounts/index.js';
import type { UserRole } from '../../src/platform/database/index.js';
import { type RunningServer, startServer } from '../../src/platform/http/server.js';
import { createTestApp, type TestApp } from '../support/app.js';

// Shared pieces of the browser tests: Debian's Chromium (never a downloaded browser) driving the
// demo newsroom served for real over a loopback socket.

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches Chromium, failing (never skipping) with a clear message when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the browser tests need Debian's Chromium ` +
        '(apt-get install -y chromium, which .ci/run does) or CHROMIUM_PATH set to a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface DemoSite {
  /** Origin of the running server, e.g. `http://127.0.0.1:41234`. */
  url: string;
  testApp: TestApp;
  server: RunningServer;
  close(): Promise<void>;
}

/** A port free on the loopback right now, so that SITE_URL can name it before the server starts. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * The demo newsroom on a fresh SQLite database, listening on a free loopback port. `env` adds
 * settings (an SMTP server of the test's, the desk's allow-list for a local feed server);
 * `ownSiteUrl` makes SITE_URL the server's own address, so that links in mails lead back to it.
 */
export async function startDemoSite(
  options: { env?: Record<string, string>; ownSiteUrl?: boolean } = {},
): Promise<DemoSite> {
  const port = options.ownSiteUrl ? await freePort() : 0;
  const env = { ...(options.ownSiteUrl ? { SITE_URL: `http://127.0.0.1:${port}` } : {}), ...options.env };
  const testApp = await createTestApp('sqlite', { seed: 'demo' }, undefined, { env });
  const server = await startServer(testApp.app, testApp.cache, { host: '127.0.0.1', port });
  return {
    url: server.url,
    testApp,
    server,
    async close() {
      await server.close();
      await testApp.destroy();
    },
  };
}

/** Paths of the demo content, one per kind of page. */
export const PAGES = {
  front: (locale: string) => `/${locale}/`,
  section: (locale: string) => `/${locale}/ai-models/`,
  /** The reference story: headings, a comparison table, an FAQ, related stories. */
  story: (locale: string) => `/${locale}/ai-models/nvidia-26b-open-models`,
  /** Written in Chinese only: English readers see it through the fallback rules. */
  zhOnlyStory: (locale: string) => `/${locale}/industry/edge-ai-phones`,
  entityHub: (locale: string) => `/${locale}/topics/nvidia`,
  kindHub: (locale: string) => `/${locale}/gpus`,
  allTopics: (locale: string) => `/${locale}/topics/`,
  notFound: (locale: string) => `/${locale}/no-such-section/no-such-story`,
  newsletter: (locale: string) => `/${locale}/newsletter`,
  /** The page every refused newsletter link shows (here: a forged confirmation link). */
  newsletterBadLink: (locale: string) => `/${locale}/newsletter/confirm/not-a-token`,
} as const;

export type PageKind = keyof typeof PAGES;

export const LOCALES = ['zh', 'en'] as const;

/** A context that only ever reaches `origin`: anything else is recorded and aborted, not fetched. */
export async function sameOriginContext(
  browser: Browser,
  origin: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; foreign: string[] }> {
  const context = await browser.newContext(options);
  const foreign: string[] = [];
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      foreign.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return { context, foreign };
}

const ADMIN_PASSWORD = 'correct horse battery staple 42';

export interface AdminPerson {
  email: string;
  role: UserRole;
  locales?: string[];
  uiLocale?: 'zh' | 'en';
}

/**
 * Adds the person to the demo site's database (unless they exist) and signs them in through the
 * sign-in form in `page`, as a person would; throws unless the admin lets them in.
 */
export async function signInAs(site: DemoSite, page: Page, person: AdminPerson): Promise<void> {
  const { db } = site.testApp.database;
  if (!(await findUserByEmail(db, person.email))) {
    await addUser(
      db,
      {
        email: person.email,
        role: person.role,
        locales: person.locales ?? [],
        uiLocale: person.uiLocale ?? 'en',
        // A test that names the language means it: Chromium's own Accept-Language must not win.
        uiLocaleChosen: person.uiLocale !== undefined,
      },
      ADMIN_PASSWORD,
      new Date('2026-11-28T09:00:00Z'),
    );
  }
  await page.goto(`${site.url}/admin/sign-in`, { waitUntil: 'load' });
  await page.locator('input[name="email"]').fill(person.email);
  await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/admin/sign-in'),
    page.locator('form[action="/admin/sign-in"] button[type="submit"]').click(),
  ]);
}

/** Serious and critical violations on the page as it is now, one readable line per rule. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself: a third of the time of the default, which opens a
  // blank page per run, and this site has no frames for the default mode to reach.
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  // axe ran against the page, not an empty shell.
  if (results.passes.length < 10) throw new Error(`axe passed only ${results.passes.length} rules`);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes
          .slice(0, 5)
          .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`)
          .join('\n'),
    );
}

/** How one person's browser differs from the usual: a narrower window, or no JavaScript at all. */
export interface BrowserOptions {
  width?: number;
  javaScript?: boolean;
}

/**
 * The people of one test file, each in a browser context of their own: their own cookies, a
 * 1280×900 window unless told, reaching nothing but the site. What a person's pages tried to fetch
 * elsewhere is added to `foreign` when their context closes, so one check at the end covers them all.
 */
export class People {
  readonly foreign: string[] = [];
  private readonly open: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly site: DemoSite,
  ) {}

  /** A new person's context, with the requests it has refused so far. */
  async context(options: BrowserOptions = {}): Promise<{ context: BrowserContext; foreign: string[] }> {
    const own = await sameOriginContext(this.browser, this.site.url, {
      viewport: { width: options.width ?? 1280, height: 900 },
      javaScriptEnabled: options.javaScript ?? true,
    });
    own.context.setDefaultTimeout(10_000);
    this.open.push(own.context);
    own.context.on('close', () => this.foreign.push(...own.foreign));
    return own;
  }

  /** A new person's first page, not signed in. */
  async page(options: BrowserOptions = {}): Promise<Page> {
    return (await this.context(options)).context.newPage();
  }

  /** A new person's first page, signed in to the admin as `who`. */
  async signedIn(who: AdminPerson, options: BrowserOptions = {}): Promise<Page> {
    const page = await this.page(options);
    await signInAs(this.site, page, who);
    return page;
  }

  /** Closes every context opened so far; people asked for afterwards start afresh. */
  async close(): Promise<void> {
    for (const context of this.open.splice(0)) await context.close();
  }
}

/** Clicks what leads to another page and waits for that page to load; returns its status. */
export async function follow(page: Page, click: () => Promise<void>): Promise<number | undefined> {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), click()]);
  return response?.status();
}
