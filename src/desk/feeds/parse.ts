import { parseAtomFeed, parseJsonFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { parseFeedDate } from './dates.js';
import { decodeFeedBytes } from './decode.js';
import { FeedMalformed, FeedTooLarge } from './errors.js';
import { absolute, atomLink, first, head, list, type Rec, rec, text } from './fields.js';
import { assertSafeXml } from './safety.js';

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export type FeedItem = {
  guid: string | null;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  author: string | null;
  summary: string | null;
  contentHtml: string | null;
  categories: string[];
};

export type FeedDocument = {
  format: FeedFormat;
  title: string | null;
  siteUrl: string | null;
  language: string | null;
  items: FeedItem[];
};

export type ParseFeedOptions = { contentType?: string; url?: string; now: Date; maxBytes?: number };

/** 10 MiB: the largest feed in the corpus is under 1 MiB; podcasts with long histories reach a few MiB. */
const DEFAULT_MAX_FEED_BYTES = 10 * 1024 * 1024;

type Bases = { document: string | null; language: string | null; items: (string | null)[] };

/** Parses one feed document (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.x) from its raw bytes. */
export function parseFeedDocument(bytes: Uint8Array, options: ParseFeedOptions): FeedDocument {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FEED_BYTES;
  if (bytes.byteLength > maxBytes) throw new FeedTooLarge(bytes.byteLength, maxBytes);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) throw new FeedMalformed('Feed is still gzip-compressed');
  const { text: source } = decodeFeedBytes(bytes, options.contentType);
  const trimmed = source.replace(/^[\s\uFEFF]+/, '');
  if (trimmed === '') throw new FeedMalformed('Feed is empty');
  if (trimmed.startsWith('{')) return fromJson(trimmed, options);
  assertSafeXml(trimmed);
  return fromXml(trimmed, options);
}

function fromJson(source: string, options: ParseFeedOptions): FeedDocument {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new FeedMalformed('Feed is not valid JSON', { cause: String(error) });
  }
  const feed = rec(guard(() => parseJsonFeed(withJsonFeedVersion(value))));
  const base = absolute(text(feed.feed_url), options.url ?? null) ?? options.url ?? null;
  const siteUrl = absolute(text(feed.home_page_url), base);
  const items = list(feed.items).map((item) => ({
    guid: text(item.id),
    title: text(item.title),
    url: absolute(first(item.url, item.external_url), siteUrl ?? base),
    publishedAt: parseFeedDate(text(item.date_published)),
    updatedAt: parseFeedDate(text(item.date_modified)),
    author: first(list(item.authors)[0]?.name, rec(item.author).name, list(feed.authors)[0]?.name),
    summary: text(item.summary),
    contentHtml: first(item.content_html, item.content_text),
    categories: Array.isArray(item.tags) ? item.tags.filter((t): t is string => typeof t === 'string') : [],
  }));
  return { format: 'json', title: text(feed.title), siteUrl, language: text(feed.language), items };
}

/** feedsmith insists on a jsonfeed.org version URL; older feeds write "1.0" or nothing, yet carry items. */
function withJsonFeedVersion(value: unknown): unknown {
  const feed = rec(value);
  const version = text(feed.version) ?? '';
  if (version.startsWith('https://jsonfeed.org/version/') || !Array.isArray(feed.items)) return value;
  return { ...feed, version: 'https://jsonfeed.org/version/1.1' };
}

function rootName(source: string): string | null {
  const body = source.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '');
  return body.match(/<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/)?.[2]?.toLowerCase() ?? null;
}

/** feedsmith drops xml:base, so the root's and each item's are read from the raw text, in order. */
function xmlBases(source: string, itemTag: 'item' | 'entry'): Bases {
  const root = source.match(/<(?:rss|feed|rdf:RDF|RDF)\b[^>]*?xml:base\s*=\s*["']([^"']*)["']/i)?.[1] ?? null;
  const items = [...source.matchAll(new RegExp(`<${itemTag}(?=[\\s>/])([^>]*)>`, 'g'))].map(
    (m) => m[1]?.match(/xml:base\s*=\s*["']([^"']*)["']/)?.[1] ?? null,
  );
  const language = source.match(/<(?:feed|rss)\b[^>]*?xml:lang\s*=\s*["']([^"']*)["']/i)?.[1] ?? null;
  return { document: root, language, items };
}

