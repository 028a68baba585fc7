import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import type { CrawledPage } from './crawl.js';

// Feeds and sitemaps as a reader would take them: feedsmith for RSS, Atom and JSON Feed,
// fast-xml-parser for sitemaps. Both refuse XML that is not well-formed before anything else.

export interface FeedItemSummary {
  title: string | undefined;
  link: string | undefined;
  date: string | undefined;
  contentHtml: string | undefined;
  language: string | undefined;
}

export interface FeedSummary {
  format: 'rss' | 'atom' | 'json-feed';
  title: string | undefined;
  link: string | undefined;
  language: string | undefined;
  items: FeedItemSummary[];
}

function wellFormed(xml: string): void {
  const result = XMLValidator.validate(xml);
  if (result !== true) throw new Error(`not well-formed XML: ${result.err.msg} (line ${result.err.line})`);
}

/** The parts of a feed every format has, read with feedsmith. Throws when it does not parse. */
export function readFeed(page: Pick<CrawledPage, 'kind' | 'body'>): FeedSummary {
  if (page.kind === 'rss') {
    wellFormed(page.body);
    const rss = parseRssFeed(page.body);
    return {
      format: 'rss',
      title: rss.title,
      link: rss.link,
      language: rss.language,
      items: (rss.items ?? []).map((item) => ({
        title: item.title,
        link: item.link,
        date: item.pubDate,
        contentHtml: item.content?.encoded,
        language: item.dc?.languages?.[0] ?? rss.language,
      })),
    };
  }
  if (page.kind === 'atom') {
    wellFormed(page.body);
    const atom = parseAtomFeed(page.body);
    const alternate = (links: { href?: string; rel?: string }[] | undefined) =>
      links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href;
    return {
      format: 'atom',
      title: atom.title?.value,
      link: alternate(atom.links),
      language: atom.xml?.lang,
      items: (atom.entries ?? []).map((entry) => ({
        title: entry.title?.value,
        link: alternate(entry.links),
        date: entry.published ?? entry.updated,
        contentHtml: entry.content?.value,
        language: entry.xml?.lang ?? atom.xml?.lang,
      })),
    };
  }
  if (page.kind === 'json-feed') {
    const json = parseJsonFeed(page.body);
    return {
      format: 'json-feed',
      title: json.title,
      link: json.home_page_url,
      language: json.language,
      items: (json.items ?? []).map((item) => ({
        title: item.title,
        link: item.url,
        date: item.date_published,
        contentHtml: item.content_html,
        language: item.language ?? json.language,
      })),
    };
  }
  throw new Error(`not a feed: ${page.kind}`);
}

/**
 * A feed has a title and a link, at least one item, and every item a title, a link and a date;
 * each item link is an HTML page of the crawl that answered 200.
 */
export function feedProblems(feed: FeedSummary, crawledHtml: (url: string) => boolean): string[] {
  const problems: string[] = [];
  if (!feed.title?.trim()) problems.push('no title');
  if (!feed.link?.trim()) problems.push('no link');
  if (!feed.language?.trim()) problems.push('no language');
  if (feed.items.length === 0) problems.push('no items');
  feed.items.forEach((item, i) => {
    if (!item.title?.trim()) problems.push(`item ${i + 1} has no title`);
    if (!item.date || Number.isNaN(Date.parse(item.date))) problems.push(`item ${i + 1} has no valid date`);
    if (!item.link) problems.push(`item ${i + 1} has no link`);
    else if (!crawledHtml(item.link))
      problems.push(`item ${i + 1} links to ${item.link}, not a crawled page`);
  });
  return problems;
}

/**
 * An HTML body from a feed as a document of its own, so the Nu Html Checker can read it: the item
 * title as its heading (as a feed reader shows it), the body under it, in the item's language.
 */
