import { issueOwnerSetupToken } from '../accounts/index.js';
import type { Config } from '../platform/config.js';
import { edgeSettings } from '../platform/http/edge.js';
import { type RunningServer, startServer } from '../platform/http/server.js';
import { createLogger } from '../platform/logger.js';
import { RenderCache } from '../platform/render-cache.js';
import { countStories } from '../stories/index.js';
import { composePlatform, startMetricsListener } from './compose.js';
import { databaseLocation, loadSecret, openMigratedDatabase } from './runtime.js';
import { seedDemoInChildProcess } from './seed-process.js';

/** Migrates, seeds an empty database when asked to, and serves until a signal stops it. */
export async function serve(config: Config): Promise<RunningServer & { metricsUrl?: string }> {
  const log = createLogger(config.LOG_LEVEL);
  const database = await openMigratedDatabase(config);
  if (database.applied.length > 0) log.info({ migrations: database.applied }, 'database migrated');
  if (config.SEED_DEMO && (await countStories(database.db)) === 0) {
    // In a process of its own, so that the memory the seeding takes is not kept by the server.
    const { stories, peakRssMb } = await seedDemoInChildProcess({
      ...databaseLocation(config),
      dataDir: config.dataDir,
      now: new Date().toISOString(),
    });
    log.info({ stories, seedPeakRssMb: peakRssMb }, 'demo content loaded');
  }
  const cache = new RenderCache(config.RENDER_CACHE_ENTRIES, config.RENDER_CACHE_BYTES);
  const secret = loadSecret(config);
  const platform = await composePlatform({ db: database.db, config, cache, log, secret });
  const changes = await platform.followChanges();
  // A web-only node leaves the jobs to `velocity worker` processes.
  const background = platform.startBackground({ jobs: config.SERVE_BACKGROUND });
  const server = await startServer(platform.app, cache, {
    host: config.HOST,
    port: config.PORT,
    onCacheAnswer: (method, status, seconds) =>
      platform.metrics.observeRequest(method, 'render-cache', status, seconds),
    edge: edgeSettings(config),
  });
  const metricsServer = await startMetricsListener(platform, config);
  log.info(
    {
      url: server.url,
      ...(metricsServer ? { metrics: `${metricsServer.url}/metrics` } : {}),
      database: database.dialect,
      newsletterMail: platform.mailer.destination,
      dkim: platform.mailer.dkim
        ? `${platform.mailer.dkim.selector}._domainkey.${platform.mailer.dkim.domain}`
        : 'off',
    },
    'serving',
  );
  const setupToken = await issueOwnerSetupToken(database.db, new Date());
  if (setupToken) {
    // Printed, not logged: the link is a secret for the person at the terminal.
    console.log(
      `No owner account yet. Create one within 24 hours at ${config.siteUrl}/admin/setup/${setupToken}`,
    );
  }
  // A rolling restart: no new connections from here on, while the requests and the background
  // work under way finish; only then do the database and the mailer close under them.
  const stop = async () => {
    await Promise.all([server.close(), background.stop()]);
    await changes.stop();
    await metricsServer?.close();
    platform.mailer.close();
    await database.close();
  };
  return { ...server, ...(metricsServer ? { metricsUrl: metricsServer.url } : {}), close: stop };
}
