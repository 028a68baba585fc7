import type { Kysely, Selectable } from 'kysely';
import type { Database, ExtractState, FeedItemsTable } from '../../platform/database/index.js';
import type { FeedItemRecord } from './model.js';

type Db = Kysely<Database>;

function toItem(row: Selectable<FeedItemsTable>, entityIds: number[]): FeedItemRecord {
  return {
    id: row.id,
    feedId: row.feed_id,
    url: row.url,
    title: row.title,
    author: row.author,
    summary: row.summary,
    contentHtml: row.content_html,
    categories: JSON.parse(row.categories) as string[],
    publishedAt: row.published_at,
    firstSeenAt: row.first_seen_at,
    language: row.language,
    extractState: row.extract_state,
    extractError: row.extract_error,
    extractedTitle: row.extracted_title,
    extractedByline: row.extracted_byline,
    extractedText: row.extracted_text,
    links: JSON.parse(row.links) as string[],
    clusterId: row.cluster_id,
    entityIds,
  };
}

/** An item as the feed gave it, with the key that tells a new item from one seen before. */
export type NewFeedItem = Pick<
  FeedItemRecord,
  'url' | 'title' | 'author' | 'summary' | 'contentHtml' | 'categories' | 'publishedAt'
> & { itemKey: string };

/**
 * Inserts the items the feed has not had before and returns their ids in the given order; an
 * item already known (same key) is left as it was, so a re-fetch never duplicates.
 */
