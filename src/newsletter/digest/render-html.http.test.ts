import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_SITE_URL, type TestApp } from '../../../test/support/app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { buildStory, seedTaxonomy, testSite } from '../../../test/support/factories.js';
import { vnuProblems } from '../../../test/support/vnu.js';
import { importStories } from '../../editorial/index.js';
import { htmlLangTag } from '../../publishing/index.js';
import { insertMedia } from '../../stories/index.js';
import {
  type ComposedDigest,
  composeDigest,
  type DigestDeps,
  fillDigestLinks,
  PREFERENCES_URL_PLACEHOLDER,
  UNSUBSCRIBE_URL_PLACEHOLDER,
} from './index.js';

// Both parts of the demo newsroom's three-week digest, read back with a real HTML parser, their
// links followed on the site itself, and the HTML put through the Nu Html Checker.

const PERIOD = { since: '2026-11-10T00:00:00.000Z', until: '2026-12-01T00:00:00.000Z' };
const DEMO_NAMES: Record<string, string> = { zh: '码速', en: 'Code Velocity' };

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

function textUrls(text: string): string[] {
  return text.split('\n').flatMap((line) => line.match(/https?:\/\/\S+/g) ?? []);
}

// What MJML's output cannot avoid, checked against the Nu Html Checker 26.x:
// - `xmlns:v` / `xmlns:o` on <html>: the VML and Office namespaces Outlook's Word engine needs;
// - `mso-table-lspace` / `mso-table-rspace`: Outlook-only CSS in MJML's reset;
// - `height="auto"` on every <img>: MJML writes it so Outlook keeps the aspect ratio;
// - presentational table attributes (align, border, cellpadding, cellspacing, width) and
//   `<style type>`: obsolete in HTML, but the only layout some mail clients honour.
// Anything else the checker says is ours to fix.
const MJML_UNAVOIDABLE = [
  /Attribute “xmlns:[ov]” not allowed here\.$/,
  /CSS: “mso-table-[lr]space”: Property “mso-table-[lr]space” doesn't exist\.$/,
  /Bad value “auto” for attribute “height” on element “img”: Expected a digit but saw “a” instead\.$/,
  /The “(align|border|cellpadding|cellspacing|width)” attribute on the “(table|td)” element is obsolete\./,
  /The “type” attribute for the “style” element is not needed and should be omitted\.$/,
];

