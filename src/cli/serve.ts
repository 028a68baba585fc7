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
  const site = await createSite({ db: database.db, config, cache, log, secret: loadSecret(config) });
  const app = createApp(log, [site.surface]);
  const server = await startServer(app, cache, { host: config.HOST, port: config.PORT });
  log.info({ url: server.url, database: database.dialect }, 'serving');
  const stop = async () => {
    await server.close();
    await database.close();
  };
  return { ...server, close: stop };
}
