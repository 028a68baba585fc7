import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { sitemapSchemaProblems } from '../../test/support/syndication-checks.js';
import {
  chunk,
  MAX_NEWS_URLS,
  MAX_SITEMAP_URLS,
  type NewsSitemapEntry,
  newsLanguageCode,
  renderNewsSitemap,
  renderSitemapIndex,
  renderUrlSet,
  type UrlSetEntry,
} from './sitemaps.js';

const SITE = 'https://velocity.example';
const HOUR_MS = 60 * 60 * 1000;
const NOW = new Date('2025-03-03T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

const fxp = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => ['sitemap', 'url', 'xhtml:link'].includes(name),
});

function parseXml(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return fxp.parse(xml);
}

function storyEntry(slug: string): UrlSetEntry {
  const zh = `${SITE}/zh/ai-models/${slug}`;
  const en = `${SITE}/en/ai-models/${slug}`;
  return {
    url: zh,
    lastModified: '2025-03-02T09:30:00Z',
    alternates: [
      { hreflang: 'zh-Hans', href: zh },
      { hreflang: 'en', href: en },
      { hreflang: 'x-default', href: en },
    ],
  };
}

const news = (title: string, publishedAt: string, language = 'zh-Hans'): NewsSitemapEntry => ({
  url: `${SITE}/zh/ai-models/${encodeURIComponent(title)}?a=1&b=2`,
  title,
  language,
  publishedAt,
  publicationName: language.startsWith('zh') ? '码速 & Co' : 'Code Velocity & Co',
});

