import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../platform/database/index.js';
import { isWellFormedLocale } from '../platform/locale.js';
import { ImportRefused } from './errors.js';
import { listShareCounts } from './queries/shares.js';
import { findStories, listRedirects, listStoryIds } from './queries/stories.js';
import { findSiteSettings, listEntities, listMedia, listSections } from './queries/taxonomy.js';
import { SourceDateSchema } from './source-date.js';
import type { StoryInput } from './types.js';

type Db = Kysely<Database>;

const EXPORT_FORMAT = 'code-velocity-export';

const locale = z.string().refine(isWellFormedLocale, { message: 'not a BCP 47 locale tag' });
const isoDate = z.iso.datetime({ offset: true });
const localized = <T extends z.ZodType>(value: T) => z.record(locale, value);

const FaqItemSchema = z.object({ question: z.string(), answer: z.string() });

const StorySchema = z.object({
  section: z.string().min(1),
  sourceLocale: locale,
  heroImage: z.string().nullable().optional(),
  entities: z.array(z.string()),
  sources: z.array(
    // Only web links: a `javascript:` or `data:` source would be a script link on every page.
    z.object({
      url: z.url({ protocol: /^https?$/ }),
      publisher: z.string(),
      author: z.string(),
      publishedAt: SourceDateSchema.nullable(),
    }),
  ),
  variants: z
    .array(
      z.object({
        locale,
        title: z.string().min(1),
        slug: z.string().min(1).optional(),
        summary: z.string(),
        body: z.string(),
        faq: z.array(FaqItemSchema),
        heroAlt: z.string(),
        status: z.enum(['draft', 'scheduled', 'published', 'unpublished']).optional(),
        publishAt: isoDate.nullable().optional(),
        publishedAt: isoDate.nullable().optional(),
        revision: z.number().int().min(1).optional(),
        updatedAt: isoDate.optional(),
        translatedFromRevision: z.number().int().nullable().optional(),
      }),
    )
    .min(1),
  createdAt: isoDate.optional(),
  updatedAt: isoDate.optional(),
  formerSlugs: z.array(z.object({ locale, slug: z.string().min(1) })).optional(),
  shareCount: z.number().int().min(0).optional(),
});

/** The whole content of a site as one JSON document; `velocity import` accepts what `export` wrote. */
export const ExportDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: isoDate,
  settings: z.object({
    name: localized(z.string()),
    tagline: localized(z.string()),
    locales: z.array(locale).min(1),
    defaultLocale: locale,
    navigation: z.array(z.string()),
    fallbacks: localized(z.array(locale)),
  }),
  sections: z.array(
    z.object({
      key: z.string().min(1),
      position: z.number().int(),
      translations: localized(
        z.object({ name: z.string(), slug: z.string().min(1), description: z.string() }),
      ),
    }),
  ),
  entities: z.array(
    z.object({
      slug: z.string().min(1),
      kind: z.enum(['company', 'product', 'model', 'gpu', 'person', 'topic']),
      translations: localized(
        z.object({ name: z.string(), aliases: z.array(z.string()), description: z.string() }),
      ),
    }),
  ),
  media: z.array(
    z.object({
      fileName: z.string().min(1),
      mimeType: z.string().min(1),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      renditions: z.array(
        z.object({
          width: z.number().int().positive(),
          file: z.string().min(1),
          avif: z.string().min(1).optional(),
          height: z.number().int().positive().optional(),
        }),
      ),
      credit: z.string(),
    }),
  ),
  stories: z.array(StorySchema),
});

export type ExportDocument = z.infer<typeof ExportDocumentSchema>;

export async function exportContent(db: Db, now: Date): Promise<ExportDocument> {
  const [settings, sections, entities, media, storyIds, redirects] = await Promise.all([
    findSiteSettings(db),
    listSections(db),
    listEntities(db),
    listMedia(db),
    listStoryIds(db),
    listRedirects(db),
  ]);
  if (!settings)
    throw new ImportRefused(
      'The database has no site settings yet; run `velocity migrate` and `velocity seed`.',
    );
  const stories = await findStories(db, storyIds);
  const shares = await listShareCounts(db, storyIds);
  return {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    settings,
    sections: sections.map(({ key, position, translations }) => ({ key, position, translations })),
    entities: entities.map(({ slug, kind, translations }) => ({ slug, kind, translations })),
    media: media.map(({ fileName, mimeType, width, height, renditions, credit }) => ({
      fileName,
      mimeType,
      width,
      height,
      renditions,
      credit,
    })),
    stories: stories.map((story): StoryInput & { shareCount: number } => ({
      section: sections.find((s) => s.id === story.sectionId)?.key ?? '',
      sourceLocale: story.sourceLocale,
      heroImage: media.find((m) => m.id === story.heroMediaId)?.fileName ?? null,
      // A proposal no editor approved yet is not content: the export leaves its tag out.
      entities: story.entityIds.flatMap((id) => entities.find((e) => e.id === id)?.slug ?? []),
      sources: story.sources.map(({ url, publisher, author, publishedAt }) => ({
        url,
        publisher,
        author,
        publishedAt,
      })),
      // Rendered HTML and reading time are derived, so they are left out and rebuilt on import.
      variants: story.variants.map((v) => ({
        locale: v.locale,
        title: v.title,
        slug: v.slug,
        summary: v.summary,
        body: v.bodyMarkdown,
        faq: v.faq,
        heroAlt: v.heroAlt,
        status: v.status,
        publishAt: v.publishAt,
        publishedAt: v.publishedAt,
        revision: v.revision,
        updatedAt: v.updatedAt,
        translatedFromRevision: v.translatedFromRevision,
      })),
      createdAt: story.createdAt,
      updatedAt: story.updatedAt,
      formerSlugs: redirects
        .filter((r) => r.storyId === story.id)
        .map(({ locale, slug }) => ({ locale, slug })),
      shareCount: shares.get(story.id) ?? 0,
    })),
  };
}

/** Parses an export document, reporting every problem with its path. */
export function parseExportDocument(json: unknown): ExportDocument {
  const parsed = ExportDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 20)
      .map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`);
    throw new ImportRefused(`The import file is not a valid export:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}
