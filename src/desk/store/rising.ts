import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/database/index.js';

type Db = Kysely<Database>;

/** A cluster and how many items joined it within the window. */
export interface RisingCluster {
  id: number;
  title: string;
  recentItems: number;
  itemCount: number;
  feedCount: number;
  latestAt: string;
}

/**
 * The open clusters that gained the most items since `since` (the same news reported by more and
 * more sources): the items of the window are read off the (first_seen_at, cluster_id) index and
 * counted per cluster, so the cost follows the window, not the archive.
 */
export async function listRisingClusters(db: Db, since: Date, limit: number): Promise<RisingCluster[]> {
  const recent = db
    .selectFrom('feed_items')
    .select(['cluster_id', sql<number>`count(*)`.as('recent')])
    .where('first_seen_at', '>=', since.toISOString())
    .where('cluster_id', 'is not', null)
    .groupBy('cluster_id')
    .as('recent');
  const rows = await db
    .selectFrom(recent)
    .innerJoin('duplicate_clusters as c', 'c.id', 'recent.cluster_id')
    .select(['c.id', 'c.title', 'recent.recent', 'c.item_count', 'c.feed_count', 'c.latest_at'])
    .where('c.state', '=', 'open')
    .orderBy('recent.recent', 'desc')
    .orderBy('c.latest_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    recentItems: Number(r.recent),
    itemCount: Number(r.item_count),
    feedCount: Number(r.feed_count),
    latestAt: r.latest_at,
  }));
}
