// Pure publishing rules: no I/O, no clock. Every export here is a plain function of its input.

/** A body's top-level blocks, aligned across languages and across revisions. */
export {
  alignTranslation,
  type BlockChange,
  blockChanges,
  type SourceBlock,
  splitBlocks,
  type TableCells,
  tableCells,
} from './block-alignment.js';
/** Click-to-load embeds for YouTube, Vimeo, X and GitHub links. */
export {
  type EmbedKind,
  type EmbedLabels,
  embedsAsLinks,
} from './embeds.js';
/** RSS 2.0, Atom 1.0, JSON Feed 1.1. */
export { type FeedInput, renderAtom, renderJsonFeed, renderRss } from './feeds.js';
/** hreflang sets and language tags. */
export { hreflangLinks, htmlLangTag } from './hreflang.js';
/** Per-block language checks before publishing. */
export {
  checkVariantLanguageLazily,
  detectorFor,
  detectTextLanguage,
  type LanguageDetector,
  type LanguageFinding,
  loadLanguageDetector,
  otherLanguages,
} from './language-qa.js';
/** Choosing a reader's locale and a story's variant. */
export { chooseLocale, variantFallback } from './locale-negotiation.js';
/** Markdown to safe HTML (raw HTML off), heading ids, `story:` links. */
export { markdownToPlainText, markdownTopLevelTexts, renderMarkdown } from './markdown.js';
/** Reading minutes, CJK-aware. */
export { readingMinutes } from './reading-time.js';
/** robots.txt. */
export { renderRobotsTxt } from './robots.js';
/** Sitemap index, URL sets with alternates, Google News sitemap. */
export {
  NEWS_WINDOW_MS,
  type NewsSitemapEntry,
  recentNewsEntries,
  renderNewsSitemap,
  renderSitemapIndex,
  renderUrlSet,
} from './sitemaps.js';
/** Open Graph and Twitter card tags. */
export { socialMeta } from './social-meta.js';
/** schema.org JSON-LD builders and their safe serialisation. */
export { breadcrumbListJsonLd, faqPageJsonLd, newsArticleJsonLd } from './structured-data.js';
/** A new translation's scaffold from the source's shape, text to translate marked `⟦…⟧`. */
export {
  leftoverPlaceholders,
  placeholder,
  scaffoldMarkdown,
  storyLinkReferences,
} from './translation-scaffold.js';
