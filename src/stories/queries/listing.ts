import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../platform/database/index.js';
import { rankRelatedStories, type StoriesByEntity } from '../related.js';

type Db = Kysely<Database>;

export interface ListingFilter {
  sectionId?: number;
  entityId?: number;
  /** Entity kind: stories tagged with any entity of that kind. */
  entityKind?: string;
  limit: number;
  /** Only stories listed after this one (older), for the next page of a list. */
  before?: ListingCursor;
  /** Only stories listed before this one (newer), nearest first: what the previous page holds. */
  after?: ListingCursor;
  /** For the Content API's numbered pages; the site pages with cursors instead. */
  offset?: number;
}

/** A position in a list: lists are ordered by first publication, then story id, both descending. */
export interface ListingCursor {
  firstPublishedAt: string;
  storyId: number;
}

export interface ListedStory {
  storyId: number;
  firstPublishedAt: string;
}

/**
 * Keeps `first_published_at` of the given stories and of their entity tags true to their variants.
 * Every write that publishes, schedules, unpublishes or imports variants calls it in its
 * transaction. A story is listed in every locale once any variant is live (readers of a locale
 * it lacks see it through the fallback rule), at its first publication, so a translation published
 * later does not push an old story back to the top. The earliest instant is chosen as a date and
 * stored in the canonical UTC form, since lists compare the column as text.
 */
export async function updateFirstPublished(db: Db, storyIds: readonly number[]): Promise<void> {
  if (storyIds.length === 0) return;
  const live = await db
    .selectFrom('story_variants')
    .select(['story_id', 'published_at', 'updated_at'])
    .where('story_id', 'in', [...storyIds])
    .where('status', '=', 'published')
    .execute();
  const earliest = new Map<number, number>();
  for (const row of live) {
    const instant = Date.parse(row.published_at ?? row.updated_at);
    const known = earliest.get(row.story_id);
    if (!Number.isNaN(instant) && (known === undefined || instant < known))
      earliest.set(row.story_id, instant);
  }
  for (const storyId of new Set(storyIds)) {
    const instant = earliest.get(storyId);
    const firstPublishedAt = instant === undefined ? null : new Date(instant).toISOString();
    await db
      .updateTable('stories')
      .set({ first_published_at: firstPublishedAt })
      .where('id', '=', storyId)
      .execute();
    await db
      .updateTable('story_entities')
      .set({ first_published_at: firstPublishedAt })
      .where('story_id', '=', storyId)
      .execute();
  }
}

// Lists read `first_published_at` off an index in order and stop after one page: the front page
// walks `stories_listing`, a section `stories_section_listing`, an entity hub
// `story_entities_listing`. A page starts after a cursor (keyset paging) rather than at an
// offset, so a deep page costs what the first one does. The row-value comparison keeps the scan
// a range of the index on both dialects.
function keyset(filter: Pick<ListingFilter, 'before' | 'after'>, idColumn: string) {
  const at = sql.ref('listed.first_published_at');
  const id = sql.ref(idColumn);
  // A row comparison is false for a null first publication, so with a cursor it says "listed" too;
  // alone, it leaves SQLite one range on the index instead of two to choose from.
  const conditions: RawBuilder<boolean>[] = [];
  if (!filter.before && !filter.after) conditions.push(sql<boolean>`${at} is not null`);
  if (filter.before) {
    conditions.push(
      sql<boolean>`(${at}, ${id}) < (${filter.before.firstPublishedAt}, ${filter.before.storyId})`,
    );
  }
  if (filter.after) {
    conditions.push(
      sql<boolean>`(${at}, ${id}) > (${filter.after.firstPublishedAt}, ${filter.after.storyId})`,
    );
  }
  const direction: 'asc' | 'desc' = filter.after ? 'asc' : 'desc';
  return { conditions, at, id, direction };
}

/** The story whose id is in `storyIdColumn` belongs to the section. */
function storyInSection(storyIdColumn: string, sectionId: number) {
  return sql<boolean>`exists (select 1 from stories where stories.id = ${sql.ref(storyIdColumn)} and stories.section_id = ${sectionId})`;
}

function entityListing(db: Db, entityId: number, filter: Omit<ListingFilter, 'limit' | 'offset'>) {
  const { conditions, at, id, direction } = keyset(filter, 'listed.story_id');
  let query = db
    .selectFrom('story_entities as listed')
    .select(['listed.story_id as story_id', 'listed.first_published_at as first_published_at'])
    .where('listed.entity_id', '=', entityId);
  for (const condition of conditions) query = query.where(condition);
  if (filter.sectionId !== undefined)
    query = query.where(storyInSection('listed.story_id', filter.sectionId));
  return { query, order: [at, id] as const, direction };
}