export async function insertNewItems(
  db: Db,
  feedId: number,
  items: NewFeedItem[],
  now: Date,
): Promise<number[]> {
  const inserted: number[] = [];
  for (const item of items) {
    const row = await db
      .insertInto('feed_items')
      .values({
        feed_id: feedId,
        item_key: item.itemKey,
        url: item.url,
        title: item.title,
        author: item.author,
        summary: item.summary,
        content_html: item.contentHtml,
        categories: JSON.stringify(item.categories),
        published_at: item.publishedAt,
        first_seen_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['feed_id', 'item_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) inserted.push(row.id);
  }
  return inserted;
}

/** Which of these keys a feed already has (to skip work before inserting). */
export async function knownItemKeys(db: Db, feedId: number, keys: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let at = 0; at < keys.length; at += 500) {
    const rows = await db
      .selectFrom('feed_items')
      .select('item_key')
      .where('feed_id', '=', feedId)
      .where('item_key', 'in', keys.slice(at, at + 500))
      .execute();
    for (const row of rows) known.add(row.item_key);
  }
  return known;
}

export async function findItems(db: Db, ids: number[]): Promise<FeedItemRecord[]> {
  if (ids.length === 0) return [];
  const [rows, entities] = await Promise.all([
    db.selectFrom('feed_items').selectAll().where('id', 'in', ids).execute(),
    db
      .selectFrom('feed_item_entities')
      .select(['item_id', 'entity_id'])
      .where('item_id', 'in', ids)
      .execute(),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const entityIds = entities.filter((e) => e.item_id === id).map((e) => e.entity_id);
    return [toItem(row, entityIds)];
  });
}

export async function listClusterItems(db: Db, clusterId: number): Promise<FeedItemRecord[]> {
  const ids = await db
    .selectFrom('feed_items')
    .select('id')
    .where('cluster_id', '=', clusterId)
    .orderBy('published_at')
    .orderBy('id')
    .execute();
  return findItems(
    db,
    ids.map((r) => r.id),
  );
}

export interface ItemAnalysis {
  language: string | null;
  extractState: ExtractState;
  extractError: string;
  extractedTitle: string | null;
  extractedByline: string | null;
  extractedText: string | null;
  links: string[];
  signature: string;
  bands: string[];
  entityIds: number[];
}

/** Stores what the desk learnt of an item: its page's text, language, entities and signature. */
export async function saveItemAnalysis(db: Db, itemId: number, analysis: ItemAnalysis): Promise<void> {
  await db
    .updateTable('feed_items')
    .set({
      language: analysis.language,
      extract_state: analysis.extractState,
      extract_error: analysis.extractError.slice(0, 500),
      extracted_title: analysis.extractedTitle,
      extracted_byline: analysis.extractedByline,
      extracted_text: analysis.extractedText,
      links: JSON.stringify(analysis.links),
      signature: analysis.signature,
    })
    .where('id', '=', itemId)
    .execute();
  if (analysis.bands.length > 0)
    await db
      .insertInto('feed_item_bands')
      .values(analysis.bands.map((band) => ({ band, item_id: itemId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  if (analysis.entityIds.length > 0)
    await db
      .insertInto('feed_item_entities')
      .values(analysis.entityIds.map((entity_id) => ({ item_id: itemId, entity_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
}

export interface ClusterCandidate {
  itemId: number;
  clusterId: number;
  signature: string;
}

/**
 * Items seen since `since` that share at least one LSH band with the new item and already belong
 * to a cluster: the only ones worth comparing signatures with.
 */
export async function findClusterCandidates(
  db: Db,
  bands: string[],
  since: Date,
  excludeItemId: number,
): Promise<ClusterCandidate[]> {
  if (bands.length === 0) return [];
  const rows = await db
    .selectFrom('feed_item_bands')
    .innerJoin('feed_items', 'feed_items.id', 'feed_item_bands.item_id')
    .select(['feed_items.id as itemId', 'feed_items.cluster_id as clusterId', 'feed_items.signature'])
    .distinct()
    .where('feed_item_bands.band', 'in', bands)
    .where('feed_items.id', '!=', excludeItemId)
    .where('feed_items.first_seen_at', '>=', since.toISOString())
    .where('feed_items.cluster_id', 'is not', null)
    .where('feed_items.signature', 'is not', null)
    .execute();
  return rows.map((r) => ({
    itemId: r.itemId,
    clusterId: r.clusterId as number,
    signature: r.signature as string,
  }));
}

export async function assignItemToCluster(db: Db, itemId: number, clusterId: number): Promise<void> {
  await db.updateTable('feed_items').set({ cluster_id: clusterId }).where('id', '=', itemId).execute();
}

/** The languages the desk's items are in, most common first (for the inbox's language filter). */
export async function listItemLanguages(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('feed_items')
    .select((eb) => ['language', eb.fn.countAll<number | string>().as('n')])
    .where('language', 'is not', null)
    .groupBy('language')
    .orderBy('n', 'desc')
    .orderBy('language')
    .execute();
  return rows.map((r) => r.language as string);
}

/** Items whose page is still to be fetched, oldest first. */
export async function listPendingExtractionIds(db: Db, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('feed_items')
    .select('id')
    .where('extract_state', '=', 'pending')
    .where('url', 'is not', null)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export interface ItemExtraction {
  extractState: ExtractState;
  extractError: string;
  extractedTitle: string | null;
  extractedByline: string | null;
  extractedText: string | null;
  language: string | null;
  links: string[];
  entityIds: number[];
}

/** Stores a page fetched after the item was taken in; its signature and cluster stay as they were. */
export async function saveItemExtraction(db: Db, itemId: number, extraction: ItemExtraction): Promise<void> {
  await db
    .updateTable('feed_items')
    .set({
      extract_state: extraction.extractState,
      extract_error: extraction.extractError.slice(0, 500),
      extracted_title: extraction.extractedTitle,
      extracted_byline: extraction.extractedByline,
      extracted_text: extraction.extractedText,
      language: extraction.language,
      links: JSON.stringify(extraction.links),
    })
    .where('id', '=', itemId)
    .execute();
  if (extraction.entityIds.length > 0)
    await db
      .insertInto('feed_item_entities')
      .values(extraction.entityIds.map((entity_id) => ({ item_id: itemId, entity_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
}