describe('chunk', () => {
  it.each([
    ['empty list', [], 2, []],
    [
      'exact fit',
      [1, 2, 3, 4],
      2,
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ['remainder', [1, 2, 3], 2, [[1, 2], [3]]],
  ])('%s', (_, items, size, expected) => expect(chunk(items, size)).toEqual(expected));

  it('splits at the sitemaps.org limit', () => {
    const urls = Array.from({ length: MAX_SITEMAP_URLS + 1 }, (_, i) => i);
    expect(chunk(urls, MAX_SITEMAP_URLS).map((run) => run.length)).toEqual([MAX_SITEMAP_URLS, 1]);
  });

  it('refuses a size below one', () => expect(() => chunk([1], 0)).toThrow(RangeError));
});

describe('renderSitemapIndex', () => {
  it('lists each sitemap with loc and optional lastmod, escaping &', () => {
    const xml = renderSitemapIndex([
      { url: `${SITE}/sitemaps/stories-1.xml?lang=zh&page=1`, lastModified: '2025-03-02T09:30:00Z' },
      { url: `${SITE}/sitemaps/news.xml` },
    ]);
    expect(xml).toContain('?lang=zh&amp;page=1');
    const { sitemapindex } = parseXml(xml);
    expect(sitemapindex['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(sitemapindex.sitemap).toEqual([
      { loc: `${SITE}/sitemaps/stories-1.xml?lang=zh&page=1`, lastmod: '2025-03-02T09:30:00.000Z' },
      { loc: `${SITE}/sitemaps/news.xml` },
    ]);
  });

  it('refuses a relative URL', () => expect(() => renderSitemapIndex([{ url: '/sitemap.xml' }])).toThrow());
});

describe('renderUrlSet', () => {
  it('writes loc, lastmod and one xhtml:link per alternate', () => {
    const { urlset } = parseXml(renderUrlSet([storyEntry('nvidia-amd'), storyEntry('gpu')]));
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset['@_xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
    expect(urlset.url).toHaveLength(2);
    const [first] = urlset.url;
    expect(first.loc).toBe(`${SITE}/zh/ai-models/nvidia-amd`);
    expect(first.lastmod).toBe('2025-03-02T09:30:00.000Z');
    expect(first['xhtml:link']).toEqual([
      { '@_rel': 'alternate', '@_hreflang': 'zh-Hans', '@_href': `${SITE}/zh/ai-models/nvidia-amd` },
      { '@_rel': 'alternate', '@_hreflang': 'en', '@_href': `${SITE}/en/ai-models/nvidia-amd` },
      { '@_rel': 'alternate', '@_hreflang': 'x-default', '@_href': `${SITE}/en/ai-models/nvidia-amd` },
    ]);
  });

  it('escapes & in loc and href, and percent-encodes Chinese paths', () => {
    const url = `${SITE}/zh/搜索?q=a&page=2`;
    const xml = renderUrlSet([
      {
        url,
        alternates: [
          { hreflang: 'zh', href: url },
          { hreflang: 'x-default', href: url },
        ],
      },
    ]);
    expect(xml).not.toMatch(/&(?!amp;)/);
    const [entry] = parseXml(xml).urlset.url;
    expect(entry.loc).toBe(`${SITE}/zh/%E6%90%9C%E7%B4%A2?q=a&page=2`);
    expect(entry['xhtml:link'][0]['@_href']).toBe(entry.loc);
  });

  it('accepts an entry with no alternates', () => {
    const { urlset } = parseXml(renderUrlSet([{ url: `${SITE}/about`, alternates: [] }]));
    expect(urlset.url[0]).toEqual({ loc: `${SITE}/about` });
  });

  it('refuses to write an empty url set or index, which the schema does not allow', () => {
    expect(() => renderUrlSet([])).toThrow(RangeError);
    expect(() => renderSitemapIndex([])).toThrow(RangeError);
  });

  it('writes documents that keep the sitemaps.org schema rules', () => {
    expect(sitemapSchemaProblems(renderUrlSet([storyEntry('nvidia-amd'), storyEntry('gpu')]))).toEqual([]);
    expect(sitemapSchemaProblems(renderSitemapIndex([{ url: `${SITE}/sitemaps/zh.xml` }]))).toEqual([]);
  });

  it.each([
    ['without itself', (e: UrlSetEntry) => ({ ...e, alternates: e.alternates.slice(1) })],
    ['without x-default', (e: UrlSetEntry) => ({ ...e, alternates: e.alternates.slice(0, 2) })],
    [
      'with a relative href',
      (e: UrlSetEntry) => ({ ...e, alternates: [...e.alternates, { hreflang: 'ja', href: '/ja/x' }] }),
    ],
  ])('refuses an hreflang set %s', (_, spoil) => {
    expect(() => renderUrlSet([spoil(storyEntry('x'))])).toThrow();
  });

  it('refuses more URLs than one sitemap may hold', () => {
    const entries = Array.from({ length: MAX_SITEMAP_URLS + 1 }, () => ({ url: `${SITE}/`, alternates: [] }));
    expect(() => renderUrlSet(entries)).toThrow(/split with chunk/);
  });
});

describe('newsLanguageCode', () => {
  it.each([
    ['zh', 'zh-cn'],
    ['zh-Hans', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh-SG', 'zh-cn'],
    ['zh-Hans-HK', 'zh-cn'],
    ['zh-Hant', 'zh-tw'],
    ['zh-TW', 'zh-tw'],
    ['zh-HK', 'zh-tw'],
    ['zh-Hant-CN', 'zh-tw'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['pt-BR', 'pt'],
    ['EN', 'en'],
    ['not a tag', 'not a tag'],
  ])('%s → %s', (locale, code) => expect(newsLanguageCode(locale)).toBe(code));
});

describe('renderNewsSitemap', () => {
  const options = { now: NOW };

  it('writes the Google News elements with namespaces declared', () => {
    const xml = renderNewsSitemap([news('英伟达 </news:title>', ago(HOUR_MS))], options);
    const { urlset } = parseXml(xml ?? '');
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const [entry] = urlset.url;
    expect(entry.loc).toBe(`${SITE}/zh/ai-models/${encodeURIComponent('英伟达 </news:title>')}?a=1&b=2`);
    expect(entry['news:news']).toEqual({
      'news:publication': { 'news:name': '码速 & Co', 'news:language': 'zh-cn' },
      'news:publication_date': ago(HOUR_MS),
      'news:title': '英伟达 </news:title>',
    });
  });

  it('keeps the last two days only, edge included, and leaves out future stories', () => {
    const twoDays = 48 * HOUR_MS;
    const xml = renderNewsSitemap(
      [
        news('exactly two days', ago(twoDays), 'en'),
        news('just too old', ago(twoDays + 1), 'en'),
        news('now', ago(0), 'zh-TW'),
        news('scheduled', ago(-1), 'en'),
      ],
      options,
    );
    const titles = parseXml(xml ?? '').urlset.url.map(
      (u: { 'news:news': { 'news:title': string } }) => u['news:news']['news:title'],
    );
    expect(titles).toEqual(['now', 'exactly two days']);
  });

  it('lists at most 1,000 stories, newest first', () => {
    const entries = Array.from({ length: MAX_NEWS_URLS + 5 }, (_, i) => news(`s${i}`, ago(i * 1000)));
    const urls = parseXml(renderNewsSitemap(entries.reverse(), options) ?? '').urlset.url;
    expect(urls).toHaveLength(MAX_NEWS_URLS);
    expect(urls[0]['news:news']['news:title']).toBe('s0');
    expect(urls.at(-1)['news:news']['news:title']).toBe(`s${MAX_NEWS_URLS - 1}`);
  });

  // Issue 11: every entry was named by the default locale's name (码速 beside news:language en).
  it("names the publication in each entry's own language", () => {
    const xml = renderNewsSitemap(
      [news('GPU prices', ago(HOUR_MS), 'en'), news('显卡价格', ago(2 * HOUR_MS))],
      options,
    );
    const publications = parseXml(xml ?? '').urlset.url.map(
      (u: { 'news:news': { 'news:publication': unknown } }) => u['news:news']['news:publication'],
    );
    expect(publications).toEqual([
      { 'news:name': 'Code Velocity & Co', 'news:language': 'en' },
      { 'news:name': '码速 & Co', 'news:language': 'zh-cn' },
    ]);
    expect(sitemapSchemaProblems(xml ?? '')).toEqual([]);
  });

  // Issue 11: with nothing recent it was an empty <urlset>, which sitemap.xsd refuses.
  it('writes no document when nothing is recent, since an empty urlset is invalid', () => {
    expect(renderNewsSitemap([news('old', ago(72 * HOUR_MS))], options)).toBeUndefined();
    expect(renderNewsSitemap([], options)).toBeUndefined();
    expect(
      sitemapSchemaProblems(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>',
      ),
    ).toEqual(['urlset has no <url> (the schema requires one)']);
  });
});
