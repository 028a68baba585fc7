// The content model's public surface: what site, newsroom, api and cli may use.

/** Short ASCII slugs for Chinese titles (English title, else pinyin). */
export { loadPinyin, suggestAsciiSlug } from './ascii-slug.js';
/** Entities a text mentions through any name or alias in any language (英伟达 → Nvidia). */
export { suggestEntities } from './entity-mentions.js';
/** Typed errors the store raises; platform/http maps them to statuses. */
export * from './errors.js';
/** Events integrators hear of, and the cached pages a write touched. */
export type { ContentChange, ContentEvent, ContentEventType } from './events.js';
export { heroAltFor, loadMediaTexts, mediaAlt, mediaCredit } from './media-text.js';
/** Plain objects the store returns. */
export * from './model.js';
/** Entities authors proposed while writing, for editorial's review use cases. */
export {
  entitySlugTaken,
  insertProposedEntity,
  listEntityProposals,
  markEntityApproved,
  moveEntityTags,
} from './queries/entity-proposals.js';
/** Reads for the public site. */
export {
  countPublishedStories,
  countStoriesPerEntity,
  type ListedStory,
  type ListingCursor,
  type ListingFilter,
  listLocaleFeedStories,
  listPublishedStories,
  listPublishedVariantRefs,
  listRelatedStoryIds,
  loadStoriesByEntity,
  updateFirstPublished,
} from './queries/listing.js';
export {
  findShareCount,
  pruneShareVisits,
  recordShare,
  setShareCount,
} from './queries/shares.js';
/**
 * Row writes, for editorial alone: its use cases put them together in one transaction with the
 * rules (rendering, slugs, QA), the revision and the audit entry. Nothing else writes stories.
 */
export {
  countStories,
  deleteStoryRow,
  findRedirect,
  findStories,
  findStory,
  findStoryCards,
  findStoryIdByReference,
  findStoryIdBySlug,
  insertRedirect,
  insertStory,
  insertVariant,
  isSlugTaken,
  setStoryEntities,
  setStorySources,
  updateStory,
  updateVariant,
} from './queries/stories.js';
export {
  countStoriesInSection,
  deleteEntity,
  deleteSection,
  findSiteSettings,
  insertMedia,
  listEntities,
  listMedia,
  listSections,
  listStoryIdsTaggedWith,
  saveSiteSettings,
  upsertEntity,
  upsertSection,
} from './queries/taxonomy.js';
/** The variant a reader of a locale gets. */
export { readerVariant } from './reader-variant.js';
/** Published story ids per entity, newest first: what related-story ranking reads. */
export type { StoriesByEntity } from './related.js';
/** Slug rules: one slug per title, numbered (`-2`, `-3`…) within the length limit when taken. */
export { slugify, uniqueSlug } from './slug.js';
/** A source's publication date: a calendar date or a date-time, kept as written. */
export { SourceDateSchema } from './source-date.js';
/** All content as one JSON document: the export, and the check of a document to import. */
export { type ExportDocument, exportContent, parseExportDocument } from './transfer.js';
/** Inputs the store accepts. */
export type * from './types.js';
/** Public URL scheme shared by stored HTML and the site. */
export * from './urls.js';
