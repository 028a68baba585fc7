import { DomainError } from '../../platform/errors.js';
import { discoverFeeds } from '../extract/index.js';
import { type FeedDocument, FeedMalformed, parseFeedDocument } from '../feeds/index.js';
import { generateOpmlDocument, parseOpmlDocument } from '../opml/index.js';
import {
  addToItemCount,
  deleteClusterIfEmpty,
  deleteFeed,
  type FollowedFeed,
  findFeed,
  insertFeed,
  listClusterIdsOfFeed,
  listFeeds,
  recordFetch,
} from '../store/index.js';
import { refreshClusterSummary } from './clustering.js';
import type { DeskDeps } from './deps.js';
import { takeInItems } from './refresh.js';

/** The address given is neither a feed nor a page that names one. */
export class NoFeedFound extends DomainError {
  constructor(url: string) {
    super('invalid', `No feed found at ${url}: it is not a feed and names none with <link rel="alternate">`, {
      url,
    });
  }
}

function parseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new DomainError('invalid', `Not a web address: ${input}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new DomainError('invalid', `Only http and https feeds can be followed: ${input}`);
  url.hash = '';
  return url.href;
}

interface FoundFeed {
  url: string;
  document: FeedDocument;
  etag: string | null;
  lastModified: string | null;
}

async function fetchFeed(deps: DeskDeps, url: string): Promise<FoundFeed | null> {
  const fetched = await deps.fetchDocument(url);
  if (fetched.status !== 200) return null;
  try {
    const document = parseFeedDocument(fetched.body, {
      contentType: fetched.contentType ?? undefined,
      url: fetched.url,
      now: deps.now(),
      maxBytes: deps.settings.maxBodyBytes,
    });
    return { url: fetched.url, document, etag: fetched.etag, lastModified: fetched.lastModified };
  } catch (error) {
    if (!(error instanceof FeedMalformed)) throw error;
    // Not a feed: perhaps the site's home page, which names its feeds.
    for (const found of discoverFeeds(fetched.body, { url: fetched.url, contentType: fetched.contentType })) {
      const feed = await fetchFeed(deps, found.url).catch(() => null);
      if (feed) return feed;
    }
    return null;
  }
}

export interface FollowOptions {
  title?: string;
  folder?: string[];
  /**
   * Take in the items now but fetch their pages in the background: a person waiting on a form
   * should not wait for twenty politely spaced page fetches.
   */
  deferFullText?: boolean;
}

/**
 * Follows the feed at `input`, or the first feed a page at `input` names through
 * `<link rel="alternate">`, and takes in its current items at once.
 */
export async function followFeed(
  deps: DeskDeps,
  input: string,
  options: FollowOptions = {},
): Promise<{ feed: FollowedFeed; created: boolean; newItems: number }> {
  const url = parseUrl(input);
  const found = await fetchFeed(deps, url);
  if (!found) throw new NoFeedFound(url);
  const title = options.title ?? found.document.title ?? new URL(found.url).hostname;
  const { feed, created } = await insertFeed(
    deps.db,
    {
      feedUrl: found.url,
      siteUrl: found.document.siteUrl,
      title,
      publisher: title,
      folder: options.folder ?? [],
      refreshMinutes: deps.settings.refreshMinutes,
    },
    deps.now(),
  );
  if (!created) return { feed, created, newItems: 0 };
  const taken = await takeInItems(deps, feed, found.document, {
    deferFullText: options.deferFullText === true,
  });
  await recordFetch(
    deps.db,
    feed,
    { ok: true, status: 200, etag: found.etag, lastModified: found.lastModified },
    deps.now(),
    taken.newItems,
  );
  const refreshed = (await findFeed(deps.db, feed.id)) ?? feed;
  return { feed: refreshed, created, newItems: taken.newItems };
}

/**
 * Stops following a feed and forgets its items; the clusters they were in are recounted, and
 * those left empty go (unless a story was started from one).
 */
export async function unfollowFeed(deps: DeskDeps, id: number): Promise<boolean> {
  const clusterIds = await listClusterIdsOfFeed(deps.db, id);
  if (!(await deleteFeed(deps.db, id))) return false;
  for (const clusterId of clusterIds) {
    if (!(await deleteClusterIfEmpty(deps.db, clusterId))) await refreshClusterSummary(deps, clusterId);
  }
  return true;
}

export interface OpmlImportReport {
  added: FollowedFeed[];
  existing: FollowedFeed[];
  skipped: { reason: string; text: string | null; url: string | null }[];
}

/**
 * Follows every feed of an OPML list without fetching any now: they are due at once, so the
 * next scheduled refresh (or `sources refresh`) fetches them politely.
 */
export async function importOpml(deps: DeskDeps, bytes: Uint8Array): Promise<OpmlImportReport> {
  const list = parseOpmlDocument(bytes);
  const report: OpmlImportReport = { added: [], existing: [], skipped: [...list.skipped] };
  for (const entry of list.feeds) {
    const title = entry.title ?? new URL(entry.feedUrl).hostname;
    const { feed, created } = await insertFeed(
      deps.db,
      {
        feedUrl: entry.feedUrl,
        siteUrl: entry.siteUrl,
        title,
        publisher: title,
        folder: entry.folder,
        refreshMinutes: deps.settings.refreshMinutes,
      },
      deps.now(),
    );
    (created ? report.added : report.existing).push(feed);
  }
  return report;
}

export async function exportOpml(deps: DeskDeps, title: string): Promise<string> {
  const feeds = await listFeeds(deps.db);
  return generateOpmlDocument({
    title,
    now: deps.now(),
    feeds: feeds
      .filter((f) => f.state !== 'manual')
      .map((f) => ({ feedUrl: f.feedUrl, siteUrl: f.siteUrl, title: f.title, folder: f.folder })),
  });
}

/**
 * Takes in the items of a saved feed document (`velocity ingest --file`): under the followed
 * feed at `feedUrl` when given, else under a feed kept for ingested files, never refreshed.
 */
export async function ingestFeedDocument(
  deps: DeskDeps,
  bytes: Uint8Array,
  options: { feedUrl?: string; name: string; onItem?: (done: number, total: number) => void },
): Promise<{ feed: FollowedFeed; items: number; newItems: number; clustersJoined: number }> {
  const document = parseFeedDocument(bytes, {
    now: deps.now(),
    maxBytes: deps.settings.maxBodyBytes,
    ...(options.feedUrl ? { url: options.feedUrl } : {}),
  });
  const feedUrl = options.feedUrl ? parseUrl(options.feedUrl) : `file:${options.name}`;
  const title = document.title ?? options.name;
  const { feed } = await insertFeed(
    deps.db,
    {
      feedUrl,
      siteUrl: document.siteUrl,
      title,
      publisher: title,
      state: options.feedUrl ? 'active' : 'manual',
      refreshMinutes: deps.settings.refreshMinutes,
    },
    deps.now(),
  );
  const taken = await takeInItems(deps, feed, document, options.onItem ? { onItem: options.onItem } : {});
  await addToItemCount(deps.db, feed.id, taken.newItems);
  return { feed: (await findFeed(deps.db, feed.id)) ?? feed, items: document.items.length, ...taken };
}
