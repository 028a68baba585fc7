import { createNewsroom, issueOwnerSetupToken } from '../newsroom/index.js';
import type { Config } from '../platform/config.js';
import { createApp } from '../platform/http/app.js';
import { type RunningServer, startServer } from '../platform/http/server.js';
import { createLogger } from '../platform/logger.js';
import { RenderCache } from '../platform/render-cache.js';
import { createSite } from '../site/index.js';
import { countStories } from '../stories/index.js';
import { loadSecret, openMigratedDatabase } from './runtime.js';
import { seedDemo } from './seed.js';

/** Migrates, seeds an empty database when asked to, and serves until a signal stops it. */
export async function serve(config: Config): Promise<RunningServer> {
  const log = createLogger(config.LOG_LEVEL);
  const database = await openMigratedDatabase(config);
  if (database.applied.length > 0) log.info({ migrations: database.applied }, 'database migrated');
  if (config.SEED_DEMO && (await countStories(database.db)) === 0) {
    const { stories } = await seedDemo(database.db, config.dataDir, new Date());
    log.info({ stories }, 'demo content loaded');
  }
  const cache = new RenderCache(config.RENDER_CACHE_ENTRIES);
  const secret = loadSecret(config);
  const site = await createSite({ db: database.db, config, cache, log, secret });
  const newsroom = createNewsroom({
    db: database.db,
    config,
    log,
    secret,
    contentChanged: (change, options) => site.contentChanged(change, options),
  });
  const app = createApp(log, [newsroom.surface, site.surface]);
  const server = await startServer(app, cache, { host: config.HOST, port: config.PORT });
  log.info({ url: server.url, database: database.dialect }, 'serving');
  const setupToken = await issueOwnerSetupToken(database.db, new Date());
  if (setupToken) {
    // Printed, not logged: the link is a secret for the person at the terminal.
    console.log(
      `No owner account yet. Create one within 24 hours at ${config.siteUrl}/admin/setup/${setupToken}`,
    );
  }
  const stop = async () => {
    await server.close();
    await database.close();
  };
  return { ...server, close: stop };
}
