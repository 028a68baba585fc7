import { describe, expect, it } from 'vitest';
import type { CrawledPage } from './crawl.js';
import { discoveredLinks, sameSitePath } from './crawl.js';
import { hreflangProblems, jsonLdProblems } from './seo-checks.js';
import { feedProblems, readFeed, readSitemap } from './syndication-checks.js';

// The checkers behind src/site/demo-site.http.test.ts must be able to fail: each is shown a bad sample.

const ORIGIN = 'https://news.example.test';

const article = {
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: 'A',
  datePublished: '2026-11-20T08:00:00.000Z',
  dateModified: '2026-11-20T09:00:00.000Z',
  author: [{ '@type': 'Organization', name: 'Site' }],
  publisher: {
    '@type': 'Organization',
    name: 'Site',
    logo: { '@type': 'ImageObject', url: `${ORIGIN}/l.png` },
  },
  image: [{ '@type': 'ImageObject', url: `${ORIGIN}/media/a.webp` }],
  inLanguage: 'en',
  about: [{ '@type': 'Organization', name: 'Nvidia' }],
};

function page(path: string, head: string): CrawledPage {
  const lang = path.startsWith('/zh/') ? 'zh-Hans' : 'en';
  return {
    path,
    status: 200,
    contentType: 'text/html',
    kind: 'html',
    body: `<!doctype html><html lang="${lang}"><head>${head}</head><body></body></html>`,
    linkedFrom: '',
  };
}

const alternates = (self: string, zh: string, en: string) =>
  `<link rel="canonical" href="${ORIGIN}${self}"/>` +
  `<link rel="alternate" hreflang="en" href="${ORIGIN}${en}"/>` +
  `<link rel="alternate" hreflang="zh-Hans" href="${ORIGIN}${zh}"/>` +
  `<link rel="alternate" hreflang="x-default" href="${ORIGIN}${zh}"/>`;

describe('the site checkers', () => {
  it('accept a complete NewsArticle and name each missing property', () => {
    expect(jsonLdProblems(article)).toEqual([]);
    const { publisher, about, ...rest } = article;
    expect(jsonLdProblems({ ...rest, publisher: { name: 'Site' }, headline: ' ' })).toEqual([
      'NewsArticle: headline missing',
      'NewsArticle: publisher.logo missing or not absolute',
      'NewsArticle: about missing or an entry without @type and name',
    ]);
    expect(jsonLdProblems(new Error('JSON-LD block 1 does not parse'))).toEqual([
      'JSON-LD block 1 does not parse',
    ]);
  });

  it('flag FAQ answers without text and breadcrumbs with relative items or wrong positions', () => {
    const faq = { '@context': 'https://schema.org', '@type': 'FAQPage' };
    expect(
      jsonLdProblems({ ...faq, mainEntity: [{ '@type': 'Question', name: 'Q', acceptedAnswer: {} }] }),
    ).toEqual(['FAQPage: mainEntity[0].acceptedAnswer is not an Answer with text']);
    const crumbs = {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [{ position: 2, name: 'Home', item: '/en/' }],
    };
    expect(jsonLdProblems(crumbs)).toEqual([
      'BreadcrumbList: itemListElement[0].position is 2',
      'BreadcrumbList: itemListElement[0].item is not an absolute URL',
    ]);
  });

  it('accept a reciprocal hreflang pair and flag one that does not link back', () => {
    const good = new Map([
      ['/zh/a', page('/zh/a', alternates('/zh/a', '/zh/a', '/en/a'))],
      ['/en/a', page('/en/a', alternates('/en/a', '/zh/a', '/en/a'))],
    ]);
    expect(hreflangProblems(good, ORIGIN)).toEqual([]);
    const bad = new Map([
      ['/zh/a', page('/zh/a', alternates('/zh/a', '/zh/a', '/en/a'))],
      [
        '/en/a',
        page('/en/a', alternates('/en/a', '/zh/b', '/en/a').replace(/<link[^>]*x-default[^>]*>/, '')),
      ],
    ]);
    expect(hreflangProblems(bad, ORIGIN)).toEqual([
      `${ORIGIN}/zh/a: alternate en ${ORIGIN}/en/a does not list it back`,
      `${ORIGIN}/en/a: no x-default alternate`,
      `${ORIGIN}/en/a: alternate zh-Hans ${ORIGIN}/zh/b was not crawled with 200`,
    ]);
    const relative = new Map([['/en/c', page('/en/c', '<link rel="canonical" href="/en/c"/>')]]);
    expect(hreflangProblems(relative, ORIGIN)).toEqual([
      `${ORIGIN}/en/c: canonical "/en/c" is not an absolute URL`,
    ]);
  });

  it('read feeds with feedsmith and flag items that point outside the crawl', () => {
    const rss = readFeed({
      kind: 'rss',
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>${ORIGIN}/en/</link><language>en</language><item><title>I</title><link>${ORIGIN}/en/x</link><pubDate>Fri, 27 Nov 2026 01:00:00 GMT</pubDate></item></channel></rss>`,
    });
    expect(feedProblems(rss, (url) => url === `${ORIGIN}/en/x`)).toEqual([]);
    expect(feedProblems(rss, () => false)).toEqual([`item 1 links to ${ORIGIN}/en/x, not a crawled page`]);
    expect(() => readFeed({ kind: 'atom', body: '<feed><title>x</feed>' })).toThrow(/not well-formed/);
    expect(feedProblems({ ...rss, items: [] }, () => true)).toEqual(['no items']);
  });

  it('read sitemaps, refusing XML that is not well-formed', () => {
    expect(readSitemap('<sitemapindex><sitemap><loc>a</loc></sitemap></sitemapindex>')).toEqual({
      kind: 'index',
      locs: ['a'],
    });
    expect(() => readSitemap('<urlset><url><loc>a & b</loc></url></urlset>')).toThrow(/not well-formed/);
  });

  it('follow only same-site links, without fragments', () => {
    expect(sameSitePath('https://elsewhere.example/x', '/en/', ORIGIN)).toBeUndefined();
    expect(sameSitePath('../zh/#top', '/en/a', ORIGIN)).toBe('/zh/');
    expect(sameSitePath(`${ORIGIN}/en/?page=2#x`, '/', ORIGIN)).toBe('/en/?page=2');
    const html = page('/en/', '<link rel="alternate" type="application/rss+xml" href="/en/feed.xml"/>');
    html.body +=
      '<a href="mailto:x@example.com">m</a><img src="/media/a.webp" srcset="/media/a-480.webp 480w">';
    expect(discoveredLinks(html, ORIGIN)).toEqual([
      '/en/feed.xml',
      '/media/a.webp',
      '/media/a-480.webp',
      '/en/feed.xml',
    ]);
  });
});
