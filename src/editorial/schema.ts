import { z } from 'zod';
import { isWellFormedLocale } from '../platform/locale.js';
import { SourceDateSchema } from '../stories/index.js';
import { InvalidInput } from './errors.js';

// What every editorial operation accepts, checked here whoever calls (the admin's forms, the Admin
// API's JSON). Limits are generous: they stop abuse, not long stories.

/**
 * The limits of a story's fields, in characters (items for lists). The schemas below apply them,
 * and the admin's forms take theirs from here, so a form never accepts what a save refuses.
 */
export const STORY_LIMITS = {
  titleChars: 300,
  slugChars: 200,
  summaryChars: 1_000,
  bodyChars: 200_000,
  heroAltChars: 1_000,
  faqItems: 50,
  questionChars: 500,
  answerChars: 10_000,
  sources: 50,
  sourceUrlChars: 2_000,
  publisherChars: 200,
  authorChars: 200,
  entities: 100,
  qaReasonChars: 2_000,
} as const;
const L = STORY_LIMITS;

const id = z.number().int().positive();
const locale = z.string().refine(isWellFormedLocale, { message: 'not a BCP 47 language tag' });
const text = (max: number) => z.string().trim().max(max);
// Browsers submit textareas with CRLF line ends; stored Markdown, diffs and revisions use LF.
const lines = (max: number) =>
  z
    .string()
    .max(max)
    .transform((value) => value.replace(/\r\n?/g, '\n'));

const FaqItemSchema = z.object({
  question: text(L.questionChars).min(1),
  answer: lines(L.answerChars)
    .transform((value) => value.trim())
    .pipe(z.string().min(1)),
});

export const SourceSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).max(L.sourceUrlChars),
  publisher: text(L.publisherChars).default(''),
  author: text(L.authorChars).default(''),
  /** Null when the source gives none. */
  publishedAt: SourceDateSchema.nullable().default(null),
});

/** The text of one locale variant. */
const VariantContentSchema = z.object({
  title: text(L.titleChars).min(1),
  /** Derived from the title when empty or absent. */
  slug: text(L.slugChars).optional(),
  summary: text(L.summaryChars).default(''),
  /** Markdown. */
  body: lines(L.bodyChars).default(''),
  faq: z.array(FaqItemSchema).max(L.faqItems).default([]),
  heroAlt: text(L.heroAltChars).default(''),
});

/** An editor's or owner's decision to publish despite QA findings, with the reason logged. */
const QaOverrideSchema = z.object({ reason: text(L.qaReasonChars).min(1) });

export const CreateStorySchema = z.object({
  /** Section key. */
  section: z.string().min(1),
  sourceLocale: locale,
  variant: VariantContentSchema,
  /** Entity slugs. */
  entities: z.array(z.string().min(1)).max(L.entities).default([]),
  sources: z.array(SourceSchema).max(L.sources).default([]),
  heroMediaId: id.nullable().default(null),
});

export const SaveVariantSchema = VariantContentSchema.extend({
  storyId: id,
  locale,
  /** The revision the person started from; a newer one on file is an edit conflict. */
  baseRevision: z.number().int().nonnegative().optional(),
  /** A new translation: the source revision it was made from (default: the current one). */
  translatedFromRevision: id.optional(),
  qaOverride: QaOverrideSchema.optional(),
});

/** The byline as the Admin API sets it with the text; a field left out keeps what is stored. */
const BylineFieldsSchema = z.object({
  authorId: id.nullable().optional(),
  translatorId: id.nullable().optional(),
});

/** A variant's whole text (the Admin API's PUT), with its byline. */
export const PutVariantSchema = SaveVariantSchema.extend(BylineFieldsSchema.shape);

const content = VariantContentSchema.shape;

/** Some of a variant's text; what is left out stays as stored. */
export const PatchVariantSchema = z
  .object({
    storyId: id,
    locale,
    title: content.title.optional(),
    slug: content.slug,
    summary: content.summary.unwrap().optional(),
    body: content.body.unwrap().optional(),
    faq: content.faq.unwrap().optional(),
    heroAlt: content.heroAlt.unwrap().optional(),
    /** The revision the change is based on; a newer one on file is an edit conflict. Default: the current one. */
    baseRevision: z.number().int().nonnegative().optional(),
    qaOverride: QaOverrideSchema.optional(),
  })
  .extend(BylineFieldsSchema.shape);

