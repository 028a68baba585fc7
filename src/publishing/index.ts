// Pure publishing rules: no I/O, no clock. Every export here is a plain function of its input.

/** RSS 2.0, Atom 1.0, JSON Feed 1.1. */
export * from './feeds.js';
/** hreflang sets and language tags. */
export * from './hreflang.js';
/** Per-block language checks before publishing. */
export * from './language-qa.js';
/** Choosing a reader's locale and a story's variant. */
export * from './locale-negotiation.js';
/** Markdown to safe HTML (raw HTML off), heading ids, `story:` links. */
export * from './markdown.js';
/** Reading minutes, CJK-aware. */
export * from './reading-time.js';
/** robots.txt. */
export * from './robots.js';
/** Sitemap index, URL sets with alternates, Google News sitemap. */
export * from './sitemaps.js';
/** Open Graph and Twitter card tags. */
export * from './social-meta.js';
/** schema.org JSON-LD builders and their safe serialisation. */
export * from './structured-data.js';
