import { listEntities } from '../../stories/index.js';
import { type FeedDocument, parseFeedDocument } from '../feeds/index.js';
import { FetchAbortedError, nextAttemptAfterFailure } from '../fetch/index.js';
import {
  claimFeed,
  type FollowedFeed,
  findFeed,
  findItems,
  insertNewItems,
  knownItemKeys,
  listDueFeedIds,
  recordFetch,
  releaseFeed,
  saveItemAnalysis,
} from '../store/index.js';
import { analyseItem } from './analyse.js';
import { clusterItem } from './clustering.js';
import type { DeskDeps } from './deps.js';
import { toNewFeedItem } from './items.js';

export type RefreshReport =
  | { feedId: number; outcome: 'updated'; newItems: number; clustersJoined: number }
  | { feedId: number; outcome: 'not-modified' }
  | { feedId: number; outcome: 'failed'; error: string }
  /** Another process (or an overlapping run) holds the feed, or refreshed it since it was due. */
  | { feedId: number; outcome: 'busy' }
  /** The worker stopped first: the feed was handed back untouched, for another to refresh now. */
  | { feedId: number; outcome: 'stopped' }
  | { feedId: number; outcome: 'missing' };

// A feed is held for at most this long; a process that dies mid-refresh frees it by then.
const CLAIM_MS = 10 * 60_000;

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : null;
}

