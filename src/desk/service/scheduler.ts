import { repeatEvery } from '../../platform/repeat.js';
import type { DeskDeps } from './deps.js';
import { extractPendingItems } from './pending.js';
import { refreshFeeds } from './refresh.js';

export interface DeskSchedulerOptions {
  /** Time between looks for due feeds; a look happens at once on start. */
  intervalMs: number;
  concurrency?: number;
  /** Told the outcome of each refresh (the metrics count fetches and failures). */
  onRefreshed?: (outcomes: string[]) => void;
}

/**
 * Refreshes due feeds now and then every `intervalMs`, never two runs at once in this process;
 * feeds are claimed one by one, so several processes share the work without doubling it.
 * `stop()` claims no more feeds, hands back those claimed but not yet fetched or still being
 * fetched (another worker takes them at once), and resolves when the run under way has ended.
 */
export function startDeskScheduler(deps: DeskDeps, options: DeskSchedulerOptions): { stop(): Promise<void> } {
  const tick = async (signal: AbortSignal) => {
    try {
      const reports = await refreshFeeds(deps, { concurrency: options.concurrency ?? 4, signal });
      options.onRefreshed?.(reports.map((r) => r.outcome));
      const updated = reports.filter((r) => r.outcome === 'updated');
      if (reports.length > 0)
        deps.log.info(
          {
            refreshed: reports.length,
            updated: updated.length,
            failed: reports.filter((r) => r.outcome === 'failed').length,
            handedBack: reports.filter((r) => r.outcome === 'stopped').length,
            newItems: updated.reduce((sum, r) => sum + (r.outcome === 'updated' ? r.newItems : 0), 0),
          },
          'followed feeds refreshed',
        );
      // Pages of items taken in by hand (a source added in the admin) are fetched here.
      const pending = await extractPendingItems(deps, { limit: 200, signal });
      if (pending.extracted + pending.failed > 0) deps.log.info(pending, 'deferred item pages fetched');
    } catch (error) {
      deps.log.error({ err: error }, 'feed refresh run failed; retrying at the next run');
    }
  };
  return repeatEvery(tick, options.intervalMs);
}
