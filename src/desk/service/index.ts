export type { DeskDeps } from './deps.js';
export { createDeskDeps } from './desk.js';
export {
  exportOpml,
  followFeed,
  importOpml,
  ingestFeedDocument,
  NoFeedFound,
  unfollowFeed,
} from './follow.js';
export {
  type RefreshReport,
  refreshFeeds,
} from './refresh.js';
export { startDeskScheduler } from './scheduler.js';
