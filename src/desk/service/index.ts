export { type AnalysedItem, analyseItem } from './analyse.js';
export { clusterItem, refreshClusterSummary } from './clustering.js';
export type { DeskDeps } from './deps.js';
export { createDeskDeps } from './desk.js';
export {
  exportOpml,
  type FollowOptions,
  followFeed,
  importOpml,
  ingestFeedDocument,
  NoFeedFound,
  type OpmlImportReport,
  unfollowFeed,
} from './follow.js';
export {
  type RefreshReport,
  type RefreshRunOptions,
  refreshFeed,
  refreshFeeds,
  takeInItems,
} from './refresh.js';
export { type DeskSchedulerOptions, startDeskScheduler } from './scheduler.js';
export { type DeskSettings, deskSettings } from './settings.js';