function storyListing(db: Db, filter: Omit<ListingFilter, 'limit' | 'offset'>) {
  const { conditions, at, id, direction } = keyset(filter, 'listed.id');
  let query = db
    .selectFrom('stories as listed')
    .select(['listed.id as story_id', 'listed.first_published_at as first_published_at']);
  for (const condition of conditions) query = query.where(condition);
  if (filter.sectionId !== undefined) query = query.where('listed.section_id', '=', filter.sectionId);
  if (filter.entityKind !== undefined) {
    const kind = filter.entityKind;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('story_entities')
          .innerJoin('entities', 'entities.id', 'story_entities.entity_id')
          .select('story_entities.story_id')
          .whereRef('story_entities.story_id', '=', 'listed.id')
          .where('entities.kind', '=', kind as never)
          .where('entities.status', '=', 'approved'),
      ),
    );
  }
  return { query, order: [at, id] as const, direction };
}

const toListed = (rows: { story_id: number; first_published_at: string | null }[]): ListedStory[] =>
  rows.map((r) => ({ storyId: r.story_id, firstPublishedAt: r.first_published_at ?? '' }));

/**
 * Published stories, newest first by first publication (with `after`: the newer ones, nearest
 * first). See `updateFirstPublished` for what "published" and "first" mean here.
 */
export async function listPublishedStories(db: Db, filter: ListingFilter): Promise<ListedStory[]> {
  if (filter.entityId !== undefined) {
    const { query, order, direction } = entityListing(db, filter.entityId, filter);
    const paged = query.orderBy(order[0], direction).orderBy(order[1], direction).limit(filter.limit);
    return toListed(await (filter.offset ? paged.offset(filter.offset) : paged).execute());
  }
  const { query, order, direction } = storyListing(db, filter);
  const paged = query.orderBy(order[0], direction).orderBy(order[1], direction).limit(filter.limit);
  return toListed(await (filter.offset ? paged.offset(filter.offset) : paged).execute());
}

export async function countPublishedStories(
  db: Db,
  filter: Pick<ListingFilter, 'sectionId' | 'entityId' | 'entityKind'>,
): Promise<number> {
  const { query } =
    filter.entityId !== undefined ? entityListing(db, filter.entityId, filter) : storyListing(db, filter);
  const row = await db
    .selectFrom(query.as('counted'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A feed in one locale: the stories published in it, newest first by that variant's publication,
 * so a story reaches a locale's feed when it is published in that locale (the variant index
 * `story_variants_listing` walks them in order).
 */
export async function listLocaleFeedStories(
  db: Db,
  filter: { locale: string; sectionId?: number; entityId?: number; limit: number },
): Promise<ListedStory[]> {
  let query = db
    .selectFrom('story_variants')
    .select(['story_variants.story_id', 'story_variants.published_at'])
    .where('story_variants.locale', '=', filter.locale)
    .where('story_variants.status', '=', 'published');
  if (filter.sectionId !== undefined) {
    query = query.where(storyInSection('story_variants.story_id', filter.sectionId));
  }
  if (filter.entityId !== undefined) {
    const entityId = filter.entityId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('story_entities')
          .select('story_entities.story_id')
          .whereRef('story_entities.story_id', '=', 'story_variants.story_id')
          .where('story_entities.entity_id', '=', entityId),
      ),
    );
  }
  const rows = await query
    .orderBy('story_variants.published_at', 'desc')
    .orderBy('story_variants.story_id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map((r) => ({ storyId: r.story_id, firstPublishedAt: r.published_at ?? '' }));
}

/** For `rankRelatedStories`: every published story's id under each of its entities, newest first. */
export async function loadStoriesByEntity(db: Db): Promise<Map<number, number[]>> {
  const rows = await db
    .selectFrom('story_entities')
    .select(['story_entities.entity_id', 'story_entities.story_id'])
    .where('story_entities.first_published_at', 'is not', null)
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
    .select(['entity_id', sql<number>`count(*)`.as('n')])
    .where('first_published_at', 'is not', null)
    .groupBy('entity_id')
    .execute();
  return new Map(rows.map((r) => [r.entity_id, Number(r.n)]));
}
