import type { Kysely, Selectable } from 'kysely';
import type { Database, FollowedFeedsTable } from '../../platform/database/index.js';
import type { FollowedFeed } from './model.js';

type Db = Kysely<Database>;

function toFeed(row: Selectable<FollowedFeedsTable>): FollowedFeed {
  return {
    id: row.id,
    feedUrl: row.feed_url,
    siteUrl: row.site_url,
    title: row.title,
    publisher: row.publisher,
    folder: JSON.parse(row.folder) as string[],
    state: row.state,
    refreshMinutes: row.refresh_minutes,
    etag: row.etag,
    lastModified: row.last_modified,
    nextFetchAt: row.next_fetch_at,
    lastFetchAt: row.last_fetch_at,
    lastSuccessAt: row.last_success_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
    consecutiveFailures: row.consecutive_failures,
    itemCount: row.item_count,
    createdAt: row.created_at,
  };
}

export interface NewFollowedFeed {
  feedUrl: string;
  siteUrl?: string | null;
  title?: string;
  publisher?: string;
  folder?: string[];
  state?: FollowedFeed['state'];
  refreshMinutes: number;
}

/** Inserts a feed, or returns the one already followed at that URL (`created: false`). */
export async function insertFeed(
  db: Db,
  feed: NewFollowedFeed,
  now: Date,
): Promise<{ feed: FollowedFeed; created: boolean }> {
  const existing = await findFeedByUrl(db, feed.feedUrl);
  if (existing) return { feed: existing, created: false };
  const row = await db
    .insertInto('followed_feeds')
    .values({
      feed_url: feed.feedUrl,
      site_url: feed.siteUrl ?? null,
      title: feed.title ?? '',
      publisher: feed.publisher ?? feed.title ?? '',
      folder: JSON.stringify(feed.folder ?? []),
      state: feed.state ?? 'active',
      refresh_minutes: feed.refreshMinutes,
      next_fetch_at: now.toISOString(),
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('feed_url').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (row) return { feed: toFeed(row), created: true };
  // Another process followed it between the lookup and the insert.
  const raced = await findFeedByUrl(db, feed.feedUrl);
  if (!raced) throw new Error(`followed feed ${feed.feedUrl} vanished while being added`);
  return { feed: raced, created: false };
}

export async function findFeed(db: Db, id: number): Promise<FollowedFeed | undefined> {
  const row = await db.selectFrom('followed_feeds').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toFeed(row);
}

async function findFeedByUrl(db: Db, feedUrl: string): Promise<FollowedFeed | undefined> {
  const row = await db
    .selectFrom('followed_feeds')
    .selectAll()
    .where('feed_url', '=', feedUrl)
    .executeTakeFirst();
  return row && toFeed(row);
}

export async function listFeeds(db: Db): Promise<FollowedFeed[]> {
  const rows = await db.selectFrom('followed_feeds').selectAll().orderBy('title').orderBy('id').execute();
  return rows.map(toFeed);
}

export async function deleteFeed(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('followed_feeds').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function updateFeedDetails(
  db: Db,
  id: number,
  changes: { title?: string; publisher?: string; siteUrl?: string | null; state?: FollowedFeed['state'] },
): Promise<void> {
  await db
    .updateTable('followed_feeds')
    .set({
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.publisher !== undefined ? { publisher: changes.publisher } : {}),
      ...(changes.siteUrl !== undefined ? { site_url: changes.siteUrl } : {}),
      ...(changes.state !== undefined ? { state: changes.state } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Active feeds whose refresh is due and that no process holds, oldest due first. */
export async function listDueFeedIds(db: Db, now: Date, limit: number): Promise<number[]> {
  const nowIso = now.toISOString();
  const rows = await db
    .selectFrom('followed_feeds')
    .select('id')
    .where('state', '=', 'active')
    .where('next_fetch_at', '<=', nowIso)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
    .orderBy('next_fetch_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Takes a feed for one refresh until `lockedUntil`. One conditional UPDATE decides, so of two
 * processes (or a scheduled and a manual refresh) only one fetches it. With `onlyIfDue`, a feed
 * refreshed since it was listed (its next time moved on) is not taken again.
 */
export async function claimFeed(
  db: Db,
  id: number,
  now: Date,
  lockedUntil: Date,
  options: { onlyIfDue?: boolean } = {},
): Promise<boolean> {
  const nowIso = now.toISOString();
  let claim = db
    .updateTable('followed_feeds')
    .set({ locked_until: lockedUntil.toISOString() })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]));
  if (options.onlyIfDue) claim = claim.where('state', '=', 'active').where('next_fetch_at', '<=', nowIso);
  const result = await claim.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type FetchOutcome =
  | {
      ok: true;
      status: number;
      etag: string | null;
      lastModified: string | null;
      title?: string | null;
      siteUrl?: string | null;
    }
  | { ok: false; status: number | null; error: string; retryAt: Date };

/** Records how a refresh went and releases the claim; a success resets the failure count. */
export async function recordFetch(
  db: Db,
  feed: FollowedFeed,
  outcome: FetchOutcome,
  now: Date,
  newItems: number,
): Promise<void> {
  const nowIso = now.toISOString();
  const common = { last_fetch_at: nowIso, locked_until: null, last_status: outcome.status };
  if (outcome.ok) {
    await db
      .updateTable('followed_feeds')
      .set((eb) => ({
        ...common,
        last_success_at: nowIso,
        last_error: '',
        consecutive_failures: 0,
        etag: outcome.etag ?? feed.etag,
        last_modified: outcome.lastModified ?? feed.lastModified,
        next_fetch_at: new Date(now.getTime() + feed.refreshMinutes * 60_000).toISOString(),
        item_count: eb('item_count', '+', newItems),
        ...(feed.title === '' && outcome.title ? { title: outcome.title } : {}),
        ...(feed.publisher === '' && outcome.title ? { publisher: outcome.title } : {}),
        ...(feed.siteUrl === null && outcome.siteUrl ? { site_url: outcome.siteUrl } : {}),
      }))
      .where('id', '=', feed.id)
      .execute();
    return;
  }
  await db
    .updateTable('followed_feeds')
    .set((eb) => ({
      ...common,
      last_error: outcome.error.slice(0, 500),
      consecutive_failures: eb('consecutive_failures', '+', 1),
      next_fetch_at: outcome.retryAt.toISOString(),
    }))
    .where('id', '=', feed.id)
    .execute();
}

/** Counts items taken in outside a refresh (following a feed, ingesting a file). */
export async function addToItemCount(db: Db, id: number, items: number): Promise<void> {
  if (items === 0) return;
  await db
    .updateTable('followed_feeds')
    .set((eb) => ({ item_count: eb('item_count', '+', items) }))
    .where('id', '=', id)
    .execute();
}

export async function releaseFeed(db: Db, id: number): Promise<void> {
  await db.updateTable('followed_feeds').set({ locked_until: null }).where('id', '=', id).execute();
}
