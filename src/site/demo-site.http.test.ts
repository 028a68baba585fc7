import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_SITE_URL, type TestApp } from '../../test/support/app.js';
import { type CrawledPage, crawlSite } from '../../test/support/crawl.js';
import { DIALECTS } from '../../test/support/database.js';
import { jsonLdOf, scanTags } from '../../test/support/html-scan.js';
import { headLinks, hreflangProblems, isAbsoluteUrl, jsonLdProblems } from '../../test/support/seo-checks.js';
import {
  type FeedSummary,
  feedItemDocument,
  feedProblems,
  readFeed,
  readSitemap,
  type SitemapUrl,
} from '../../test/support/syndication-checks.js';
import { vnuProblems } from '../../test/support/vnu.js';
import {
  countStoriesPerEntity,
  entityPath,
  listPublishedVariantRefs,
  sectionPath,
  sectionSlug,
  storyPath,
} from '../stories/index.js';

// The real demo newsroom (what `npm start` shows), crawled end to end from /zh/, /en/ and
// /sitemap.xml: every same-site link, sitemap <loc> and advertised feed, each fetched once.
// The other view tests use fixtures; this one catches what only the assembled site gets wrong.

const NOW = new Date('2026-11-28T09:00:00Z');
const TWO_DAYS_MS = 2 * 24 * 60 * 60 * 1000;
const FEED_FILES = ['feed.xml', 'atom.xml', 'feed.json'];
const abs = (path: string) => `${TEST_SITE_URL}${path}`;
const list = (problems: string[]) => problems.join('\n');

