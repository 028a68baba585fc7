/** The source desk: followed feeds, their items, and clusters of the same news. */

/** Reading a feed document on its own (the CLI's import of a saved file). */
export { decodeFeedBytes, parseFeedDocument } from './feeds/index.js';
/** The desk's view of the network, which tests and the composition root replace; its errors. */
export { type FetchDocument, FetchError, HttpStatusError, type Resolve } from './fetch/index.js';
/** OPML documents and why one is refused. */
export { generateOpmlDocument, OpmlMalformed, OpmlRefused, OpmlTooLarge } from './opml/index.js';
/** Following feeds (one, or many by OPML), refreshing them and the scheduler that does so. */
export {
  createDeskDeps,
  type DeskDeps,
  exportOpml,
  followFeed,
  importOpml,
  ingestFeedDocument,
  NoFeedFound,
  type RefreshReport,
  refreshFeeds,
  startDeskScheduler,
  unfollowFeed,
} from './service/index.js';
/** Reads and state changes the admin and the CLI make directly. */
export {
  type Cluster,
  type ClusterSource,
  claimClusterForStory,
  type FeedItemRecord,
  type FollowedFeed,
  findCluster,
  findClusterOfStory,
  findFeed,
  type InboxFilter,
  listClusterItems,
  listClusters,
  listFeeds,
  listItemLanguages,
  listRisingClusters,
  setClusterState,
  updateFeedDetails,
} from './store/index.js';
