// The content model's public surface: what site, newsroom, api and cli may use.

/** Writes of the editorial workflow: a new locale variant, story details, translation mark, removal. */
export {
  addVariant,
  editStory,
  type NewVariantInput,
  removeStory,
  type StoryDetailChanges,
  setTranslatedFromRevision,
} from './edit.js';
/** Entities a text mentions through any name or alias in any language (英伟达 → Nvidia). */
export { type EntitySuggestion, suggestEntities } from './entity-mentions.js';
/** Typed errors the store raises; platform/http maps them to statuses. */
export * from './errors.js';
/** Events integrators hear of. */
export type { ContentEvent, ContentEventType } from './events.js';
/** Plain objects the store returns. */
export * from './model.js';
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
  type PublishedVariantRef,
  updateFirstPublished,
} from './queries/listing.js';
export {
  deleteShareVisitsBefore,
  findShareCount,
  listShareCounts,
  pruneShareVisits,
  recordShare,
} from './queries/shares.js';
export {
  countStories,
  findRedirect,
  findStories,
  findStory,
  findStoryCards,
  findStoryIdBySlug,
} from './queries/stories.js';
export {
  findSiteSettings,
  insertMedia,
  listEntities,
  listMedia,
  listSections,
  saveSiteSettings,
  upsertEntity,
  upsertSection,
} from './queries/taxonomy.js';
/** The variant a reader of a locale gets. */
export { readerVariant } from './reader-variant.js';
/** Ranking related stories. */
export { RELATED_CANDIDATES_PER_ENTITY, rankRelatedStories, type StoriesByEntity } from './related.js';
/** Writes that keep the publishing rules: rendering, reading time, language QA, redirects. */
export {
  type ContentChange,
  editVariant,
  findFreeSlug,
  importStories,
  inTransaction,
  moveStory,
  setVariantStatus,
  type VariantChanges,
  type WriteOptions,
} from './save.js';
/** Slug rules: one slug per title, numbered (`-2`, `-3`…) within the length limit when taken. */
export { numberedSlug, slugify, uniqueSlug } from './slug.js';
/** A source's publication date: a calendar date or a date-time, kept as written. */
export { SourceDateSchema } from './source-date.js';
/** Export and import of all content as one JSON document. */
export { type ExportDocument, exportContent, importContent, parseExportDocument } from './transfer.js';
/** Inputs the store accepts. */
export type * from './types.js';
/** Public URL scheme shared by stored HTML and the site. */
export * from './urls.js';
