import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/database/index.js';
import { rankRelatedStories, type StoriesByEntity } from '../related.js';

type Db = Kysely<Database>;

export interface ListingFilter {
  sectionId?: number;
  entityId?: number;
  /** Entity kind: stories tagged with any entity of that kind. */
  entityKind?: string;
  /** Only stories with a published variant in this locale (feeds). */
  locale?: string;
  limit: number;
  offset: number;
}

export interface ListedStory {
  storyId: number;
  firstPublishedAt: string;
}

// A story is listed in every locale as soon as any of its variants is published: readers of a
// locale it lacks see it through the fallback rule. It is ordered by its first publication, so a
// translation published later does not push an old story back to the top.
function publishedStories(db: Db, filter: Omit<ListingFilter, 'limit' | 'offset'>) {
  let query = db
    .selectFrom('story_variants')
    .innerJoin('stories', 'stories.id', 'story_variants.story_id')
    .where('story_variants.status', '=', 'published')
    .groupBy('story_variants.story_id');
  if (filter.sectionId !== undefined) query = query.where('stories.section_id', '=', filter.sectionId);
  if (filter.locale !== undefined) query = query.where('story_variants.locale', '=', filter.locale);
  if (filter.entityId !== undefined) {
    const entityId = filter.entityId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('story_entities')
          .select('story_entities.story_id')
          .whereRef('story_entities.story_id', '=', 'stories.id')
          .where('story_entities.entity_id', '=', entityId),
      ),
    );
  }
  if (filter.entityKind !== undefined) {
    const kind = filter.entityKind;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('story_entities')
          .innerJoin('entities', 'entities.id', 'story_entities.entity_id')
          .select('story_entities.story_id')
          .whereRef('story_entities.story_id', '=', 'stories.id')
          .where('entities.kind', '=', kind as never),
      ),
    );
  }
  return query;
}

export async function listPublishedStories(db: Db, filter: ListingFilter): Promise<ListedStory[]> {
  const rows = await publishedStories(db, filter)
    .select([
      'story_variants.story_id',
      sql<string>`min(story_variants.published_at)`.as('first_published_at'),
    ])
    .orderBy('first_published_at', 'desc')
    .orderBy('story_variants.story_id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return rows.map((r) => ({ storyId: r.story_id, firstPublishedAt: r.first_published_at }));
}

export async function countPublishedStories(
  db: Db,
  filter: Omit<ListingFilter, 'limit' | 'offset'>,
): Promise<number> {
  const row = await db
    .selectFrom(publishedStories(db, filter).select('story_variants.story_id').as('listed'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** For `rankRelatedStories`: every published story's id under each of its entities, newest first. */
export async function loadStoriesByEntity(db: Db): Promise<Map<number, number[]>> {
  const rows = await db
    .selectFrom('story_entities')
    .select(['story_entities.entity_id', 'story_entities.story_id'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('story_variants')
          .select('story_variants.id')
          .whereRef('story_variants.story_id', '=', 'story_entities.story_id')
          .where('story_variants.status', '=', 'published'),
      ),
    )
    .orderBy('story_entities.entity_id')
    .orderBy('story_entities.story_id', 'desc')
    .execute();
  const byEntity = new Map<number, number[]>();
  for (const row of rows) {
    const list = byEntity.get(row.entity_id);
    if (list) list.push(row.story_id);
    else byEntity.set(row.entity_id, [row.story_id]);
  }
  return byEntity;
}

/**
 * Related stories: those sharing entities (ranked in memory over `byEntity`, see related.ts), then
 * the section's latest to fill any gap.
 */
export async function listRelatedStoryIds(
  db: Db,
  story: { id: number; sectionId: number; entityIds: number[] },
  limit: number,
  byEntity: StoriesByEntity,
): Promise<number[]> {
  const ids = rankRelatedStories(byEntity, story, limit);
  if (ids.length >= limit) return ids;
  const sameSection = await listPublishedStories(db, {
    sectionId: story.sectionId,
    limit: limit + ids.length + 1,
    offset: 0,
  });
  for (const { storyId } of sameSection) {
    if (ids.length >= limit) break;
    if (storyId !== story.id && !ids.includes(storyId)) ids.push(storyId);
  }
  return ids;
}

export interface PublishedVariantRef {
  storyId: number;
  sectionId: number;
  locale: string;
  slug: string;
  title: string;
  publishedAt: string;
  updatedAt: string;
}

/**
 * Every published variant, newest first, for sitemaps; `since` keeps only the recent ones (news
 * sitemap), `limit` the first few (the index's lastmod).
 */
export async function listPublishedVariantRefs(
  db: Db,
  options: { since?: string; limit?: number } = {},
): Promise<PublishedVariantRef[]> {
  let query = db
    .selectFrom('story_variants')
    .innerJoin('stories', 'stories.id', 'story_variants.story_id')
    .select([
      'story_variants.story_id',
      'stories.section_id',
      'story_variants.locale',
      'story_variants.slug',
      'story_variants.title',
      'story_variants.published_at',
      'story_variants.updated_at',
    ])
    .where('story_variants.status', '=', 'published')
    .orderBy('story_variants.published_at', 'desc')
    .orderBy('story_variants.id', 'desc');
  if (options.since) query = query.where('story_variants.published_at', '>=', options.since);
  if (options.limit !== undefined) query = query.limit(options.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    storyId: r.story_id,
    sectionId: r.section_id,
    locale: r.locale,
    slug: r.slug,
    title: r.title,
    publishedAt: r.published_at ?? r.updated_at,
    updatedAt: r.updated_at,
  }));
}

/** Published story counts per entity, for hubs. */
export async function countStoriesPerEntity(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('story_entities')
    .select(['entity_id', sql<number>`count(distinct story_entities.story_id)`.as('n')])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('story_variants')
          .select('story_variants.story_id')
          .whereRef('story_variants.story_id', '=', 'story_entities.story_id')
          .where('story_variants.status', '=', 'published'),
      ),
    )
    .groupBy('entity_id')
    .execute();
  return new Map(rows.map((r) => [r.entity_id, Number(r.n)]));
}