describe.each(DIALECTS)('the demo digest on %s', (dialect) => {
  let testApp: TestApp;
  const digests = new Map<string, ComposedDigest>();

  beforeAll(async () => {
    testApp = await createTestApp(dialect, { seed: 'demo' });
    const deps: DigestDeps = {
      db: testApp.database.db,
      siteUrl: TEST_SITE_URL,
      siteName: (locale) => DEMO_NAMES[locale] ?? '',
      languageTag: htmlLangTag,
    };
    for (const locale of ['zh', 'en']) {
      const digest = await composeDigest(deps, { locale, frequency: 'weekly', topics: [], ...PERIOD });
      if (!digest) throw new Error(`no ${locale} digest`);
      digests.set(locale, digest);
    }
  });

  afterAll(async () => {
    await testApp?.destroy();
  });

  const digestOf = (locale: string) => digests.get(locale) as ComposedDigest;

  it.each(['zh', 'en'])('has every story link in both %s parts, each answering 200', async (locale) => {
    const digest = digestOf(locale);
    const { document } = parseHTML(digest.html);
    const storyLinks = [...document.querySelectorAll('h2 a')].map((a) => a.getAttribute('href') ?? '');
    expect(storyLinks).toHaveLength(digest.storyIds.length);
    expect(digest.storyIds.length).toBeGreaterThan(10);
    const inText = textUrls(digest.text);
    for (const href of storyLinks) expect(inText).toContain(href);
    const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    const images = [...document.querySelectorAll('img')].map((img) => img.getAttribute('src') ?? '');
    const placeholders = [PREFERENCES_URL_PLACEHOLDER, UNSUBSCRIBE_URL_PLACEHOLDER];
    const urls = [...new Set([...hrefs, ...images, ...inText].filter((url) => !placeholders.includes(url)))];
    for (const url of urls) {
      expect(url.startsWith(`${TEST_SITE_URL}/`), url).toBe(true);
      const response = await testApp.get(url.slice(TEST_SITE_URL.length));
      expect(response.status, url).toBe(200);
    }
  });

  it.each([
    ['zh', '码速每周简报：2026年11月10日至2026年11月30日', '每周简报'],
    ['en', 'Code Velocity weekly digest: November 10, 2026 – November 30, 2026', 'Your weekly digest'],
  ])('is written in %s, subject included', (locale, subject, heading) => {
    const digest = digestOf(locale);
    expect(digest.subject).toBe(subject);
    const { document } = parseHTML(digest.html);
    expect(document.documentElement.getAttribute('lang')).toBe(htmlLangTag(locale));
    expect(document.querySelector('title')?.textContent).toBe(subject);
    expect(document.querySelector('h1')?.textContent).toBe(heading);
    expect(digest.text.split('\n').slice(0, 3)).toEqual([DEMO_NAMES[locale], '', heading]);
  });

  it('has its CSS inlined on the elements', () => {
    const { document } = parseHTML(digestOf('en').html);
    const titles = [...document.querySelectorAll('h2.story-title')];
    expect(titles.length).toBeGreaterThan(10);
    for (const title of titles) expect(title.getAttribute('style')).toContain('font-size: 20px');
    for (const meta of document.querySelectorAll('p.meta'))
      expect(meta.getAttribute('style')).toContain('color');
    for (const link of document.querySelectorAll('a')) expect(link.getAttribute('style')).toMatch(/color/);
  });

  it('loads nothing from anywhere but the site: no web fonts, no stylesheets, no trackers', () => {
    for (const locale of ['zh', 'en'] as const) {
      const { document } = parseHTML(digestOf(locale).html);
      expect(document.querySelectorAll('link, script, iframe, object')).toHaveLength(0);
      const addresses = [...document.querySelectorAll('[src], [href]')].map(
        (element) => element.getAttribute('src') ?? element.getAttribute('href') ?? '',
      );
      for (const address of addresses)
        expect(address.startsWith(`${TEST_SITE_URL}/`) || address.startsWith('__VELOCITY_'), address).toBe(
          true,
        );
      expect(digestOf(locale).html).not.toMatch(/@import|googleapis/);
    }
  });

  it('shows each hero image by absolute URL, with alt text, no wider than the column', () => {
    const { document } = parseHTML(digestOf('zh').html);
    const images = [...document.querySelectorAll('img')];
    expect(images.length).toBeGreaterThan(10);
    for (const image of images) {
      expect(image.getAttribute('src')).toMatch(new RegExp(`^${TEST_SITE_URL}/media/[\\w.-]+\\.webp$`));
      expect(image.getAttribute('alt')?.length).toBeGreaterThan(10);
      expect(Number(image.getAttribute('width'))).toBeLessThanOrEqual(552);
    }
  });

  it('leaves one placeholder of each kind in each part, in the footer links', () => {
    const digest = digestOf('zh');
    for (const placeholder of [PREFERENCES_URL_PLACEHOLDER, UNSUBSCRIBE_URL_PLACEHOLDER]) {
      expect(occurrences(digest.html, placeholder)).toBe(1);
      expect(occurrences(digest.text, placeholder)).toBe(1);
    }
    const { document } = parseHTML(digest.html);
    const footerLinks = Object.fromEntries(
      [...document.querySelectorAll('.footer a')].map((a) => [a.textContent, a.getAttribute('href')]),
    );
    expect(footerLinks).toMatchObject({
      管理订阅偏好: PREFERENCES_URL_PLACEHOLDER,
      退订: UNSUBSCRIBE_URL_PLACEHOLDER,
    });
    expect(digest.text).toContain(
      `\n管理订阅偏好: ${PREFERENCES_URL_PLACEHOLDER}\n退订: ${UNSUBSCRIBE_URL_PLACEHOLDER}\n`,
    );
  });

  it('fills both links into both parts, escaped for HTML and written as is in text', () => {
    const links = {
      preferencesUrl: `${TEST_SITE_URL}/zh/newsletter/preferences/abc?x=1&y=$&`,
      unsubscribeUrl: `${TEST_SITE_URL}/zh/newsletter/unsubscribe/def?a="b"`,
    };
    const filled = fillDigestLinks(digestOf('zh'), links);
    for (const part of [filled.html, filled.text]) expect(part).not.toContain('__VELOCITY_');
    const { document } = parseHTML(filled.html);
    const hrefs = [...document.querySelectorAll('.footer a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(expect.arrayContaining([links.preferencesUrl, links.unsubscribeUrl]));
    expect(filled.text).toContain(`管理订阅偏好: ${links.preferencesUrl}\n`);
    expect(filled.text).toContain(`退订: ${links.unsubscribeUrl}\n`);
    // The composed digest itself is left for the next subscriber.
    expect(digestOf('zh').html).toContain(PREFERENCES_URL_PLACEHOLDER);
  });

  it('passes the Nu Html Checker but for what MJML cannot avoid', () => {
    const problems = vnuProblems({ 'digest-zh': digestOf('zh').html, 'digest-en': digestOf('en').html });
    const ours = problems.filter((line) => !MJML_UNAVOIDABLE.some((pattern) => pattern.test(line)));
    expect(ours).toEqual([]);
    // The allowance above is for MJML's skeleton, so it must actually be what the checker saw.
    expect(problems.some((line) => MJML_UNAVOIDABLE[0]?.test(line))).toBe(true);
  });
});

describe.each(DIALECTS)('hostile content on %s', (dialect) => {
  let database: TestDatabase;
  const hostile = `<script>alert("x")</script> Nvidia & AMD's "plan" </mj-text><img src=x onerror=alert(1)>`;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    await insertMedia(
      database.db,
      {
        fileName: 'hero-hostile.webp',
        mimeType: 'image/webp',
        width: 1600,
        height: 900,
        renditions: [
          { width: 800, file: 'hero-hostile-800.webp' },
          { width: 1200, file: 'hero-hostile-1200.webp' },
        ],
        credit: '',
      },
      new Date('2026-11-20T00:00:00Z'),
    );
    const story = buildStory('hostile', {
      locales: ['en'],
      variant: {
        title: `Nvidia plans ${hostile}`,
        summary: `Nvidia unveiled a new investment plan that will shape open models. ${hostile}`,
        heroAlt: `Rows of server racks ${hostile}`,
        publishedAt: '2026-11-27T10:00:00.000Z',
      },
    });
    await importStories(database.db, [{ ...story, heroImage: 'hero-hostile.webp' }], {
      now: new Date('2026-11-28T00:00:00Z'),
    });
  });

  afterAll(async () => {
    await database?.destroy();
  });

  it('comes out as text, never as markup', async () => {
    const deps: DigestDeps = {
      db: database.db,
      siteUrl: TEST_SITE_URL,
      siteName: () => `Test <b>Site</b> & "Co"`,
      languageTag: htmlLangTag,
    };
    const digest = await composeDigest(deps, {
      locale: 'en',
      frequency: 'daily',
      topics: [],
      since: '2026-11-27T00:00:00.000Z',
      until: '2026-11-28T00:00:00.000Z',
    });
    const { document } = parseHTML(digest?.html ?? '');
    expect(document.querySelectorAll('script, b')).toHaveLength(0);
    expect(document.querySelectorAll('img')).toHaveLength(1);
    const image = document.querySelector('img');
    expect(image?.getAttribute('alt')).toBe(`Rows of server racks ${hostile}`);
    expect(image?.getAttribute('onerror')).toBeNull();
    // The rendition at twice the 552 px column keeps the image sharp on phones.
    expect(image?.getAttribute('src')).toBe(`${TEST_SITE_URL}/media/hero-hostile-1200.webp`);
    expect(document.querySelector('h2 a')?.textContent).toBe(`Nvidia plans ${hostile}`);
    expect(document.querySelector('.summary')?.textContent).toContain(hostile);
    expect(document.querySelector('.site-name')?.textContent).toBe(`Test <b>Site</b> & "Co"`);
    expect(digest?.subject).toBe('Test <b>Site</b> & "Co" daily digest: November 27, 2026');
    expect(digest?.text).toContain(`Nvidia plans ${hostile}\n`);
    expect(testSite.locales).toContain('en');
  });
});