function toMalformed(error: unknown): FeedMalformed {
  if (error instanceof RangeError) return new FeedMalformed('Feed is nested too deeply to parse');
  return new FeedMalformed(
    `Feed could not be parsed: ${error instanceof Error ? error.message : String(error)}`,
  );
}

function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw toMalformed(error);
  }
}

function fromXml(source: string, options: ParseFeedOptions): FeedDocument {
  const root = rootName(source);
  if (root === 'feed') {
    const feed = parseOrEmpty(source, () => parseAtomFeed(source));
    return fromAtom(feed, xmlBases(source, 'entry'), options);
  }
  if (root === 'rdf' || root === 'rss') {
    const feed = parseOrEmpty(source, () => (root === 'rdf' ? parseRdfFeed(source) : parseRssFeed(source)));
    return fromRss(root, feed, xmlBases(source, 'item'), options);
  }
  throw new FeedMalformed(`Not a feed: the root element is <${root ?? 'none'}>`);
}

/** feedsmith rejects a feed with no channel data and no items; with no <item>/<entry> at all, that is an empty feed. */
function parseOrEmpty(source: string, run: () => unknown): Rec {
  try {
    return rec(run());
  } catch (error) {
    if (!(error instanceof RangeError) && !/<(item|entry)[\s>]/.test(source)) return {};
    throw toMalformed(error);
  }
}

function fromRss(format: 'rss' | 'rdf', feed: Rec, bases: Bases, options: ParseFeedOptions): FeedDocument {
  const docBase = absolute(bases.document, options.url ?? null) ?? options.url ?? null;
  const siteUrl = absolute(text(feed.link), docBase);
  const items = list(feed.items).map((item, index) => {
    const base = absolute(bases.items[index] ?? null, docBase) ?? docBase ?? siteUrl;
    const guid = rec(item.guid);
    const dc = rec(item.dc);
    return {
      guid: first(guid.value, item.guid, rec(item.rdf).about),
      title: text(item.title),
      url: absolute(first(item.link, guid.isPermaLink !== false ? guid.value : null), base),
      publishedAt: parseFeedDate(first(item.pubDate, dc.date, head(dc.dates))),
      updatedAt: parseFeedDate(first(rec(item.atom).updated, rec(item.dcterms).modified)),
      author: first(list(item.authors)[0]?.name, head(item.authors), dc.creator, head(dc.creators)),
      summary: text(item.description),
      contentHtml: first(rec(item.content).encoded, item.description),
      categories: list(item.categories)
        .map((c) => text(c.name))
        .concat((Array.isArray(dc.subjects) ? dc.subjects : [dc.subject]).map(text))
        .filter((c): c is string => c !== null),
    };
  });
  return {
    format,
    title: text(feed.title),
    siteUrl,
    language: first(feed.language, rec(feed.dc).language),
    items,
  };
}

function fromAtom(feed: Rec, bases: Bases, options: ParseFeedOptions): FeedDocument {
  const self = text(list(feed.links).find((l) => l.rel === 'self')?.href);
  const feedUrl = absolute(self, options.url ?? null) ?? options.url ?? null;
  const docBase = absolute(bases.document, feedUrl) ?? feedUrl;
  const siteUrl = absolute(atomLink(feed.links), docBase);
  const items = list(feed.entries).map((entry, index) => {
    const base = absolute(bases.items[index] ?? null, docBase) ?? docBase ?? siteUrl;
    const published = parseFeedDate(first(entry.published, entry.issued, entry.created));
    const updated = parseFeedDate(first(entry.updated, entry.modified));
    return {
      guid: text(entry.id),
      title: text(entry.title),
      url: absolute(atomLink(entry.links), base),
      publishedAt: published ?? updated,
      updatedAt: updated,
      author: first(list(entry.authors)[0]?.name, list(feed.authors)[0]?.name),
      summary: text(entry.summary),
      contentHtml: text(entry.content),
      categories: list(entry.categories)
        .map((c) => first(c.label, c.term))
        .filter((c): c is string => c !== null),
    };
  });
  return { format: 'atom', title: text(feed.title), siteUrl, language: bases.language, items };
}
