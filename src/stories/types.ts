import type { EntityKind, VariantStatus } from '../platform/database/index.js';
import type { Locale } from '../platform/locale.js';

export type { EntityKind, VariantStatus };

export interface FaqItem {
  /** Plain text. */
  question: string;
  /** Markdown (inline links allowed, including `story:` links). */
  answer: string;
}

export interface SourceInput {
  url: string;
  publisher: string;
  author: string;
  /** An ISO 8601 date or date-time with offset (SourceDateSchema), or null when the source gives none. */
  publishedAt: string | null;
}

export interface LocalizedSection {
  name: string;
  slug: string;
  description: string;
}

export interface SectionInput {
  /** Stable, locale-independent key such as `ai-models`. */
  key: string;
  position: number;
  translations: Record<Locale, LocalizedSection>;
}

export interface LocalizedEntity {
  name: string;
  aliases: string[];
  description: string;
}

export interface EntityInput {
  slug: string;
  kind: EntityKind;
  translations: Record<Locale, LocalizedEntity>;
}

export interface VariantInput {
  locale: Locale;
  title: string;
  /** Derived from the title when absent; made unique within the locale. */
  slug?: string;
  summary: string;
  /** Markdown: GFM tables, no raw HTML, `story:<slug-or-id>` links. */
  body: string;
  faq: FaqItem[];
  heroAlt: string;
  status?: VariantStatus;
  publishAt?: string | null;
  publishedAt?: string | null;
  /** Kept by export/import; a new variant starts at revision 1. */
  revision?: number;
  updatedAt?: string;
  translatedFromRevision?: number | null;
}

export interface StoryInput {
  /** Section key. */
  section: string;
  sourceLocale: Locale;
  /** Media file name of the hero image. */
  heroImage?: string | null;
  /** Entity slugs, in display order. */
  entities: string[];
  sources: SourceInput[];
  variants: VariantInput[];
  /** Kept by export/import; new stories take the time of saving. */
  createdAt?: string;
  updatedAt?: string;
  /** Slugs the story's variants used to have (export/import). */
  formerSlugs?: { locale: Locale; slug: string }[];
  /** Counted shares (export/import). */
  shareCount?: number;
}

export interface MediaInput {
  fileName: string;
  mimeType: string;
  width: number;
  height: number;
  /** WebP `file` per width, and its AVIF twin when there is one. */
  renditions: { width: number; file: string; avif?: string; height?: number }[];
  credit: string;
}

export interface SiteSettings {
  /** The site's name per locale. */
  name: Record<Locale, string>;
  tagline: Record<Locale, string>;
  locales: Locale[];
  defaultLocale: Locale;
  /** Section keys shown in the navigation, in order. */
  navigation: string[];
  /**
   * Where a reader goes when a story has no variant in their locale, in order of preference.
   * A locale missing here falls back to the story's source locale, then the default locale.
   */
  fallbacks: Record<Locale, Locale[]>;
  /**
   * The newsroom's IANA time zone: schedule times are typed and every admin time is shown in it
   * (stored times stay UTC). Absent in settings saved before it existed: UTC.
   */
  timeZone?: string;
}
