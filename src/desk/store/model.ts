import type { ClusterState, ExtractState, FollowedFeedState } from '../../platform/database/index.js';

// Plain objects the desk's store hands out: JSON columns parsed, camelCase names.

export interface FollowedFeed {
  id: number;
  feedUrl: string;
  siteUrl: string | null;
  title: string;
  publisher: string;
  folder: string[];
  state: FollowedFeedState;
  refreshMinutes: number;
  etag: string | null;
  lastModified: string | null;
  nextFetchAt: string;
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  lastStatus: number | null;
  lastError: string;
  consecutiveFailures: number;
  itemCount: number;
  createdAt: string;
}

export interface FeedItemRecord {
  id: number;
  feedId: number;
  url: string | null;
  title: string;
  author: string;
  summary: string;
  contentHtml: string;
  categories: string[];
  publishedAt: string | null;
  firstSeenAt: string;
  language: string | null;
  extractState: ExtractState;
  extractError: string;
  extractedTitle: string | null;
  extractedByline: string | null;
  extractedText: string | null;
  links: string[];
  clusterId: number | null;
  entityIds: number[];
}

export interface ClusterSource {
  itemId: number;
  feedId: number;
  publisher: string;
  title: string;
  url: string | null;
  author: string;
  publishedAt: string | null;
  language: string | null;
}

export interface Cluster {
  id: number;
  title: string;
  summary: string;
  firstSeenAt: string;
  latestAt: string;
  itemCount: number;
  feedCount: number;
  languages: string[];
  earliestItemId: number | null;
  originalItemId: number | null;
  state: ClusterState;
  snoozedUntil: string | null;
  storyId: number | null;
  entityIds: number[];
  sources: ClusterSource[];
}

export type { ClusterState, ExtractState, FollowedFeedState };
