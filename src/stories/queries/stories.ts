import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  NewVariant,
  StoryVariantsTable,
  VariantUpdate,
} from '../../platform/database/index.js';
import type { Source, Story, Variant } from '../model.js';
import type { FaqItem, SourceInput } from '../types.js';

type Db = Kysely<Database>;

/**
 * The `faq_html` column: `{ answers, questionLangs }`, the answers' HTML and the language of each
 * question written in another language than the variant (null otherwise). Rows rendered before
 * questions had a language hold the array of answers alone.
 */
function parseFaqHtml(json: string): { answers: string[]; questionLangs: (string | null)[] } {
  const parsed = JSON.parse(json) as string[] | { answers: string[]; questionLangs: (string | null)[] };
  return Array.isArray(parsed) ? { answers: parsed, questionLangs: [] } : parsed;
}

function toVariant(row: Selectable<StoryVariantsTable>): Variant {
  const variantFaq = JSON.parse(row.faq) as FaqItem[];
  const faqHtml = parseFaqHtml(row.faq_html);
  return {
    id: row.id,
    storyId: row.story_id,
    locale: row.locale,
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    bodyMarkdown: row.body_markdown,
    bodyHtml: row.body_html,
    readingMinutes: row.reading_minutes,
    faq: variantFaq,
    faqAnswersHtml: faqHtml.answers,
    faqQuestionLangs: variantFaq.map((_, index) => faqHtml.questionLangs[index] ?? undefined),
    heroAlt: row.hero_alt,
    revision: row.revision,
    status: row.status,
    publishAt: row.publish_at,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    translatedFromRevision: row.translated_from_revision,
    authorId: row.author_id,
    translatorId: row.translator_id,
  };
}