/** Stores a parsed document's new items and analyses and clusters each of them. */
export async function takeInItems(
  deps: DeskDeps,
  feed: FollowedFeed,
  document: FeedDocument,
  options: {
    /** Told after each new item is analysed and clustered (for a progress bar). */
    onItem?: (done: number, total: number) => void;
    /** Fetch the items' pages later, in the background (see `extractPendingItems`). */
    deferFullText?: boolean;
    /** Once aborted, the pages not yet fetched are left to `extractPendingItems`. */
    signal?: AbortSignal;
  } = {},
): Promise<{ newItems: number; clustersJoined: number }> {
  const candidates = document.items.map((item) => toNewFeedItem(item, feed.feedUrl));
  const known = await knownItemKeys(
    deps.db,
    feed.id,
    candidates.map((c) => c.itemKey),
  );
  const fresh = candidates.filter((c) => !known.has(c.itemKey));
  if (fresh.length === 0) return { newItems: 0, clustersJoined: 0 };
  // Oldest first, so an item's cluster already holds what was published before it.
  fresh.sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''));
  const ids = await insertNewItems(deps.db, feed.id, fresh, deps.now());
  const entities = await listEntities(deps.db);
  let clustersJoined = 0;
  let done = 0;
  for (const item of await findItems(deps.db, ids)) {
    const analysed = await analyseItem(deps, item, {
      entities,
      feedLanguage: document.language,
      deferFullText: options.deferFullText === true,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    await saveItemAnalysis(deps.db, item.id, analysed);
    const placed = await clusterItem(deps, item, analysed);
    if (placed.joined) clustersJoined += 1;
    options.onItem?.(++done, ids.length);
  }
  return { newItems: ids.length, clustersJoined };
}

export interface RefreshFeedOptions {
  /**
   * A scheduled refresh: claim the feed only while it is still due, so a worker that listed it
   * just before another refreshed it does not fetch it a second time in the same period.
   */
  onlyIfDue?: boolean;
  /**
   * Aborted when the worker stops: a feed not yet fetched, or whose fetch is under way, is
   * released with no failure counted, so another worker refreshes it at once.
   */
  signal?: AbortSignal;
}

/**
 * One refresh of one followed feed: a conditional GET, the new items taken in, the outcome
 * recorded on the feed (last fetch, last success, error, next time). Never throws for a feed's
 * own failure: that is the report.
 */
export async function refreshFeed(
  deps: DeskDeps,
  feedId: number,
  options: RefreshFeedOptions = {},
): Promise<RefreshReport> {
  const { signal } = options;
  if (signal?.aborted) return { feedId, outcome: 'stopped' };
  const now = deps.now();
  const claimed = await claimFeed(deps.db, feedId, now, new Date(now.getTime() + CLAIM_MS), {
    onlyIfDue: options.onlyIfDue === true,
  });
  if (!claimed)
    return (await findFeed(deps.db, feedId)) ? { feedId, outcome: 'busy' } : { feedId, outcome: 'missing' };
  const feed = await findFeed(deps.db, feedId);
  if (!feed) return { feedId, outcome: 'missing' };
  if (signal?.aborted) {
    await releaseFeed(deps.db, feedId);
    return { feedId, outcome: 'stopped' };
  }
  if (feed.state === 'manual') {
    await releaseFeed(deps.db, feedId);
    return {
      feedId,
      outcome: 'failed',
      error: 'This feed was ingested from a file; it has no address to refresh',
    };
  }
  try {
    const fetched = await deps.fetchDocument(
      feed.feedUrl,
      { etag: feed.etag, lastModified: feed.lastModified },
      signal ? { signal } : {},
    );
    if (fetched.status === 304) {
      await recordFetch(
        deps.db,
        feed,
        { ok: true, status: 304, etag: null, lastModified: null },
        deps.now(),
        0,
      );
      return { feedId, outcome: 'not-modified' };
    }
    const document = parseFeedDocument(fetched.body, {
      contentType: fetched.contentType ?? undefined,
      url: fetched.url,
      now: deps.now(),
      maxBytes: deps.settings.maxBodyBytes,
    });
    const taken = await takeInItems(deps, feed, document, signal ? { signal } : {});
    await recordFetch(
      deps.db,
      feed,
      {
        ok: true,
        status: 200,
        etag: fetched.etag,
        lastModified: fetched.lastModified,
        title: document.title,
        siteUrl: document.siteUrl,
      },
      deps.now(),
      taken.newItems,
    );
    return { feedId, outcome: 'updated', ...taken };
  } catch (error) {
    // Only the feed's own fetch is given the signal, so nothing was stored: hand the feed back.
    if (error instanceof FetchAbortedError) {
      await releaseFeed(deps.db, feedId);
      deps.log.info({ feedId }, 'followed feed handed back unrefreshed: the worker is stopping');
      return { feedId, outcome: 'stopped' };
    }
    const message = describeError(error);
    const failedAt = deps.now();
    await recordFetch(
      deps.db,
      feed,
      {
        ok: false,
        status: statusOf(error),
        error: message,
        retryAt: nextAttemptAfterFailure(feed.consecutiveFailures + 1, failedAt),
      },
      failedAt,
      0,
    );
    deps.log.warn({ feedId, feedUrl: feed.feedUrl, err: message }, 'followed feed refresh failed');
    return { feedId, outcome: 'failed', error: message };
  }
}

export interface RefreshRunOptions {
  /** Feeds refreshed at the same time; the fetcher still keeps its per-host limits. */
  concurrency?: number;
  /** At most this many feeds in one run. */
  limit?: number;
  /** Refresh these feeds whether or not they are due. */
  feedIds?: number[];
  onProgress?: (report: RefreshReport, done: number, total: number) => void;
  /**
   * Once aborted, no further feed is claimed, and feeds claimed but not yet fetched, or whose
   * fetch is under way, are released untouched (see `refreshFeed`).
   */
  signal?: AbortSignal;
}

/** Refreshes every due feed (or the given ones), a few at a time. */
export async function refreshFeeds(
  deps: DeskDeps,
  options: RefreshRunOptions = {},
): Promise<RefreshReport[]> {
  const ids = options.feedIds ?? (await listDueFeedIds(deps.db, deps.now(), options.limit ?? 1000));
  const reports: RefreshReport[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length && !options.signal?.aborted) {
      const id = ids[next++] as number;
      const report = await refreshFeed(deps, id, {
        // Feeds asked for by id are refreshed whether due or not; a listed one only while due.
        onlyIfDue: options.feedIds === undefined,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      reports.push(report);
      options.onProgress?.(report, reports.length, ids.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, ids.length) }, worker));
  return reports;
}
