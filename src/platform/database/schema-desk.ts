import type { Generated } from 'kysely';

export type FollowedFeedState = 'active' | 'paused' | 'manual';

export interface FollowedFeedsTable {
  id: Generated<number>;
  feed_url: string;
  site_url: string | null;
  title: Generated<string>;
  publisher: Generated<string>;
  /** JSON: string[], the OPML folder path. */
  folder: Generated<string>;
  state: Generated<FollowedFeedState>;
  refresh_minutes: number;
  etag: string | null;
  last_modified: string | null;
  next_fetch_at: string;
  locked_until: string | null;
  last_fetch_at: string | null;
  last_success_at: string | null;
  last_status: number | null;
  last_error: Generated<string>;
  consecutive_failures: Generated<number>;
  item_count: Generated<number>;
  created_at: string;
}

export type ClusterState = 'open' | 'ignored' | 'snoozed' | 'started';

export interface DuplicateClustersTable {
  id: Generated<number>;
  title: string;
  summary: Generated<string>;
  first_seen_at: string;
  latest_at: string;
  item_count: Generated<number>;
  feed_count: Generated<number>;
  /** JSON: string[] of language codes. */
  languages: Generated<string>;
  earliest_item_id: number | null;
  original_item_id: number | null;
  state: Generated<ClusterState>;
  snoozed_until: string | null;
  story_id: number | null;
  updated_at: string;
}

export type ExtractState = 'pending' | 'done' | 'failed' | 'skipped';

export interface FeedItemsTable {
  id: Generated<number>;
  feed_id: number;
  item_key: string;
  url: string | null;
  title: Generated<string>;
  author: Generated<string>;
  summary: Generated<string>;
  content_html: Generated<string>;
  /** JSON: string[]. */
  categories: Generated<string>;
  published_at: string | null;
  first_seen_at: string;
  language: string | null;
  extract_state: Generated<ExtractState>;
  extract_error: Generated<string>;
  extracted_title: string | null;
  extracted_byline: string | null;
  extracted_text: string | null;
  /** JSON: string[] of absolute links in the article. */
  links: Generated<string>;
  signature: string | null;
  cluster_id: number | null;
}

export interface FeedItemBandsTable {
  band: string;
  item_id: number;
}

export interface FeedItemEntitiesTable {
  item_id: number;
  entity_id: number;
}

export interface DeskTables {
  followed_feeds: FollowedFeedsTable;
  duplicate_clusters: DuplicateClustersTable;
  feed_items: FeedItemsTable;
  feed_item_bands: FeedItemBandsTable;
  feed_item_entities: FeedItemEntitiesTable;
}
