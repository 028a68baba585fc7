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
