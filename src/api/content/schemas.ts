import { z } from 'zod';
import { SourceDateSchema } from '../../stories/index.js';

// The Content API's requests and responses. Request schemas check what arrives; response schemas
// describe what the handlers build (their types are the handlers' return types) and feed the
// OpenAPI document.

const ENTITY_KINDS = ['company', 'product', 'model', 'gpu', 'person', 'topic'] as const;

const localeParam = z
  .string()
  .min(2)
  .max(35)
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'not a language tag')
  .optional()
  .describe('Locale to read in, e.g. `zh` or `en`; the site’s default locale when absent.');

export const ListStoriesQuery = z.object({
  locale: localeParam,
  section: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Only this section: its key (`ai-models`) or its slug in the locale.'),
  entity: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Only stories tagged with this entity (its slug, e.g. `nvidia`).'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('Page number, from 1.'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Stories per page, 1 to 100.'),
});

export const StoryPath = z.object({
  id: z.coerce.number().int().positive().describe('The story’s id.'),
});

export const LocaleQuery = z.object({ locale: localeParam });

export const ListEntitiesQuery = z.object({
  locale: localeParam,
  kind: z.enum(ENTITY_KINDS).optional().describe('Only entities of this kind.'),
});

const absoluteUrl = z.url().describe('Absolute URL on the public site.');

export const SectionRef = z.object({
  key: z.string().describe('Stable, locale-independent key.'),
  name: z.string(),
  slug: z.string(),
  url: absoluteUrl,
});

const EntityRef = z.object({
  slug: z.string(),
  kind: z.enum(ENTITY_KINDS),
  name: z.string(),
  url: absoluteUrl,
});

const Rendition = z.object({
  url: absoluteUrl,
  width: z.number().int().positive().describe('Pixel width of the file at `url`.'),
  height: z.number().int().positive().describe('Pixel height of the file at `url`.'),
});

export const Image = Rendition.extend({
  url: absoluteUrl.describe('The default rendition (the first at least 800 pixels wide), WebP.'),
  alt: z.string(),
  credit: z.string(),
  renditions: z
    .array(Rendition)
    .describe('Every rendition, narrowest first, each with its own size: a `srcset` in data.'),
}).describe('A hero image: `url`, `width` and `height` describe the same file.');

export const StorySummary = z.object({
  id: z.number().int(),
  locale: z.string().describe('Locale of the text returned.'),
  requestedLocale: z.string(),
  isFallback: z
    .boolean()
    .describe(
      'True when the story has no published variant in the requested locale and another is shown (the site’s fallback rule).',
    ),
  title: z.string(),
  slug: z.string(),
  summary: z.string(),
  url: absoluteUrl.describe('Where a reader of the requested locale finds the story.'),
  section: SectionRef,
  entities: z.array(EntityRef),
  publishedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  readingMinutes: z.number().int(),
  image: Image.nullable(),
});

export const StoryDetail = StorySummary.extend({
  bodyHtml: z.string().describe('The body rendered to HTML (links made absolute).'),
  bodyMarkdown: z.string().describe('The body as written, in Markdown.'),
  faq: z.array(z.object({ question: z.string(), answerMarkdown: z.string(), answerHtml: z.string() })),
  sources: z.array(
    z.object({
      url: z.string(),
      publisher: z.string(),
      author: z.string(),
      publishedAt: SourceDateSchema.nullable(),
    }),
  ),
  translations: z
    .array(z.object({ locale: z.string(), url: absoluteUrl }))
    .describe('Every published variant of the story, with its own URL.'),
});

export const StoryPage = z.object({
  data: z.array(StorySummary),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int().describe('Stories matching, over all pages.'),
  totalPages: z.number().int(),
});

export const StoryEnvelope = z.object({ data: StoryDetail });

export const Section = SectionRef.extend({ description: z.string(), position: z.number().int() });
export const SectionList = z.object({ data: z.array(Section) });

export const Entity = EntityRef.extend({
  aliases: z.array(z.string()),
  description: z.string(),
  storyCount: z.number().int().describe('Published stories tagged with it.'),
});
export const EntityList = z.object({ data: z.array(Entity) });

/** Named in the OpenAPI document's components. */
export const CONTENT_COMPONENTS = {
  StorySummary,
  StoryDetail,
  SectionRef,
  EntityRef,
  Image,
  Section,
  Entity,
  StoryPage,
  StoryEnvelope,
  SectionList,
  EntityList,
};
