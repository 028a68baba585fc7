import sanitizeHtml from 'sanitize-html';
import { DEFAULT_MAX_PAGE_BYTES } from './article.js';
import { decodeHtmlBytes } from './charset.js';
import { PageTooLarge } from './errors.js';
import { createNestingGuard, NestingTooDeep } from './nesting.js';
import { documentBaseUrl, parsePageUrl, resolveHref } from './resolve-url.js';

export type DiscoveredFeedFormat = 'rss' | 'atom' | 'json' | 'rdf' | 'unknown';

export type DiscoveredFeed = { url: string; format: DiscoveredFeedFormat; title: string | null };

export type DiscoverFeedsOptions = { url: string; contentType?: string | null; maxBytes?: number };

/** Feed autodiscovery (RSS Advisory Board, "RSS Autodiscovery"; JSON Feed 1.1, "Discovery"). */
const FEED_TYPES = new Map<string, DiscoveredFeedFormat>([
  ['application/rss+xml', 'rss'],
  ['application/atom+xml', 'atom'],
  ['application/feed+json', 'json'],
  ['application/json', 'json'],
  ['application/rdf+xml', 'rdf'],
  // Older sites label feeds with the generic XML types; the feed parser sniffs which one it is.
  ['application/xml', 'unknown'],
  ['text/xml', 'unknown'],
]);

const WEB_PROTOCOLS = new Set(['http:', 'https:']);

type FeedLink = { href: string; format: DiscoveredFeedFormat; title: string | null };

function feedLinkOf(attribs: sanitizeHtml.Attributes): FeedLink | null {
  const rel = (attribs.rel ?? '').toLowerCase().split(/[\t\n\f\r ]+/);
  if (!rel.includes('alternate') || !attribs.href?.trim()) return null;
  const type = (attribs.type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format = FEED_TYPES.get(type);
  if (!format) return null;
  // WordPress 5.5+ links every post to its REST API resource as rel=alternate type=application/json.
  if (type === 'application/json' && attribs.href.includes('/wp-json/')) return null;
  return { href: attribs.href, format, title: attribs.title?.replace(/\s+/g, ' ').trim() || null };
}

/**
 * Feeds a page announces with <link rel="alternate" type=…>, in document order, de-duplicated by
 * URL, each resolved against the page URL and the first <base href>. Markup nested too deep stops
 * the scan; the links met before that point (normally all of <head>) are still returned.
 */
export function discoverFeeds(bytes: Uint8Array, options: DiscoverFeedsOptions): DiscoveredFeed[] {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_PAGE_BYTES;
  if (bytes.byteLength > maxBytes) throw new PageTooLarge(bytes.byteLength, maxBytes);
  const pageUrl = parsePageUrl(options.url);
  const { text: html } = decodeHtmlBytes(bytes, options.contentType);

  const found: FeedLink[] = [];
  let baseHref: string | undefined;
  const guard = createNestingGuard();
  try {
    // sanitize-html is used only as a streaming tokenizer here: no tree is built, nothing is kept.
    sanitizeHtml(html, {
      allowedTags: [],
      allowedAttributes: {},
      onOpenTag: (name, attribs) => {
        guard.onOpenTag();
        if (name === 'base' && baseHref === undefined && attribs.href !== undefined) baseHref = attribs.href;
        const link = name === 'link' ? feedLinkOf(attribs) : null;
        if (link) found.push(link);
      },
      onCloseTag: guard.onCloseTag,
    });
  } catch (error) {
    if (!(error instanceof NestingTooDeep)) throw error;
  }

  const base = documentBaseUrl(pageUrl, baseHref);
  const feeds: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  for (const link of found) {
    const url = resolveHref(link.href, base, WEB_PROTOCOLS);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    feeds.push({ url, format: link.format, title: link.title });
  }
  return feeds;
}
