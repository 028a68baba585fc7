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
 */
export function startDeskScheduler(deps: DeskDeps, options: DeskSchedulerOptions): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const abort = new AbortController();
  const tick = async () => {
    try {
      const reports = await refreshFeeds(deps, {
        concurrency: options.concurrency ?? 4,
        signal: abort.signal,
      });
      options.onRefreshed?.(reports.map((r) => r.outcome));
      const updated = reports.filter((r) => r.outcome === 'updated');
      if (reports.length > 0)
        deps.log.info(
          {
            refreshed: reports.length,
            updated: updated.length,
            failed: reports.filter((r) => r.outcome === 'failed').length,
            newItems: updated.reduce((sum, r) => sum + (r.outcome === 'updated' ? r.newItems : 0), 0),
          },
          'followed feeds refreshed',
        );
      // Pages of items taken in by hand (a source added in the admin) are fetched here.
      const pending = await extractPendingItems(deps, { limit: 200, signal: abort.signal });
      if (pending.extracted + pending.failed > 0) deps.log.info(pending, 'deferred item pages fetched');
    } catch (error) {
      deps.log.error({ err: error }, 'feed refresh run failed; retrying at the next run');
    }
  };
  const loop = () => {
    if (stopped) return;
    running = tick().finally(() => {
      running = undefined;
      if (!stopped) timer = setTimeout(loop, options.intervalMs);
    });
  };
  loop();
  return {
    async stop() {
      stopped = true;
      abort.abort();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
