import type { Kysely, Selectable } from 'kysely';
import {
  type ClusterState,
  type Database,
  type DuplicateClustersTable,
  inTransaction,
} from '../../platform/database/index.js';
import type { Cluster, ClusterSource } from './model.js';

type Db = Kysely<Database>;

export interface NewCluster {
  title: string;
  summary: string;
  seenAt: string;
}

export async function insertCluster(db: Db, cluster: NewCluster, now: Date): Promise<number> {
  const row = await db
    .insertInto('duplicate_clusters')
    .values({
      title: cluster.title,
      summary: cluster.summary,
      first_seen_at: cluster.seenAt,
      latest_at: cluster.seenAt,
      updated_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What a cluster's members determine about it, recomputed whenever they change. */
export type ClusterSummaryUpdate = Pick<
  Cluster,
  | 'title'
  | 'summary'
  | 'firstSeenAt'
  | 'latestAt'
  | 'itemCount'
  | 'feedCount'
  | 'languages'
  | 'earliestItemId'
  | 'originalItemId'
>;

/**
 * Takes the cluster's row for the rest of the transaction by writing to it first (a row lock on
 * PostgreSQL, the write lock on SQLite), so a refresh reads its items only once no other refresh
 * of it is in flight. False when the cluster is gone.
 */
export async function lockCluster(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('duplicate_clusters')
    .set({ updated_at: now.toISOString() })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateClusterSummary(db: Db, id: number, update: ClusterSummaryUpdate, now: Date) {
  await db
    .updateTable('duplicate_clusters')
    .set({
      title: update.title,
      summary: update.summary,
      first_seen_at: update.firstSeenAt,
      latest_at: update.latestAt,
      item_count: update.itemCount,
      feed_count: update.feedCount,
      languages: JSON.stringify(update.languages),
      earliest_item_id: update.earliestItemId,
      original_item_id: update.originalItemId,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function setClusterState(
  db: Db,
  id: number,
  state: ClusterState,
  now: Date,
  extra: { snoozedUntil?: string | null; storyId?: number | null } = {},
): Promise<boolean> {
  const result = await db
    .updateTable('duplicate_clusters')
    .set({
      state,
      snoozed_until: state === 'snoozed' ? (extra.snoozedUntil ?? null) : null,
      ...(extra.storyId !== undefined ? { story_id: extra.storyId } : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface InboxFilter {
  /** 'open' includes snoozed clusters whose time has come. */
  state: 'open' | 'ignored' | 'snoozed' | 'started' | 'all';
  feedId?: number;
  language?: string;
  entityId?: number;
  /** ISO dates (inclusive from, exclusive to) on the newest item's time. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

function inboxQuery(db: Db, filter: InboxFilter, now: Date) {
  const nowIso = now.toISOString();
  let query = db.selectFrom('duplicate_clusters as c');
  if (filter.state === 'open')
    query = query.where((eb) =>
      eb.or([
        eb('c.state', '=', 'open'),
        eb.and([eb('c.state', '=', 'snoozed'), eb('c.snoozed_until', '<=', nowIso)]),
      ]),
    );
  else if (filter.state === 'snoozed')
    query = query.where('c.state', '=', 'snoozed').where('c.snoozed_until', '>', nowIso);
  else if (filter.state !== 'all') query = query.where('c.state', '=', filter.state);
  if (filter.from) query = query.where('c.latest_at', '>=', filter.from);
  if (filter.to) query = query.where('c.latest_at', '<', filter.to);
  const { feedId, language, entityId } = filter;
  if (feedId !== undefined || language !== undefined)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('feed_items as i')
          .select('i.id')
          .whereRef('i.cluster_id', '=', 'c.id')
          .$if(feedId !== undefined, (q) => q.where('i.feed_id', '=', feedId as number))
          .$if(language !== undefined, (q) => q.where('i.language', '=', language as string)),
      ),
    );
  if (entityId !== undefined)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('feed_items as i')
          .innerJoin('feed_item_entities as e', 'e.item_id', 'i.id')
          .select('i.id')
          .whereRef('i.cluster_id', '=', 'c.id')
          .where('e.entity_id', '=', entityId),
      ),
    );
  return query;
}

/** The desk's inbox: clusters newest first, with their sources and entities. */
export async function listClusters(
  db: Db,
  filter: InboxFilter,
  now: Date,
): Promise<{ clusters: Cluster[]; total: number }> {
  const [rows, count] = await Promise.all([
    inboxQuery(db, filter, now)
      .selectAll('c')
      .orderBy('c.latest_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    inboxQuery(db, filter, now)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { clusters: await withSources(db, rows), total: Number(count.n) };
}

export async function findCluster(db: Db, id: number): Promise<Cluster | undefined> {
  const row = await db.selectFrom('duplicate_clusters').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [cluster] = await withSources(db, [row]);
  return cluster;
}

export async function findClusterOfStory(db: Db, storyId: number): Promise<Cluster | undefined> {
  const row = await db
    .selectFrom('duplicate_clusters')
    .selectAll()
    .where('story_id', '=', storyId)
    .orderBy('id')
    .executeTakeFirst();
  if (!row) return undefined;
  const [cluster] = await withSources(db, [row]);
  return cluster;
}

async function withSources(db: Db, rows: Selectable<DuplicateClustersTable>[]): Promise<Cluster[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [items, entities] = await Promise.all([
    db
      .selectFrom('feed_items as i')
      .innerJoin('followed_feeds as f', 'f.id', 'i.feed_id')
      .select([
        'i.id as itemId',
        'i.cluster_id as clusterId',
        'i.feed_id as feedId',
        'f.publisher',
        'f.title as feedTitle',
        'i.title',
        'i.url',
        'i.author',
        'i.published_at as publishedAt',
        'i.language',
      ])
      .where('i.cluster_id', 'in', ids)
      .orderBy('i.published_at')
      .orderBy('i.id')
      .execute(),
    db
      .selectFrom('feed_items as i')
      .innerJoin('feed_item_entities as e', 'e.item_id', 'i.id')
      .select(['i.cluster_id as clusterId', 'e.entity_id as entityId'])
      .distinct()
      .where('i.cluster_id', 'in', ids)
      .execute(),
  ]);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    summary: row.summary,
    firstSeenAt: row.first_seen_at,
    latestAt: row.latest_at,
    itemCount: row.item_count,
    feedCount: row.feed_count,
    languages: JSON.parse(row.languages) as string[],
    earliestItemId: row.earliest_item_id,
    originalItemId: row.original_item_id,
    state: row.state,
    snoozedUntil: row.snoozed_until,
    storyId: row.story_id,
    entityIds: entities.filter((e) => e.clusterId === row.id).map((e) => e.entityId),
    sources: items
      .filter((i) => i.clusterId === row.id)
      .map(
        (i): ClusterSource => ({
          itemId: i.itemId,
          feedId: i.feedId,
          publisher: i.publisher || i.feedTitle,
          title: i.title,
          url: i.url,
          author: i.author,
          publishedAt: i.publishedAt,
          language: i.language,
        }),
      ),
  }));
}

/** The clusters holding items of a feed (to tidy up after it is removed). */
export async function listClusterIdsOfFeed(db: Db, feedId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('feed_items')
    .select('cluster_id')
    .distinct()
    .where('feed_id', '=', feedId)
    .where('cluster_id', 'is not', null)
    .execute();
  return rows.map((r) => r.cluster_id as number);
}

/**
 * Moves every item of cluster `dropId` into `keepId` and deletes `dropId` when nothing holds it
 * (a story started from it keeps its record). One transaction, so no reader sees the items split.
 */
export async function mergeClusters(db: Db, keepId: number, dropId: number, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    // Both rows locked before the items move, the older (smaller id) first as every merge does,
    // so two merges never wait on each other in a ring. A worker placing an item in the dropped
    // cluster either lands first (and the item moves with the rest) or finds it gone and looks
    // again; a cluster merged away meanwhile leaves this merge undone rather than broken.
    const [first, second] = keepId < dropId ? [keepId, dropId] : [dropId, keepId];
    if (!(await lockCluster(trx, first, now)) || !(await lockCluster(trx, second, now))) return;
    await trx
      .updateTable('feed_items')
      .set({ cluster_id: keepId })
      .where('cluster_id', '=', dropId)
      .execute();
    await deleteClusterIfEmpty(trx, dropId);
  });
}

/** Deletes a cluster left without items, unless a story was started from it (its record stays). */
export async function deleteClusterIfEmpty(db: Db, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('duplicate_clusters')
    .where('id', '=', id)
    .where('story_id', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('feed_items').select('id').where('cluster_id', '=', id))),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Marks a cluster as started with this story, only if no story was started from it yet: run in
 * the transaction that creates the story, so of two simultaneous starts (in any processes) one
 * commits and the other rolls back.
 */
export async function claimClusterForStory(db: Db, id: number, storyId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('duplicate_clusters')
    .set({ state: 'started', story_id: storyId, snoozed_until: null, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('story_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
