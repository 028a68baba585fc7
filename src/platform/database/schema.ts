import type { Generated, Insertable, Updateable } from 'kysely';
import type { DeskTables } from './schema-desk.js';
import type { MediaTables } from './schema-media.js';
import type { NewsletterTables } from './schema-newsletter.js';
import type { NewsroomTables } from './schema-newsroom.js';
import type { ReviewTables } from './schema-review.js';

export type * from './schema-desk.js';
export type * from './schema-newsletter.js';
export type * from './schema-newsroom.js';
export type * from './schema-review.js';

// Timestamps are ISO 8601 UTC strings (`Date#toISOString()`) in both dialects, so they sort as
// text and round-trip through export/import unchanged. JSON columns are text for the same reason.

export type VariantStatus = 'draft' | 'scheduled' | 'published' | 'unpublished';
export type EntityKind = 'company' | 'product' | 'model' | 'gpu' | 'person' | 'topic';

export interface SettingsTable {
  key: string;
  value: string;
}

export interface SectionsTable {
  id: Generated<number>;
  key: string;
  position: number;
  created_at: string;
}

export interface SectionTranslationsTable {
  section_id: number;
  locale: string;
  name: string;
  slug: string;
  description: string;
}

export interface MediaTable {
  id: Generated<number>;
  file_name: string;
  mime_type: string;
  width: number;
  height: number;
  /** JSON: `{ width, file, avif?, height? }[]`, the responsive renditions (WebP, and AVIF when made), smallest first. */
  renditions: string;
  credit: string;
  created_at: string;
}

export interface StoriesTable {
  id: Generated<number>;
  section_id: number;
  source_locale: string;
  hero_media_id: number | null;
  created_at: string;
  updated_at: string;
  /** Who created the story (authors may edit only their own); null for imported content. */
  author_id: Generated<number | null>;
  /**
   * The earliest publication among the variants live now; null while none is. Lists order by it,
   * and only `updateFirstPublished` (stories/queries/listing.ts) writes it.
   */
  first_published_at: Generated<string | null>;
}

export interface StoryVariantsTable {
  id: Generated<number>;
  story_id: number;
  locale: string;
  title: string;
  slug: string;
  summary: string;
  body_markdown: string;
  /** Filled by rendering after all of a batch's variants exist, so links between them resolve. */
  body_html: Generated<string>;
  reading_minutes: Generated<number>;
  /** JSON: `{ question, answer }[]` in Markdown. */
  faq: string;
  /** JSON: string[], each FAQ answer rendered to HTML, aligned with `faq`. */
  faq_html: Generated<string>;
  hero_alt: string;
  revision: number;
  status: VariantStatus;
  /** When a scheduled variant goes live. */
  publish_at: string | null;
  published_at: string | null;
  updated_at: string;
  /** The source variant's revision this translation was made from (null for the source itself). */
  translated_from_revision: number | null;
  /** Who wrote it (migration 0014); null for imported text, which the organisation signs. */
  author_id: Generated<number | null>;
  /** Who translated it; null for the source variant. */
  translator_id: Generated<number | null>;
}

export type EntityStatus = 'approved' | 'proposed';

export interface EntitiesTable {
  id: Generated<number>;
  kind: EntityKind;
  slug: string;
  created_at: string;
  /** `proposed` while an author's new name waits for an editor; only approved ones are public. */
  status: Generated<EntityStatus>;
  proposed_by: number | null;
  proposed_at: string | null;
}

export interface EntityTranslationsTable {
  entity_id: number;
  locale: string;
  name: string;
  /** JSON: string[]. */
  aliases: string;
  description: string;
}

export interface StoryEntitiesTable {
  story_id: number;
  entity_id: number;
  position: number;
  /** The story's `first_published_at`, copied so an entity hub reads its stories in index order. */
  first_published_at: Generated<string | null>;
}

export interface SourcesTable {
  id: Generated<number>;
  url: string;
  publisher: string;
  author: string;
  published_at: string | null;
}

export interface StorySourcesTable {
  story_id: number;
  source_id: number;
  position: number;
}

/** A slug a variant used to have: its old URLs answer with a 301 to the current one. */
export interface RedirectsTable {
  locale: string;
  slug: string;
  story_id: number;
  created_at: string;
}

export interface ShareCountsTable {
  story_id: number;
  count: number;
}

export interface ShareVisitsTable {
  story_id: number;
  /** HMAC of the visitor's network (IPv4 /24, IPv6 /48) and the day: never an address. */
  visitor_hash: string;
  day: string;
}

/** Limits shared by every process (platform/database/shared-limits.ts). */
export interface RateCountersTable {
  key: string;
  count: number;
  expires_ms: number;
}

export interface PacingSlotsTable {
  key: string;
  next_free_ms: number;
}

/** One committed write's tags (platform/change-log.ts); `id` is the followers' cursor. */
export interface ChangeLogTable {
  id: Generated<number>;
  at: string;
  payload: string;
}

export interface Database extends NewsroomTables, DeskTables, NewsletterTables, ReviewTables, MediaTables {
  rate_counters: RateCountersTable;
  pacing_slots: PacingSlotsTable;
  settings: SettingsTable;
  sections: SectionsTable;
  section_translations: SectionTranslationsTable;
  media: MediaTable;
  stories: StoriesTable;
  story_variants: StoryVariantsTable;
  entities: EntitiesTable;
  entity_translations: EntityTranslationsTable;
  story_entities: StoryEntitiesTable;
  sources: SourcesTable;
  story_sources: StorySourcesTable;
  redirects: RedirectsTable;
  share_counts: ShareCountsTable;
  share_visits: ShareVisitsTable;
  change_log: ChangeLogTable;
}

export type NewVariant = Insertable<StoryVariantsTable>;
export type VariantUpdate = Updateable<StoryVariantsTable>;
