/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for one listing (home, section, entity hub) in one locale.
 * Pure functions: the caller picks and orders the items (newest first) and passes `updated`.
 *
 * We write the XML ourselves rather than through the `feed` package: its JSON output is
 * JSON Feed 1.0 (no `authors`, no item `language`) and it wraps text in CDATA without splitting `]]>`.
 */
import { plainTextToHtml } from './markdown.js';
import { parseIsoDate, XML_DECLARATION, xmlElement, xmlText } from './xml.js';

export interface FeedInput {
  /** Absolute URL of the HTML page the feed mirrors; also the Atom feed id. */
  id: string;
  title: string;
  description: string;
  /** BCP 47 tag, written as given (`zh-Hans`, `en`). */
  language: string;
  /** Absolute; root-relative links in item bodies are resolved against its origin. */
  siteUrl: string;
  /** Absolute self links, one per format. */
  feedUrls: { rss: string; atom: string; json: string };
  /** ISO date: the newest item's date, or now for an empty feed. */
  updated: string;
  copyright: string;
  items: FeedItemInput[];
}

export interface FeedItemInput {
  /** Stable identity. Atom needs an IRI here (RFC 4287 §4.2.6): a URL, `tag:` or `urn:uuid:`. */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** Rendered, sanitized body (markdown-it with html:false). */
  contentHtml: string;
  publishedAt: string;
  updatedAt: string;
  authorName: string;
  /** Section name and entity names. */
  categories: string[];
  image?: { url: string; type: string; width: number; height: number };
  language: string;
}

// --- A tiny XML writer, shared with sitemaps.ts ---

const rfc822 = (iso: string) => parseIsoDate(iso).toUTCString();
// Atom (RFC 4287 §3.3) and JSON Feed 1.1 both want RFC 3339.
const rfc3339 = (iso: string) => parseIsoDate(iso).toISOString();

// Bodies carry root-relative links (the reference FAQ links to `/en/gpus`), but feed readers show
// them away from our site and RSS has no xml:base, so they are made absolute. markdown-it always
// double-quotes attribute values, and a quote in text becomes `&quot;`, so this pattern only meets
// real attributes.
const ROOT_RELATIVE_ATTRIBUTE = /\b(href|src)="\/(?!\/)/g;

function absolutizeLinks(html: string, siteUrl: string): string {
  const origin = new URL(siteUrl).origin;
  return html.replace(ROOT_RELATIVE_ATTRIBUTE, (_, attribute: string) => `${attribute}="${origin}/`);
}

function cleanCategories(categories: string[]): string[] {
  return [...new Set(categories.map((c) => c.trim()).filter((c) => c !== ''))];
}

const hasAuthor = (item: FeedItemInput) => item.authorName.trim() !== '';

const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** RSS 2.0 with the atom (self link), content, dc and media namespaces. */
export function renderRss(feed: FeedInput): string {
  const items = feed.items.map((item) => {
    const children = [
      xmlText('title', item.title),
      xmlText('link', item.url),
      // isPermaLink="true" promises readers the guid opens the story (RSS 2.0, <guid>); only our
      // canonical URL may make that promise.
      xmlText('guid', item.id, { isPermaLink: String(item.id === item.url) }),
      // Readers render <description> as HTML (RSS 2.0 allows entity-encoded HTML there), so the
      // plain-text summary is HTML-escaped first: "Use <script> tags" must show as written.
      xmlText('description', plainTextToHtml(item.summary)),
      xmlText('content:encoded', absolutizeLinks(item.contentHtml, feed.siteUrl)),
      xmlText('pubDate', rfc822(item.publishedAt)),
      // RSS 2.0 has no per-item language; Dublin Core does.
      xmlText('dc:language', item.language),
      ...cleanCategories(item.categories).map((category) => xmlText('category', category)),
    ];
    // RSS 2.0's <author> must be an email address, which we do not publish; dc:creator takes a name.
    if (hasAuthor(item)) children.push(xmlText('dc:creator', item.authorName));
    // <enclosure> requires a length in bytes, which we do not have; Media RSS takes width and height.
    if (item.image) {
      const { url, type, width, height } = item.image;
      children.push(xmlElement('media:content', { url, type, medium: 'image', width, height }));
    }
    return xmlElement('item', {}, children);
  });

  const channel = xmlElement('channel', {}, [
    xmlText('title', feed.title),
    xmlText('link', feed.id),
    xmlText('description', plainTextToHtml(feed.description)),
    xmlText('language', feed.language),
    xmlText('copyright', feed.copyright),
    xmlText('lastBuildDate', rfc822(feed.updated)),
    xmlElement('atom:link', { href: feed.feedUrls.rss, rel: 'self', type: 'application/rss+xml' }),
    ...items,
  ]);
  const rss = xmlElement(
    'rss',
    {
      version: '2.0',
      'xmlns:atom': ATOM_NS,
      'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      'xmlns:media': 'http://search.yahoo.com/mrss/',
    },
    [channel],
  );
  return `${XML_DECLARATION}\n${rss}\n`;
}

