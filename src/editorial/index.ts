// The editorial workflow, without HTTP: the one home of every story write. The admin, the Admin
// API, the scheduler and the CLI's import call these. Each use case takes the acting person,
// checks the rule book (accounts' `can`), validates its input with zod, runs its writes and its
// audit entries in one transaction, and returns one Outcome for the surface to hand to
// `deliverOutcome` after the commit (cache invalidation and webhook events).

/** What the newsroom's home page lists as needing attention: bounded, indexed reads. */
export {
  listDraftsAwaitingReview,
  listMostSharedStories,
  listScheduledVariants,
  listStaleTranslations,
} from './attention.js';
/** Autosaved drafts: a person's unsaved text per variant, apart from the revisions. */
export {
  type Autosave,
  autosaveVariant,
  currentRevisionOf,
  discardAutosave,
  findAutosave,
  pruneAutosaves,
} from './autosave.js';
/** Starting a story: a draft in its source locale, its author the person who started it. */
export { createStory } from './create.js';
/** The newsroom's story list and the editor's whole story. */
export {
  type DeskStory,
  type EditableStory,
  getStory,
  listDeskStories,
} from './desk.js';
/** A field's line diff (jsdiff), as data for <ins>/<del>. */
export { diffContent, type FieldDiff } from './diff.js';
/** Entities authors propose while writing: approve, merge into another, reject. */
export {
  approveEntity,
  entityNamed,
  MAX_PROPOSED_NAME_CHARS,
  mergeEntityProposal,
  rejectEntityProposal,
} from './entity-proposals.js';
/** Typed errors: NotAllowed (403), InvalidInput and PublishBlocked (422), EditConflict (409)… */
export * from './errors.js';
/** Field-level checks with UI string keys, shared with the admin's forms; InvalidFields (422). */
export {
  ALWAYS,
  checkFields,
  type FieldErrors,
  type FieldsResult,
  InvalidFields,
  splitList,
  text,
} from './fields.js';
/** Loading content written elsewhere: whole stories, or an export document into an empty site. */
export { importContent, importStories } from './import.js';
/** Markdown rendered as the site renders it, for previews; dangling `story:` links reported. */
export { previewMarkdown } from './links.js';
/** The media library's writes: upload and credit line, each with its audit entry. */
export {
  checkCredit,
  MAX_ALT_CHARS,
  MAX_CREDIT_CHARS,
  updateCredit,
  updateMediaTexts,
  uploadMedia,
} from './media.js';
/** Writes to the names on every page: the site reloads them when the outcome is delivered. */
export { deliverNamesOutcome, type NamesOutcome } from './names.js';
/** What a write means for readers and integrators, and how to hand it on. */
export { deliverOutcome, type Outcome } from './outcome.js';
/** Private, expiring preview links to unpublished text. */
export {
  createPreviewLink,
  findPreview,
} from './preview.js';
/** A person's public profile: address, avatar and bio behind their byline. */
export { mayEditProfile, saveProfile } from './profile.js';
/** Going live: now, at a time, or off again (410 for readers). */
export { publish, schedule, unpublish } from './publishing.js';
/** Pre-publication checks: language per block, hero alt, dangling story links, missing locales. */
export { buildQaReport, languageQaReport, type QaFinding, type UntranslatedFinding } from './qa.js';
/** Expired preview links, removed by the hourly prune. */
export { deletePreviewTokensExpiredBefore } from './queries.js';
/** Review and coordination: submit, send back, approve; the team's notes on a story. */
export {
  addStoryNote,
  approveReview,
  MAX_REVIEW_NOTE_CHARS,
  MAX_STORY_NOTE_CHARS,
  type ReviewNotice,
  sendBackForChanges,
  submitForReview,
} from './review.js';
/** The review queue, a variant's review, a story's notes and each person's notices, as read. */
export {
  countReviewQueue,
  countUnreadNotices,
  deleteNoticesReadBefore,
  findStoryReview,
  listNotices,
  listReviewQueue,
  listStoryNotes,
  markNoticesRead,
} from './review-queries.js';
/** Revision history: list, line diff, restore as a new revision. */
export {
  compareRevisions,
  listRevisions,
  restoreRevision,
} from './revisions.js';
/** The scheduler: publishes due variants exactly once, catching up after downtime. */
export {
  publishDueVariants,
  type SchedulerRun,
  startScheduler,
} from './scheduler.js';
/** Input schemas and their types, for callers that validate at their own edge too. */
export * from './schema.js';
/** The site settings: saved with the audit entry of what changed. */
export { saveSettings } from './settings.js';
/** The settings' rules: locales, default, navigation, fallbacks. */
export { checkSettings, type SettingsFields } from './settings-rules.js';
/** The people admin's changes to a staff member: name, role, locales, access. */
export { changeStaffMember } from './staff.js';
/** A story's details (section, entities, sources, hero image, hero alt texts), and deletion. */
export { deleteStory, updateStoryMeta } from './story-details.js';
/** Stories to link to from the editor, by words of their title or slug. */
export { searchStoryLinks } from './story-link-search.js';
/** The editor's submit of the story form: text, details and status in one transaction. */
export { submitStory } from './submit.js';
/** Sections and entities: save and delete, each in one transaction with its audit entry. */
export {
  deleteEntity,
  deleteSection,
  type SavedRecord,
  SectionInUse,
  saveEntity,
  saveSection,
  siteSettingsOrThrow,
} from './taxonomy.js';
/** The rules of sections and entities, as pure checks over what a person typed. */
export {
  checkEntity,
  checkSection,
  ENTITY_KINDS,
  type EntityFields,
  formLocales,
  RESERVED_SECTION_SLUGS,
  type SectionFields,
} from './taxonomy-rules.js';
/** Translations against the source variant: stale marking, the source's diff, confirmation. */
export {
  confirmTranslation,
  getTranslationState,
  translationStateOf,
  translationStatus,
} from './translation.js';
/** The translator's desk: a new translation's scaffold, and the source's changes block by block. */
export { sourceChangesSinceTranslation } from './translation-desk.js';
export { translationScaffold } from './translation-scaffold.js';
/** Saving a variant's text as a new revision, or adding a translation. */
export { patchVariant, type SavedVariant, saveVariant } from './variant-text.js';
