import type { EntityKind, VariantStatus } from '../platform/database/index.js';
import type { Locale } from '../platform/locale.js';
import type { FaqItem, LocalizedEntity, LocalizedSection } from './types.js';

// What the store hands to the rest of the platform: plain objects, JSON columns parsed,
// camelCase names. Rows stay inside the queries modules.

export interface Section {
  id: number;
  key: string;
  position: number;
  translations: Record<Locale, LocalizedSection>;
}

export interface Entity {
  id: number;
  kind: EntityKind;
  slug: string;
  translations: Record<Locale, LocalizedEntity>;
  /** Set while an author's proposal waits for an editor: the public site never shows it. */
  proposed?: true;
}

export interface Rendition {
  width: number;
  /** The WebP file at this width (every reader can show it). */
  file: string;
  /** The same width in AVIF, smaller for the same quality; absent on older records. */
  avif?: string;
  /** Pixel height of the files, as encoded; absent on older records (see `renditionHeight`). */
  height?: number;
  /** The same width in JPEG, for email clients that show no WebP; absent until backfilled. */
  jpeg?: string;
}

/** An image's alt text and credit in one language, kept with the image as a story's defaults. */
export interface MediaText {
  alt: string;
  credit: string;
}

export interface Media {
  id: number;
  fileName: string;
  mimeType: string;
  width: number;
  height: number;
  renditions: Rendition[];
  credit: string;
  createdAt: string;
  /** Per-locale alt text and credit; a locale missing here falls back to `credit` and no alt. */
  texts?: Partial<Record<string, MediaText>>;
}

export interface Source {
  id: number;
  url: string;
  publisher: string;
  author: string;
  publishedAt: string | null;
}

export interface Variant {
  id: number;
  storyId: number;
  locale: Locale;
  title: string;
  slug: string;
  summary: string;
  bodyMarkdown: string;
  bodyHtml: string;
  readingMinutes: number;
  faq: FaqItem[];
  /** Each FAQ answer rendered to HTML (raw HTML off), aligned with `faq`. */
  faqAnswersHtml: string[];
  /** The language of each FAQ question written in another language than the variant, aligned with `faq`. */
  faqQuestionLangs: (string | undefined)[];
  heroAlt: string;
  revision: number;
  status: VariantStatus;
  publishAt: string | null;
  publishedAt: string | null;
  updatedAt: string;
  translatedFromRevision: number | null;
  /** Who the byline credits as writer; null for imported text (the organisation signs it). */
  authorId: number | null;
  /** Who translated this variant; null for the source. */
  translatorId: number | null;
}

export interface Story {
  id: number;
  sectionId: number;
  sourceLocale: Locale;
  heroMediaId: number | null;
  createdAt: string;
  updatedAt: string;
  entityIds: number[];
  sources: Source[];
  variants: Variant[];
}

export function isPublished(variant: Pick<Variant, 'status'>): boolean {
  return variant.status === 'published';
}
