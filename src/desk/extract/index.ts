/** Feeds a page links to with <link rel="alternate">, resolved against the page URL and <base href>. */
export { discoverFeeds } from './discover.js';
/** Extraction in a worker thread with a deadline, so a hostile page cannot hold up the process. */
export { createExtractionPool, type ExtractInBackground } from './pool.js';
/** Allow-list sanitizer for feed item HTML; relative links and images resolve against the item's base. */
export { sanitizeItemHtml } from './sanitize.js';
/** Plain text of item HTML, one paragraph per block, for clustering and language detection. */
export { htmlToText } from './text.js';
