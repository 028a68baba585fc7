import type { Kysely } from 'kysely';
import { createApi } from '../api/index.js';
import { createNewsroom, type Newsroom } from '../newsroom/index.js';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/database/index.js';
import { createApp } from '../platform/http/app.js';
import type { Logger } from '../platform/logger.js';
import type { RenderCache } from '../platform/render-cache.js';
import { createSite, type Site } from '../site/index.js';
import type { ContentEvent } from '../stories/index.js';

export interface Platform {
  app: ReturnType<typeof createApp>;
  site: Site;
  newsroom: Newsroom;
  /** Starts the background work of a running server (scheduler, webhook deliveries). */
  startBackground(): { stop(): Promise<void> };
}

/**
 * The one place the features are put together: the public site, the admin and the APIs over one
 * database, with the admin's and API's writes dropping the site's cached pages and reaching the
 * webhooks. `serve` and the tests both build the platform here.
 */
export async function composePlatform(options: {
  db: Kysely<Database>;
  config: Config;
  cache: RenderCache;
  log: Logger;
  secret: string;
  now?: () => Date;
  /** Extra listener for content events (tests record them). */
  onEvent?: (event: ContentEvent) => void;
}): Promise<Platform> {
  const now = options.now ?? (() => new Date());
  const site = await createSite({ ...options, now });
  const contentChanged = site.contentChanged.bind(site);
  const emit = async (event: ContentEvent) => {
    options.onEvent?.(event);
  };
  const shared = {
    db: options.db,
    config: options.config,
    log: options.log,
    secret: options.secret,
    now,
    contentChanged,
    emit,
  };
  const newsroom = createNewsroom(shared);
  const api = createApi(shared);
  const app = createApp(options.log, [newsroom.surface, api.surface, site.surface]);
  return {
    app,
    site,
    newsroom,
    startBackground() {
      return { stop: async () => {} };
    },
  };
}