describe.each(DIALECTS)('the demo site on %s', (dialect) => {
  let t: TestApp;
  let pages: Map<string, CrawledPage>;
  let feeds: Map<string, FeedSummary>;
  /** Every published variant's page, from the store rather than from the site's own links. */
  let stories: { path: string; publishedAt: string }[];
  const ofKind = (...kinds: CrawledPage['kind'][]) =>
    [...pages.values()].filter((p) => p.status === 200 && kinds.includes(p.kind));
  const isCrawledHtml = (url: string) =>
    url.startsWith(TEST_SITE_URL) &&
    pages.get(url.slice(TEST_SITE_URL.length))?.kind === 'html' &&
    pages.get(url.slice(TEST_SITE_URL.length))?.status === 200;

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'demo' }, () => NOW);
    pages = await crawlSite(t.get, ['/zh/', '/en/', '/sitemap.xml'], TEST_SITE_URL);
    feeds = new Map(ofKind('rss', 'atom', 'json-feed').map((p) => [p.path, readFeed(p)]));
    const { catalog } = t.site.deps;
    stories = (await listPublishedVariantRefs(t.database.db)).map((ref) => {
      const section = catalog.section(ref.sectionId);
      const slug = section ? sectionSlug(section, ref.locale) : 'stories';
      return { path: storyPath(ref.locale, slug, ref.slug), publishedAt: ref.publishedAt };
    });
  }, 120_000);
  afterAll(async () => {
    await t?.destroy();
  });

  it('reaches every story, section, entity hub and their feeds in each locale', async () => {
    const { catalog } = t.site.deps;
    const counts = await countStoriesPerEntity(t.database.db);
    const expected: string[] = ['/sitemap.xml', '/sitemaps/news.xml'];
    for (const locale of catalog.settings.locales) {
      expected.push(`/sitemaps/${locale}.xml`, `/${locale}/topics/`);
      // Each listing page, and the folder its three feeds sit in.
      const listings: [page: string, feedBase: string][] = [
        [`/${locale}/`, `/${locale}/`],
        ...catalog.sections.map((s): [string, string] => {
          const path = sectionPath(locale, sectionSlug(s, locale));
          return [path, path];
        }),
        ...catalog.entities
          .filter((e) => (counts.get(e.id) ?? 0) > 0)
          .map((e): [string, string] => [entityPath(locale, e.slug), `${entityPath(locale, e.slug)}/`]),
      ];
      for (const [page, feedBase] of listings)
        expected.push(page, ...FEED_FILES.map((file) => `${feedBase}${file}`));
    }
    expected.push(...stories.map((story) => story.path));
    expect(expected.filter((path) => !pages.has(path))).toEqual([]);
    expect(ofKind('html').length).toBeGreaterThan(50);
  });

  it('answers 200 for every page, feed, sitemap, asset and image', () => {
    const failures = [...pages.values()]
      .filter((p) => p.status !== 200)
      .map((p) => `${p.status} ${p.path} (linked from ${p.linkedFrom})`);
    expect(failures, list(failures)).toEqual([]);
  });

  it.skipIf(dialect !== 'sqlite')(
    'passes the Nu Html Checker on every page and every feed item body, with no warning',
    () => {
      const documents: Record<string, string> = {};
      for (const page of ofKind('html')) documents[page.path] = page.body;
      const seen = new Set<string>();
      for (const [path, feed] of feeds) {
        for (const item of feed.items) {
          const key = `${item.language}\n${item.contentHtml}`;
          if (!item.contentHtml || seen.has(key)) continue;
          seen.add(key);
          documents[`${path} item ${item.link}`] = feedItemDocument(
            item.contentHtml,
            item.language ?? '',
            item.title ?? '',
          );
        }
      }
      expect(seen.size).toBeGreaterThan(20);
      const problems = vnuProblems(documents);
      expect(problems, list(problems)).toEqual([]);
    },
    180_000,
  );

  it('gives every story page complete NewsArticle, FAQPage and BreadcrumbList JSON-LD', () => {
    const problems: string[] = [];
    for (const page of ofKind('html')) {
      for (const block of jsonLdOf(page.body))
        problems.push(...jsonLdProblems(block).map((p) => `${page.path}: ${p}`));
    }
    const typeOf = (block: unknown) => (block as { '@type'?: unknown } | undefined)?.['@type'];
    for (const { path } of stories) {
      const body = pages.get(path)?.body ?? '';
      const blocks = jsonLdOf(body);
      const find = (type: string) =>
        blocks.find((b) => typeOf(b) === type) as Record<string, unknown> | undefined;
      const types = blocks.map(typeOf);
      for (const type of ['NewsArticle', 'FAQPage', 'BreadcrumbList'])
        if (types.filter((t) => t === type).length !== 1) problems.push(`${path}: ${types.join(', ')}`);
      const shown = (body.match(/class="faq-item"/g) ?? []).length;
      const listed = (find('FAQPage')?.mainEntity as unknown[] | undefined)?.length ?? 0;
      if (listed !== shown) problems.push(`${path}: ${shown} FAQ items shown, ${listed} in FAQPage`);
      const canonical = headLinks(body).canonical;
      if (find('NewsArticle')?.url !== canonical)
        problems.push(`${path}: NewsArticle url is not ${canonical}`);
      const crumbs = (find('BreadcrumbList')?.itemListElement ?? []) as { item?: string }[];
      if (crumbs.at(-1)?.item !== canonical) problems.push(`${path}: last breadcrumb is not the page`);
    }
    expect(problems, list(problems)).toEqual([]);
  });

  it('states the real pixel size of every image in JSON-LD and Open Graph; the logo is served', async () => {
    type Declared = { url: string; width?: number; height?: number; where: string };
    const declared = new Map<string, Declared>();
    const declare = (d: Declared) => declared.set(`${d.url} ${d.width}x${d.height}`, d);
    for (const page of ofKind('html')) {
      for (const block of jsonLdOf(page.body)) {
        const { image = [], publisher } = block as {
          image?: { url: string; width: number; height: number }[];
          publisher?: { logo?: { url: string } };
        };
        for (const { url, width, height } of image) declare({ url, width, height, where: page.path });
        if (publisher?.logo) declare({ url: publisher.logo.url, where: page.path });
      }
      const og = new Map(
        scanTags(page.body)
          .filter((tag) => tag.name === 'meta' && tag.attributes.get('property')?.startsWith('og:image'))
          .map((tag) => [tag.attributes.get('property'), tag.attributes.get('content') ?? '']),
      );
      const url = og.get('og:image');
      if (url) {
        const [width, height] = [Number(og.get('og:image:width')), Number(og.get('og:image:height'))];
        declare({ url, width, height, where: page.path });
      }
    }
    const logos = [...declared.values()].filter((d) => d.width === undefined);
    expect(logos).toHaveLength(1);
    expect(declared.size).toBeGreaterThan(1);
    const problems: string[] = [];
    for (const { url, width, height, where } of declared.values()) {
      const response = await t.get(url.slice(TEST_SITE_URL.length));
      if (!url.startsWith(TEST_SITE_URL) || response.status !== 200) {
        problems.push(`${where}: ${url} answers ${response.status}`);
        continue;
      }
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      const size = `${meta.width}x${meta.height}`;
      if (width === undefined) {
        // Google asks for a publisher logo of at least 112 by 112 pixels.
        if ((meta.width ?? 0) < 112 || (meta.height ?? 0) < 112) problems.push(`${where}: logo is ${size}`);
      } else if (size !== `${width}x${height}`)
        problems.push(`${where}: ${url} declared ${width}x${height}, is ${size}`);
    }
    expect(problems, list(problems)).toEqual([]);
  });

  it('keeps hreflang reciprocal across the whole site, with absolute canonical and alternate URLs', () => {
    const problems = hreflangProblems(pages, TEST_SITE_URL);
    expect(problems, list(problems)).toEqual([]);
  });

  it('serves RSS, Atom and JSON Feed that feedsmith reads, with items pointing at crawled pages', () => {
    expect(feeds.size).toBe(ofKind('rss', 'atom', 'json-feed').length);
    const problems: string[] = [];
    for (const [path, feed] of feeds) {
      problems.push(...feedProblems(feed, isCrawledHtml).map((p) => `${path}: ${p}`));
      // The feed links to the page it mirrors, in the same language.
      const mirrored = path
        .replace(/(feed\.xml|atom\.xml|feed\.json)$/, '')
        .replace(/\/(topics\/[^/]+)\/$/, '/$1');
      if (feed.link !== abs(mirrored)) problems.push(`${path}: links to ${feed.link}, not ${abs(mirrored)}`);
      const page = pages.get(mirrored);
      if (page && headLinks(page.body).lang !== feed.language)
        problems.push(`${path}: language ${feed.language}, page ${headLinks(page.body).lang}`);
    }
    expect(problems, list(problems)).toEqual([]);
    const formats = new Set([...feeds.values()].map((f) => f.format));
    expect([...formats].sort()).toEqual(['atom', 'json-feed', 'rss']);
  });

  it('lists the locale sitemaps and the news sitemap, each <loc> absolute and crawled with 200', () => {
    const index = readSitemap(pages.get('/sitemap.xml')?.body ?? '');
    expect(index.kind).toBe('index');
    const locs = index.kind === 'index' ? index.locs : [];
    expect(locs.sort()).toEqual(
      [
        ...t.site.deps.catalog.settings.locales.map((l) => abs(`/sitemaps/${l}.xml`)),
        abs('/sitemaps/news.xml'),
      ].sort(),
    );
    const problems: string[] = [];
    for (const loc of locs) {
      const sitemap = readSitemap(pages.get(loc.slice(TEST_SITE_URL.length))?.body ?? '');
      if (sitemap.kind !== 'urlset') {
        problems.push(`${loc}: not a urlset`);
        continue;
      }
      if (sitemap.urls.length === 0) problems.push(`${loc}: no URLs`);
      for (const url of sitemap.urls) {
        if (!isAbsoluteUrl(url.loc)) problems.push(`${loc}: <loc> ${url.loc} is not absolute`);
        else if (!isCrawledHtml(url.loc)) problems.push(`${loc}: ${url.loc} was not crawled with 200`);
        if (loc.endsWith('/news.xml')) continue;
        problems.push(...alternateProblems(loc, url));
        // The sitemap and the page itself must announce the same hreflang set.
        const page = pages.get(url.loc.slice(TEST_SITE_URL.length));
        const onPage = page ? headLinks(page.body).alternates : [];
        const key = (a: { hreflang: string; href: string }[]) =>
          a
            .map((x) => `${x.hreflang} ${x.href}`)
            .sort()
            .join(', ');
        if (page && key(onPage) !== key(url.alternates))
          problems.push(`${loc}: ${url.loc} alternates [${key(url.alternates)}], page has [${key(onPage)}]`);
      }
    }
    expect(problems, list(problems)).toEqual([]);
  });

  it('puts only the last two days of stories in the news sitemap, Chinese as zh-cn', async () => {
    const sitemap = readSitemap(pages.get('/sitemaps/news.xml')?.body ?? '');
    const urls = sitemap.kind === 'urlset' ? sitemap.urls : [];
    const problems: string[] = [];
    for (const { loc, news } of urls) {
      if (!news) {
        problems.push(`${loc}: no <news:news>`);
        continue;
      }
      const age = NOW.getTime() - Date.parse(news.publicationDate);
      if (!(age >= 0 && age <= TWO_DAYS_MS)) problems.push(`${loc}: published ${news.publicationDate}`);
      const locale = new URL(loc).pathname.split('/')[1];
      const expected = locale === 'zh' ? /^zh-(cn|tw)$/ : /^[a-z]{2,3}$/;
      if (!expected.test(news.language) || news.language === 'zh')
        problems.push(`${loc}: news:language ${news.language}`);
      if (!news.title.trim() || !news.name.trim()) problems.push(`${loc}: empty news:title or news:name`);
    }
    expect(problems, list(problems)).toEqual([]);
    // Exactly the variants published in the window, found independently of the route's own query.
    const recent = stories
      .filter((story) => NOW.getTime() - Date.parse(story.publishedAt) <= TWO_DAYS_MS)
      .filter((story) => Date.parse(story.publishedAt) <= NOW.getTime())
      .map((story) => abs(story.path));
    expect(recent.length).toBeGreaterThan(0);
    expect(urls.map((u) => u.loc).sort()).toEqual(recent.sort());
  });
});

function alternateProblems(sitemap: string, url: SitemapUrl): string[] {
  const problems: string[] = [];
  const tags = url.alternates.map((a) => a.hreflang);
  if (!tags.includes('x-default')) problems.push(`${sitemap}: ${url.loc} has no x-default alternate`);
  if (!url.alternates.some((a) => a.href === url.loc && a.hreflang !== 'x-default'))
    problems.push(`${sitemap}: ${url.loc} does not list itself among its alternates`);
  for (const a of url.alternates)
    if (!isAbsoluteUrl(a.href)) problems.push(`${sitemap}: ${url.loc} alternate ${a.href} is not absolute`);
  return problems;
}