export function feedItemDocument(contentHtml: string, language: string, title: string): string {
  const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<!doctype html><html lang="${text(language)}"><head><meta charset="utf-8"><title>${text(title)}</title></head><body><article><h1>${text(title)}</h1>${contentHtml}</article></body></html>`;
}

export interface SitemapUrl {
  loc: string;
  alternates: { hreflang: string; href: string }[];
  news?: { name: string; language: string; publicationDate: string; title: string };
}

export type Sitemap = { kind: 'index'; locs: string[] } | { kind: 'urlset'; urls: SitemapUrl[] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (name) => ['sitemap', 'url', 'xhtml:link'].includes(name),
});

/** A sitemap index or URL set (with hreflang alternates and Google News entries). */
export function readSitemap(xml: string): Sitemap {
  wellFormed(xml);
  const doc = parser.parse(xml) as {
    sitemapindex?: { sitemap?: { loc: string }[] };
    urlset?: {
      url?: {
        loc: string;
        'xhtml:link'?: { rel: string; hreflang: string; href: string }[];
        'news:news'?: {
          'news:publication': { 'news:name': string; 'news:language': string };
          'news:publication_date': string;
          'news:title': string;
        };
      }[];
    };
  };
  if (doc.sitemapindex) return { kind: 'index', locs: (doc.sitemapindex.sitemap ?? []).map((s) => s.loc) };
  if (!doc.urlset) throw new Error('neither a sitemapindex nor a urlset');
  return {
    kind: 'urlset',
    urls: (doc.urlset.url ?? []).map((url) => {
      const news = url['news:news'];
      return {
        loc: url.loc,
        alternates: (url['xhtml:link'] ?? []).map(({ hreflang, href }) => ({ hreflang, href })),
        ...(news
          ? {
              news: {
                name: news['news:publication']['news:name'],
                language: news['news:publication']['news:language'],
                publicationDate: news['news:publication_date'],
                title: news['news:title'],
              },
            }
          : {}),
      };
    }),
  };
}

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
// W3C Datetime (the lastmod and news:publication_date type): a date, or a date with time and zone.
const W3C_DATETIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

const schemaParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['sitemap', 'url', 'loc', 'lastmod', 'news:news'].includes(name),
});

/**
 * What the sitemaps.org schemas (sitemap.xsd, siteindex.xsd) and Google's News sitemap schema
 * refuse in a document: the root in the sitemaps namespace, 1 to 50,000 entries (an empty urlset
 * or index is invalid), one absolute `<loc>` of 12 to 2,048 characters each, W3C datetimes, and
 * every required news element. Empty when the document is valid by those rules.
 */
export function sitemapSchemaProblems(xml: string): string[] {
  const result = XMLValidator.validate(xml);
  if (result !== true) return [`not well-formed XML: ${result.err.msg}`];
  const doc = schemaParser.parse(xml) as Record<string, Record<string, unknown> | string | undefined>;
  const rootName = ['urlset', 'sitemapindex'].find((name) => name in doc);
  if (!rootName) return ['root is neither urlset nor sitemapindex'];
  const root = doc[rootName];
  const rootObject = typeof root === 'object' && root !== null ? root : {};
  const problems: string[] = [];
  if (rootObject['@xmlns'] !== SITEMAP_NS) problems.push(`${rootName} is not in the ${SITEMAP_NS} namespace`);
  const childName = rootName === 'urlset' ? 'url' : 'sitemap';
  const children = (rootObject[childName] ?? []) as Record<string, unknown>[];
  if (children.length === 0) problems.push(`${rootName} has no <${childName}> (the schema requires one)`);
  if (children.length > 50_000) problems.push(`${rootName} has ${children.length} entries (at most 50,000)`);
  children.forEach((child, i) => {
    const where = `<${childName}> ${i + 1}`;
    const locs = (child.loc ?? []) as string[];
    if (locs.length !== 1) problems.push(`${where} has ${locs.length} <loc>`);
    for (const loc of locs) {
      if (loc.length < 12 || loc.length > 2048) problems.push(`${where}: <loc> length ${loc.length}`);
      if (!/^https?:\/\//.test(loc)) problems.push(`${where}: <loc> ${loc} is not absolute`);
    }
    for (const lastmod of (child.lastmod ?? []) as string[]) {
      if (!W3C_DATETIME.test(lastmod)) problems.push(`${where}: <lastmod> ${lastmod} is not a W3C datetime`);
    }
    const news = (child['news:news'] ?? []) as Record<string, Record<string, string> | string>[];
    if (news.length > 0 && rootObject['@xmlns:news'] !== NEWS_NS)
      problems.push(`news elements without the ${NEWS_NS} namespace`);
    if (news.length > 1) problems.push(`${where} has ${news.length} <news:news>`);
    for (const item of news) {
      const publication = item['news:publication'];
      const name = typeof publication === 'object' ? publication['news:name'] : undefined;
      const language = typeof publication === 'object' ? publication['news:language'] : undefined;
      if (!name?.trim()) problems.push(`${where}: no <news:name>`);
      if (!language || !/^([a-z]{2,3}|zh-cn|zh-tw)$/.test(language))
        problems.push(`${where}: <news:language> ${language}`);
      const date = item['news:publication_date'];
      if (typeof date !== 'string' || !W3C_DATETIME.test(date))
        problems.push(`${where}: <news:publication_date> ${String(date)}`);
      const title = item['news:title'];
      if (typeof title !== 'string' || !title.trim()) problems.push(`${where}: no <news:title>`);
    }
  });
  return problems;
}
