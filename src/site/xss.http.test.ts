import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_SITE_URL, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { jsonLdOf, scanTags, visibleText } from '../../test/support/html-scan.js';
import { feedItemDocument, readFeed, readSitemap } from '../../test/support/syndication-checks.js';
import { vnuProblems } from '../../test/support/vnu.js';
import {
  executableMarkup,
  hostileSlug,
  jsonContains,
  PAYLOADS,
  seedHostileContent,
} from '../../test/support/xss.js';

// Every text field a newsroom can fill (title, summary, Markdown body as text and as raw HTML,
// FAQ, hero alt, entity and section names and descriptions, source publisher, author and URL)
// holds an XSS payload; every page, feed and sitemap that shows it is fetched and read back.

const NOW = new Date('2026-11-28T09:00:00Z');
const PUBLISHED = '2026-11-28T08:00:00.000Z';
const LOCALES = ['zh', 'en'] as const;
const FEEDS = [
  ['feed.xml', 'rss'],
  ['atom.xml', 'atom'],
  ['feed.json', 'json-feed'],
] as const;

describe('the XSS checker', () => {
  it('flags unescaped markup of every kind it looks for', () => {
    const samples = [
      '<p><script>alert(1)</script></p>',
      '<p><img src=x onerror=alert(1)></p>',
      '<p><svg/onload=alert(1)></p>',
      '<a href=" JaVaScRiPt:alert(1)">x</a>',
      '<a href="&#106;avascript:alert(1)">x</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<meta http-equiv="refresh" content="0;url=https://evil.example">',
      '<div title="x" ONMOUSEOVER=\'alert(1)\'>x</div>',
      '<script type="application/ld+json">{"a":"</script><script>alert(1)</script>"}</script>',
      '<script src="/evil.js"></script>',
    ];
    for (const sample of samples) expect(executableMarkup(sample), sample).not.toEqual([]);
    const own =
      '<script defer src="/assets/site.1.js"></script><script type="application/ld+json">{}</script>';
    expect(executableMarkup(own, ['/assets/site.1.js'])).toEqual([]);
    expect(executableMarkup('<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(1)</p>')).toEqual([]);
    // A JSON-LD block broken by an unescaped </script> no longer parses.
    expect(jsonLdOf(samples[8] ?? '')[0]).toBeInstanceOf(Error);
  });
});

