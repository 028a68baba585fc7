/** The article of a fetched page (Readability), sanitized, with plain text and outbound links; HTTP-free. */
export {
  DEFAULT_MAX_PAGE_BYTES,
  type ExtractArticleOptions,
  type ExtractedArticle,
  extractArticle,
  MAX_PAGE_ELEMENTS,
  MAX_PAGE_SQUARED_DEPTH_SUM,
  MAX_PAGE_TEXT_RUNS,
} from './article.js';
/** HTML bytes to text: BOM, then HTTP charset, then <meta> (overruled by valid UTF-8), then a fallback. */
export { type DecodedHtml, decodeHtmlBytes } from './charset.js';
/** Feeds a page links to with <link rel="alternate">, resolved against the page URL and <base href>. */
export {
  type DiscoveredFeed,
  type DiscoveredFeedFormat,
  type DiscoverFeedsOptions,
  discoverFeeds,
} from './discover.js';
/** Typed errors: page too large, refused (too deep or too big a tree), malformed, bad page URL. */
export { InvalidPageUrl, PageMalformed, PageRefused, PageTooLarge } from './errors.js';
/** Deepest element nesting any HTML here is parsed at; deeper markup is refused or flattened to text. */
export { MAX_NESTING_DEPTH } from './nesting.js';
/** Extraction in a worker thread with a deadline, so a hostile page cannot hold up the process. */
export { createExtractionPool, type ExtractInBackground } from './pool.js';
/** Allow-list sanitizer for feed item HTML; relative links and images resolve against the item's base. */
export { sanitizeItemHtml } from './sanitize.js';
/** Plain text of item HTML, one paragraph per block, for clustering and language detection. */
export { htmlToText } from './text.js';
