import type { Logger } from '../platform/logger.js';
import { type Purger, purgeKeysForTags } from '../platform/purge/index.js';
import type { Site } from '../site/index.js';
import type { ContentChange } from '../stories/index.js';

export type PurgeForChange = (change: ContentChange, options?: { taxonomy?: boolean }) => Promise<void>;

/**
 * After a change has dropped this process's cached pages, drops the same pages from the cache in
 * front: the keys come from the very tags the render cache dropped. Resolves once the purge is
 * done or given up, and never rejects; callers that must not wait leave it be.
 */
export function purgeForChanges(
  site: Pick<Site, 'changedTags'>,
  purger: Purger | undefined,
  log: Logger,
): PurgeForChange {
  if (!purger) return async () => {};
  return async (change, options) => {
    try {
      const keys = purgeKeysForTags(site.changedTags(change, options));
      log.debug({ keys }, 'purging the cache in front');
      await purger.purge(keys);
    } catch (error) {
      // Callers do not wait for the purge: nothing may escape as an unhandled rejection.
      log.error({ err: error, change }, 'could not purge the cache in front');
    }
  };
}