/** Atom 1.0 (RFC 4287). */
export function renderAtom(feed: FeedInput): string {
  const entries = feed.items.map((item) => {
    const children = [
      xmlText('id', item.id),
      xmlText('title', item.title, { type: 'text' }),
      xmlElement('link', { rel: 'alternate', type: 'text/html', href: item.url }),
      xmlText('published', rfc3339(item.publishedAt)),
      xmlText('updated', rfc3339(item.updatedAt)),
      xmlText('summary', item.summary, { type: 'text' }),
      xmlText('content', absolutizeLinks(item.contentHtml, feed.siteUrl), { type: 'html' }),
      ...cleanCategories(item.categories).map((term) => xmlElement('category', { term })),
    ];
    if (hasAuthor(item)) children.push(xmlElement('author', {}, [xmlText('name', item.authorName)]));
    if (item.image) {
      children.push(xmlElement('link', { rel: 'enclosure', type: item.image.type, href: item.image.url }));
    }
    return xmlElement('entry', { 'xml:lang': item.language }, children);
  });

  // RFC 4287 §4.1.1: the feed needs an author unless every entry has one. An empty feed gets one
  // too rather than lean on the vacuous case; the feed then names itself.
  const needsFeedAuthor = feed.items.length === 0 || !feed.items.every(hasAuthor);
  const atom = xmlElement('feed', { xmlns: ATOM_NS, 'xml:lang': feed.language }, [
    xmlText('id', feed.id),
    xmlText('title', feed.title, { type: 'text' }),
    xmlText('subtitle', feed.description, { type: 'text' }),
    xmlText('updated', rfc3339(feed.updated)),
    xmlElement('link', { rel: 'alternate', type: 'text/html', href: feed.id }),
    xmlElement('link', { rel: 'self', type: 'application/atom+xml', href: feed.feedUrls.atom }),
    xmlText('rights', feed.copyright, { type: 'text' }),
    ...(needsFeedAuthor ? [xmlElement('author', {}, [xmlText('name', feed.title)])] : []),
    ...entries,
  ]);
  return `${XML_DECLARATION}\n${atom}\n`;
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function renderJsonFeed(feed: FeedInput): string {
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.id,
    feed_url: feed.feedUrls.json,
    description: feed.description,
    language: feed.language,
    // Required even when empty (JSON Feed 1.1, "items").
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: absolutizeLinks(item.contentHtml, feed.siteUrl),
      date_published: rfc3339(item.publishedAt),
      date_modified: rfc3339(item.updatedAt),
      authors: hasAuthor(item) ? [{ name: item.authorName }] : undefined,
      tags: cleanCategories(item.categories),
      image: item.image?.url,
      language: item.language,
    })),
  };
  // JSON.stringify drops the undefined members and escapes lone surrogates (ES2019 well-formed stringify).
  return `${JSON.stringify(document)}\n`;
}
