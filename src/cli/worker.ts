import type { Config } from '../platform/config.js';
import { createLogger, type Logger } from '../platform/logger.js';
import { RenderCache } from '../platform/render-cache.js';
import { findSiteSettings } from '../stories/index.js';
import { composePlatform, startMetricsListener } from './compose.js';
import { loadSecret, openMigratedDatabase } from './runtime.js';

/** The worker cannot start on this database yet; the message says what to do. */
export class WorkerCannotStart extends Error {
  override name = 'WorkerCannotStart';
}

export interface RunningWorker {
  /** The METRICS_PORT listener (/metrics, /healthz, /readyz), when configured. */
  metricsUrl?: string;
  /** Lets the work under way finish, then closes the database. */
  close(): Promise<void>;
}

/**
 * `velocity worker`: the background work of `serve` (scheduled publishing, webhook deliveries,
 * feed refreshes) without the HTTP server, for deployments on PostgreSQL that run it in processes
 * of their own. Each job is claimed before it runs, so several workers share the work.
 */
export async function startWorker(config: Config, options: { log?: Logger } = {}): Promise<RunningWorker> {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const database = await openMigratedDatabase(config);
  if (database.applied.length > 0) log.info({ migrations: database.applied }, 'database migrated');
  // The composition below loads the site (scheduled publishing goes through it); on a database
  // nobody has set up yet, say so rather than fail inside it.
  if (!(await findSiteSettings(database.db))) {
    await database.close();
    throw new WorkerCannotStart(
      'The database holds no site yet: start `velocity serve` once (it loads the demo when SEED_DEMO is on), or run `velocity seed` or `velocity import`, then start the worker.',
    );
  }
  // The same composition as `serve`, so the background work is wired exactly as there; this
  // process renders no pages, so its render cache keeps none.
  const platform = await composePlatform({
    db: database.db,
    config,
    cache: new RenderCache(0),
    log,
    secret: loadSecret(config),
  });
  const changes = await platform.followChanges();
  const background = platform.startBackground();
  const metricsServer = await startMetricsListener(platform, config);
  // The schedulers unref their timers so as not to hold a server's process open; with no server,
  // this handle is what keeps the worker alive until it is told to stop.
  const keepAlive = setInterval(() => {}, 2 ** 30);
  log.info({ database: database.dialect, deskRefresh: config.DESK_REFRESH }, 'worker started');
  return {
    ...(metricsServer ? { metricsUrl: metricsServer.url } : {}),
    async close() {
      clearInterval(keepAlive);
      await metricsServer?.close();
      await background.stop();
      await changes.stop();
      await database.close();
      log.info('worker stopped');
    },
  };
}