describe.each(DIALECTS)('hostile content on %s', (dialect) => {
  let t: TestApp;
  const responses = new Map<string, { status: number; body: string }>();
  const fetchText = async (path: string) => {
    const response = await t.get(path);
    const fetched = { status: response.status, body: await response.text() };
    responses.set(path, fetched);
    return fetched;
  };
  const pagePaths = (slug: string) =>
    LOCALES.flatMap((l) => [`/${l}/${slug}/${slug}`, `/${l}/${slug}/`, `/${l}/topics/${slug}`]);
  const feedBases = (slug: string) =>
    LOCALES.flatMap((l) => [`/${l}/`, `/${l}/${slug}/`, `/${l}/topics/${slug}/`]);

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [] }, () => NOW);
    const change = await seedHostileContent(t.database.db, NOW, PUBLISHED);
    await t.site.contentChanged(change, { taxonomy: true });
    const paths = [
      ...LOCALES.flatMap((l) => [`/${l}/`, `/${l}/topics/`, `/${l}/companies`]),
      ...PAYLOADS.flatMap((_, i) => [
        ...pagePaths(hostileSlug(i)),
        ...feedBases(hostileSlug(i)).flatMap((base) => FEEDS.map(([file]) => `${base}${file}`)),
      ]),
      '/sitemap.xml',
      '/sitemaps/zh.xml',
      '/sitemaps/en.xml',
      '/sitemaps/news.xml',
    ];
    for (const path of new Set(paths)) await fetchText(path);
  }, 120_000);
  afterAll(async () => {
    await t?.destroy();
  });

  it('serves every hostile page, feed and sitemap', () => {
    const failures = [...responses]
      .filter(([, r]) => r.status !== 200)
      .map(([path, r]) => `${r.status} ${path}`);
    expect(failures).toEqual([]);
  });

  it('lets no executable markup through on any HTML page', () => {
    const own = [t.site.deps.assets.js.path];
    const problems = [...responses]
      .filter(([path]) => !/\.(xml|json)$/.test(path))
      .flatMap(([path, { body }]) => executableMarkup(body, own).map((p) => `${path}: ${p}`));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it.each(PAYLOADS.map((payload, i) => [payload, i] as const))(
    'shows %j as text where it was typed',
    (payload, i) => {
      const slug = hostileSlug(i);
      for (const locale of LOCALES) {
        const story = responses.get(`/${locale}/${slug}/${slug}`)?.body ?? '';
        const text = visibleText(story);
        for (const field of [
          locale === 'zh' ? `英伟达宣布新计划 ${payload}` : `Nvidia announces a plan ${payload}`,
          locale === 'zh' ? `栏目 ${payload}` : `Section ${payload}`,
          locale === 'zh' ? `公司 ${payload}` : `Company ${payload}`,
          locale === 'zh'
            ? `英伟达公布了一项新的投资计划 ${payload}`
            : `Nvidia unveiled a new investment plan ${payload}`,
          locale === 'zh' ? `什么时候开始 ${payload}?` : `When does it start ${payload}?`,
          locale === 'zh' ? `明年 ${payload}` : `Next year ${payload}`,
          `Example Wire ${payload}`,
          `A. Writer ${payload}`,
          `<div onmouseover="alert(1)">${payload}</div>`,
          '<script>alert(1)</script>',
        ])
          expect(text, `${locale} story page shows ${JSON.stringify(field)}`).toContain(field);
        const alts = scanTags(story).flatMap((tag) =>
          tag.name === 'img' ? [tag.attributes.get('alt')] : [],
        );
        expect(alts.some((alt) => alt?.endsWith(payload))).toBe(true);
        const zh = locale === 'zh';
        const section = visibleText(responses.get(`/${locale}/${slug}/`)?.body ?? '');
        expect(section).toContain(zh ? `栏目介绍 ${payload}` : `About the section ${payload}`);
        const entity = visibleText(responses.get(`/${locale}/topics/${slug}`)?.body ?? '');
        expect(entity).toContain(zh ? `公司介绍 ${payload}` : `About the company ${payload}`);
      }
    },
  );

  it.skipIf(dialect !== 'sqlite')(
    'still makes valid HTML of every hostile page and feed item body',
    () => {
      const documents: Record<string, string> = {};
      for (const [path, { body }] of responses) {
        if (!/\.(xml|json)$/.test(path)) documents[path] = body;
        if (!path.endsWith('/feed.json')) continue;
        for (const item of readFeed({ kind: 'json-feed', body }).items)
          documents[`${path} ${item.link}`] = feedItemDocument(
            item.contentHtml ?? '',
            item.language ?? '',
            item.title ?? '',
          );
      }
      const problems = vnuProblems(documents);
      expect(problems, problems.join('\n')).toEqual([]);
    },
    120_000,
  );

  it('keeps JSON-LD parseable, with the payloads as strings and </script> escaped', () => {
    for (const [i, payload] of PAYLOADS.entries()) {
      for (const locale of LOCALES) {
        const html = responses.get(`/${locale}/${hostileSlug(i)}/${hostileSlug(i)}`)?.body ?? '';
        const scripts = scanTags(html).filter((tag) => tag.attributes.get('type') === 'application/ld+json');
        expect(scripts.length).toBeGreaterThanOrEqual(3);
        for (const { text = '' } of scripts) {
          // No character that could end the element, open a comment or end a JavaScript line.
          expect(text).not.toMatch(/[<>\u2028\u2029]/);
          const data = JSON.parse(text) as unknown;
          if (payload.includes('</script>') && jsonContains(data, payload))
            expect(text).toContain('\\u003c/script\\u003e');
        }
        const blocks = jsonLdOf(html);
        for (const type of ['NewsArticle', 'FAQPage', 'BreadcrumbList']) {
          const block = blocks.find((b) => (b as { '@type'?: string })['@type'] === type);
          expect(jsonContains(block, payload), `${type} in ${locale} holds ${JSON.stringify(payload)}`).toBe(
            true,
          );
        }
      }
    }
  });

  it('keeps every feed parseable, with titles read back exactly and item bodies free of script', () => {
    const problems: string[] = [];
    for (const [i, payload] of PAYLOADS.entries()) {
      for (const base of feedBases(hostileSlug(i))) {
        for (const [file, kind] of FEEDS) {
          const path = `${base}${file}`;
          const body = responses.get(path)?.body ?? '';
          if (kind !== 'json-feed' && /<script|<img|<svg/i.test(body))
            problems.push(`${path}: raw markup in XML`);
          if (kind !== 'json-feed' && body.includes(']]>')) problems.push(`${path}: ]]> in XML`);
          const feed = readFeed({ kind, body });
          const locale = base.split('/')[1];
          const title = `${locale === 'zh' ? '英伟达宣布新计划' : 'Nvidia announces a plan'} ${payload}`;
          const item = feed.items.find(
            (it) => it.link === `${TEST_SITE_URL}/${locale}/${hostileSlug(i)}/${hostileSlug(i)}`,
          );
          if (item?.title !== title) problems.push(`${path}: item title ${JSON.stringify(item?.title)}`);
          if (!item?.contentHtml?.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
            problems.push(`${path}: body lost the escaped raw HTML`);
          for (const it of feed.items)
            problems.push(...executableMarkup(it.contentHtml ?? '').map((p) => `${path}: ${p}`));
        }
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('keeps the sitemaps well-formed, with news titles read back exactly', () => {
    for (const path of ['/sitemap.xml', '/sitemaps/zh.xml', '/sitemaps/en.xml', '/sitemaps/news.xml']) {
      const body = responses.get(path)?.body ?? '';
      expect(body).not.toMatch(/<script|<img|<svg|\]\]>/i);
      expect(() => readSitemap(body), path).not.toThrow();
    }
    const news = readSitemap(responses.get('/sitemaps/news.xml')?.body ?? '');
    const titles = news.kind === 'urlset' ? news.urls.map((u) => u.news?.title) : [];
    for (const payload of PAYLOADS) expect(titles).toContain(`Nvidia announces a plan ${payload}`);
  });
});
