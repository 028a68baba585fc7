import { z } from 'zod';
import {
  CreateStorySchema,
  PatchVariantSchema,
  PublishSchema,
  PutVariantSchema,
  ScheduleSchema,
} from '../../editorial/index.js';
import { isWellFormedLocale } from '../../platform/locale.js';
import { SourceDateSchema } from '../../stories/index.js';

// The Admin API's bodies are the editorial workflow's own schemas (the ones its operations parse
// with), less the fields the URL carries; so the OpenAPI document describes exactly what is checked.

export const StoryIdPath = z.object({
  id: z.coerce.number().int().positive().describe('The story’s id.'),
});

export const VariantPath = StoryIdPath.extend({
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'not a language tag')
    .refine(isWellFormedLocale, { message: 'not a BCP 47 language tag' })
    .describe('The variant’s locale, e.g. `zh`.'),
});

/** A new story: a draft in its source locale; the staff token’s person becomes its author. */
export const CreateStoryBody = CreateStorySchema;

/** A variant’s whole text: replaces it, or adds the locale’s variant (a translation). */
export const PutVariantBody = PutVariantSchema.omit({ storyId: true, locale: true }).extend({
  authorId: PutVariantSchema.shape.authorId.describe(
    'Who the byline credits (a user id); null for none. Left out: unchanged. Changing it needs the publishing right.',
  ),
  translatorId: PutVariantSchema.shape.translatorId.describe(
    'Who translated the variant (a user id); null for none. Left out: unchanged. The source variant has none.',
  ),
});

/** Some of a variant’s text; what is left out stays as it is. */
export const PatchVariantBody = PatchVariantSchema.omit({ storyId: true, locale: true }).extend({
  baseRevision: PatchVariantSchema.shape.baseRevision.describe(
    'The revision the change is based on; a newer one on file answers 409. Defaults to the current one.',
  ),
  authorId: PutVariantBody.shape.authorId,
  translatorId: PutVariantBody.shape.translatorId,
});

export const PublishBody = PublishSchema.omit({ storyId: true, locale: true });
export const ScheduleBody = ScheduleSchema.omit({ storyId: true, locale: true });

const timestamp = z.iso.datetime({ offset: true });

const AdminVariant = z.object({
  locale: z.string(),
  title: z.string(),
  slug: z.string(),
  summary: z.string(),
  body: z.string().describe('Markdown.'),
  faq: z.array(z.object({ question: z.string(), answer: z.string() })),
  heroAlt: z.string(),
  status: z.enum(['draft', 'scheduled', 'published', 'unpublished']),
  revision: z.number().int(),
  publishAt: timestamp.nullable(),
  publishedAt: timestamp.nullable(),
  updatedAt: timestamp,
  translatedFromRevision: z.number().int().nullable(),
  authorId: z.number().int().nullable().describe('The user the byline credits; null: the newsroom signs it.'),
  translatorId: z.number().int().nullable().describe('The user credited as translator, if any.'),
  url: z.url().describe('The variant’s public URL (live only while published).'),
});

export const AdminStory = z.object({
  id: z.number().int(),
  section: z.string().describe('Section key.'),
  sourceLocale: z.string(),
  authorId: z.number().int().nullable(),
  heroMediaId: z.number().int().nullable(),
  entities: z.array(z.string()).describe('Entity slugs, in order.'),
  sources: z.array(
    z.object({
      url: z.string(),
      publisher: z.string(),
      author: z.string(),
      publishedAt: SourceDateSchema.nullable(),
    }),
  ),
  createdAt: timestamp,
  updatedAt: timestamp,
  variants: z.array(AdminVariant),
});

export const AdminStoryEnvelope = z.object({ data: AdminStory });

export const SavedVariantEnvelope = z.object({
  data: AdminStory,
  saved: z.boolean().describe('False when the text matched what was stored (no new revision).'),
  created: z.boolean().describe('True when the save added the locale’s variant.'),
  revision: z.number().int().describe('The variant’s revision after the save.'),
});

export const ScheduledEnvelope = z.object({
  data: AdminStory,
  publishAt: timestamp,
});

/** Named in the OpenAPI document's components. */
export const ADMIN_COMPONENTS = {
  AdminStory,
  AdminVariant,
  AdminStoryEnvelope,
  SavedVariantEnvelope,
  ScheduledEnvelope,
};