export async function insertStory(
  db: Db,
  story: {
    sectionId: number;
    sourceLocale: string;
    heroMediaId: number | null;
    createdAt: string;
    updatedAt: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('stories')
    .values({
      section_id: story.sectionId,
      source_locale: story.sourceLocale,
      hero_media_id: story.heroMediaId,
      created_at: story.createdAt,
      updated_at: story.updatedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateStory(
  db: Db,
  id: number,
  changes: { sectionId?: number; heroMediaId?: number | null; updatedAt: string },
): Promise<void> {
  await db
    .updateTable('stories')
    .set({
      ...(changes.sectionId === undefined ? {} : { section_id: changes.sectionId }),
      ...(changes.heroMediaId === undefined ? {} : { hero_media_id: changes.heroMediaId }),
      updated_at: changes.updatedAt,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertVariant(db: Db, variant: NewVariant): Promise<number> {
  const row = await db.insertInto('story_variants').values(variant).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Deletes the story row; variants, tags, source links, redirects and revisions cascade. */
export async function deleteStoryRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('stories').where('id', '=', id).execute();
}

export async function updateVariant(db: Db, id: number, changes: VariantUpdate): Promise<void> {
  await db.updateTable('story_variants').set(changes).where('id', '=', id).execute();
}

/** Replaces the story's entity tags, keeping the given order (and the story's place in lists). */
export async function setStoryEntities(db: Db, storyId: number, entityIds: number[]): Promise<void> {
  await db.deleteFrom('story_entities').where('story_id', '=', storyId).execute();
  const story = await db
    .selectFrom('stories')
    .select('first_published_at')
    .where('id', '=', storyId)
    .executeTakeFirst();
  const rows = [...new Set(entityIds)].map((entityId, position) => ({
    story_id: storyId,
    entity_id: entityId,
    position,
    first_published_at: story?.first_published_at ?? null,
  }));
  if (rows.length > 0) await db.insertInto('story_entities').values(rows).execute();
}

/** Replaces the story's sources; a source URL shared by several stories is one row. */
export async function setStorySources(db: Db, storyId: number, sources: SourceInput[]): Promise<void> {
  await db.deleteFrom('story_sources').where('story_id', '=', storyId).execute();
  let position = 0;
  for (const source of sources) {
    const values = {
      publisher: source.publisher,
      author: source.author,
      published_at: source.publishedAt,
    };
    const row = await db
      .insertInto('sources')
      .values({ url: source.url, ...values })
      .onConflict((oc) => oc.column('url').doUpdateSet(values))
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('story_sources')
      .values({ story_id: storyId, source_id: row.id, position: position++ })
      .onConflict((oc) => oc.columns(['story_id', 'source_id']).doNothing())
      .execute();
  }
}

/** Loads whole stories (variants, entity ids, sources) in four queries however many ids. */
// What a story card needs of a variant: everything but the body and the FAQ, which are most of
// its bytes. Lists and related stories read these; the story page and feeds read everything.
const CARD_VARIANT_COLUMNS = [
  'id',
  'story_id',
  'locale',
  'title',
  'slug',
  'summary',
  'reading_minutes',
  'hero_alt',
  'revision',
  'status',
  'publish_at',
  'published_at',
  'updated_at',
  'translated_from_revision',
  'author_id',
  'translator_id',
] as const;

function variantsOf(db: Db, ids: number[], bodies: boolean): Promise<Selectable<StoryVariantsTable>[]> {
  if (bodies)
    return db.selectFrom('story_variants').selectAll().where('story_id', 'in', ids).orderBy('id').execute();
  return db
    .selectFrom('story_variants')
    .select(CARD_VARIANT_COLUMNS)
    .where('story_id', 'in', ids)
    .orderBy('id')
    .execute()
    .then((rows) =>
      rows.map((row) => ({ ...row, body_markdown: '', body_html: '', faq: '[]', faq_html: '[]' })),
    );
}

/** Stories for cards and lists: variants come without body and FAQ (empty there). */
export function findStoryCards(db: Db, ids: number[]): Promise<Story[]> {
  return findStories(db, ids, { bodies: false });
}

export async function findStories(db: Db, ids: number[], options = { bodies: true }): Promise<Story[]> {
  if (ids.length === 0) return [];
  const [stories, variants, entities, sources] = await Promise.all([
    db.selectFrom('stories').selectAll().where('id', 'in', ids).execute(),
    variantsOf(db, ids, options.bodies),
    db
      .selectFrom('story_entities')
      .select(['story_id', 'entity_id'])
      .where('story_id', 'in', ids)
      .orderBy('story_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('story_sources')
      .innerJoin('sources', 'sources.id', 'story_sources.source_id')
      .select(['story_sources.story_id', 'sources.id', 'url', 'publisher', 'author', 'published_at'])
      .where('story_sources.story_id', 'in', ids)
      .orderBy('story_sources.story_id')
      .orderBy('story_sources.position')
      .execute(),
  ]);
  const byId = new Map(
    stories.map((s): [number, Story] => [
      s.id,
      {
        id: s.id,
        sectionId: s.section_id,
        sourceLocale: s.source_locale,
        heroMediaId: s.hero_media_id,
        createdAt: s.created_at,
        updatedAt: s.updated_at,
        entityIds: [],
        sources: [],
        variants: [],
      },
    ]),
  );
  for (const v of variants) byId.get(v.story_id)?.variants.push(toVariant(v));
  for (const e of entities) byId.get(e.story_id)?.entityIds.push(e.entity_id);
  for (const s of sources) {
    const source: Source = {
      id: s.id,
      url: s.url,
      publisher: s.publisher,
      author: s.author,
      publishedAt: s.published_at,
    };
    byId.get(s.story_id)?.sources.push(source);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function findStory(db: Db, id: number): Promise<Story | undefined> {
  return (await findStories(db, [id]))[0];
}

/** The story owning `slug` in `locale`, whatever its status. */
export async function findStoryIdBySlug(db: Db, locale: string, slug: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('story_variants')
    .select('story_id')
    .where('locale', '=', locale)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.story_id;
}

/** Resolves a `story:` link reference: a slug in any locale (this one first) or a numeric id. */
export async function findStoryIdByReference(
  db: Db,
  locale: string,
  reference: string,
): Promise<number | undefined> {
  if (/^\d+$/.test(reference)) {
    const row = await db
      .selectFrom('stories')
      .select('id')
      .where('id', '=', Number(reference))
      .executeTakeFirst();
    return row?.id;
  }
  const rows = await db
    .selectFrom('story_variants')
    .select(['story_id', 'locale'])
    .where('slug', '=', reference)
    .execute();
  return (rows.find((r) => r.locale === locale) ?? rows[0])?.story_id;
}

export async function isSlugTaken(
  db: Db,
  locale: string,
  slug: string,
  exceptStoryId?: number,
): Promise<boolean> {
  let query = db
    .selectFrom('story_variants')
    .select('story_id')
    .where('locale', '=', locale)
    .where('slug', '=', slug);
  if (exceptStoryId !== undefined) query = query.where('story_id', '!=', exceptStoryId);
  const [variant, redirect] = await Promise.all([
    query.executeTakeFirst(),
    db
      .selectFrom('redirects')
      .select('story_id')
      .where('locale', '=', locale)
      .where('slug', '=', slug)
      .where('story_id', '!=', exceptStoryId ?? -1)
      .executeTakeFirst(),
  ]);
  return variant !== undefined || redirect !== undefined;
}

export async function insertRedirect(
  db: Db,
  locale: string,
  slug: string,
  storyId: number,
  now: Date,
): Promise<void> {
  await db
    .insertInto('redirects')
    .values({ locale, slug, story_id: storyId, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['locale', 'slug']).doUpdateSet({ story_id: storyId }))
    .execute();
}

export async function findRedirect(db: Db, locale: string, slug: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('redirects')
    .select('story_id')
    .where('locale', '=', locale)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.story_id;
}

export async function listRedirects(db: Db): Promise<{ locale: string; slug: string; storyId: number }[]> {
  const rows = await db.selectFrom('redirects').selectAll().orderBy('locale').orderBy('slug').execute();
  return rows.map((r) => ({ locale: r.locale, slug: r.slug, storyId: r.story_id }));
}

export async function listStoryIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('stories').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

export async function countStories(db: Db): Promise<number> {
  const row = await db
    .selectFrom('stories')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
