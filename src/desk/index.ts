/** The source desk: followed feeds, their items, and clusters of the same news. */
export * from './cluster/index.js';
export * from './extract/index.js';
export * from './feeds/index.js';
export * from './fetch/index.js';
export * from './opml/index.js';
export * from './service/index.js';
/** Reads and state changes the admin and the CLI make directly. */
export {
  type Cluster,
  type ClusterSource,
  type ClusterState,
  claimClusterForStory,
  type FeedItemRecord,
  type FollowedFeed,
  findCluster,
  findClusterOfStory,
  findFeed,
  findItems,
  type InboxFilter,
  listClusterItems,
  listClusters,
  listFeeds,
  listItemLanguages,
  markFeedDue,
  setClusterState,
  updateFeedDetails,
} from './store/index.js';