export const StoryMetaSchema = z.object({
  storyId: id,
  section: z.string().min(1).optional(),
  entities: z.array(z.string().min(1)).max(L.entities).optional(),
  /** Names of entities the newsroom does not know yet: each becomes a proposal tagged on the story. */
  proposedEntities: z.array(z.string().trim().min(1).max(120)).max(L.entities).optional(),
  sources: z.array(SourceSchema).max(L.sources).optional(),
  heroMediaId: id.nullable().optional(),
  /** Hero alt text per locale; each goes through that variant's save (and its permission). */
  heroAlt: z.record(z.string(), text(L.heroAltChars)).optional(),
  qaOverride: QaOverrideSchema.optional(),
});

export const VariantRefSchema = z.object({ storyId: id, locale });

/** The story-wide fields: section, entity tags, sources and hero image. */
const StoryDetailsSchema = StoryMetaSchema.pick({
  section: true,
  entities: true,
  proposedEntities: true,
  sources: true,
  heroMediaId: true,
});

/**
 * One submit of the editor's story form: the variant's text and the story's details as the person
 * may change them, and what to do with the variant (keep its status, publish, schedule, withdraw).
 */
export const SubmitStorySchema = VariantRefSchema.extend({
  intent: z.enum(['save', 'publish', 'schedule', 'unpublish']),
  /** Absent when the person may not edit this locale's text. */
  text: SaveVariantSchema.omit({ storyId: true, locale: true, qaOverride: true }).optional(),
  /** Absent, or only what differs from the stored story, when the person may change it. */
  details: StoryDetailsSchema.optional(),
  /** For `schedule`: ISO 8601 with an offset or Z. */
  publishAt: z.iso.datetime({ offset: true }).optional(),
  qaOverride: QaOverrideSchema.optional(),
  /** Who the variant's byline credits; absent to leave it. Null removes the credit. */
  byline: z.object({ authorId: id.nullable(), translatorId: id.nullable() }).optional(),
}).refine((submit) => submit.intent !== 'schedule' || submit.publishAt !== undefined, {
  path: ['publishAt'],
  message: 'a schedule needs a time',
});

export const PublishSchema = VariantRefSchema.extend({ qaOverride: QaOverrideSchema.optional() });

export const ScheduleSchema = PublishSchema.extend({
  /** ISO 8601 with an offset or Z; stored as UTC. */
  publishAt: z.iso.datetime({ offset: true }),
});

export const StoryRefSchema = z.object({ storyId: id });

export const RevisionRefSchema = VariantRefSchema.extend({ revision: id });

export const RestoreSchema = RevisionRefSchema.extend({ qaOverride: QaOverrideSchema.optional() });

export const ListRevisionsSchema = StoryRefSchema.extend({ locale: locale.optional() });

export const CompareSchema = VariantRefSchema.extend({ from: id, to: id });

export const PreviewLinkSchema = VariantRefSchema.extend({
  /** How long the link works: an hour to two weeks. */
  hours: z.number().int().min(1).max(336).default(48),
});

export const PreviewMarkdownSchema = z.object({
  locale,
  body: lines(L.bodyChars),
  // Unsaved FAQ items may be half written: none of them is required here.
  faq: z
    .array(z.object({ question: z.string().max(L.questionChars), answer: lines(L.answerChars) }))
    .max(L.faqItems)
    .default([]),
});

export const DeskFilterSchema = z.object({
  sectionId: id.optional(),
  status: z.enum(['draft', 'scheduled', 'published', 'unpublished']).optional(),
  locale: locale.optional(),
  translation: z.enum(['missing', 'stale', 'current']).optional(),
  /** Words of a title, in any locale. */
  query: text(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});

export type CreateStoryInput = z.input<typeof CreateStorySchema>;
export type SaveVariantInput = z.input<typeof PutVariantSchema>;
export type SaveVariantValue = z.output<typeof SaveVariantSchema>;
export type StoryMetaInput = z.input<typeof StoryMetaSchema>;
export type PatchVariantInput = z.input<typeof PatchVariantSchema>;
export type SubmitStoryInput = z.input<typeof SubmitStorySchema>;
export type VariantRef = z.input<typeof VariantRefSchema>;
export type PublishInput = z.input<typeof PublishSchema>;
export type ScheduleInput = z.input<typeof ScheduleSchema>;
export type StoryRef = z.input<typeof StoryRefSchema>;
export type RevisionRef = z.input<typeof RevisionRefSchema>;
export type RestoreInput = z.input<typeof RestoreSchema>;
export type ListRevisionsInput = z.input<typeof ListRevisionsSchema>;
export type CompareInput = z.input<typeof CompareSchema>;
export type DeskFilter = z.input<typeof DeskFilterSchema>;

/** Parses `input`, or throws InvalidInput naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new InvalidInput(
      result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return result.data;
}
