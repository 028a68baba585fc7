import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { composePlatform } from '../../src/cli/compose.js';
import type { FetchDocument, Resolve } from '../../src/desk/index.js';
import { importStories } from '../../src/editorial/index.js';
import { createMailer, type Newsletter } from '../../src/newsletter/index.js';
import type { Newsroom } from '../../src/newsroom/index.js';
import { loadConfig } from '../../src/platform/config.js';
import type { Database, Dialect } from '../../src/platform/database/index.js';
import { createLogger } from '../../src/platform/logger.js';
import { RenderCache } from '../../src/platform/render-cache.js';
import type { Site } from '../../src/site/index.js';
import type { ContentEvent, StoryInput } from '../../src/stories/index.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { seedTaxonomy } from './factories.js';
import { idleAware } from './idle-mailer.js';

export const TEST_SITE_URL = 'https://news.example.test';

export interface TestApp {
  app: Hono;
  site: Site;
  newsroom: Newsroom;
  /** The platform's newsletter (createNewsletter), over the same database and mailer. */
  newsletter: Newsletter;
  /** Content events the platform emitted (what webhooks would deliver), in order. */
  events: ContentEvent[];
  cache: RenderCache;
  database: TestDatabase;
  /** Builds the app's view of a path: `app.request` with the site's own host. */
  get(path: string, init?: RequestInit): Promise<Response>;
  /** Resolves once every mail the app has started sending has been accepted or refused. */
  mailIdle(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * The whole public site in process, on a real database of its own: either the demo content
 * (`seed: 'demo'`, what `npm start` shows) or the factories' taxonomy plus the given stories.
 */
export async function createTestApp(
  dialect: Dialect,
  options: { seed: 'demo' } | { seed: 'stories'; stories: StoryInput[] },
  now = () => new Date('2026-11-28T09:00:00Z'),
  extra: {
    /** Environment variables on top of the test defaults (e.g. DESK_ALLOW_HOSTS for a local feed server). */
    env?: Record<string, string>;
    desk?: { resolve?: Resolve; fetchDocument?: FetchDocument };
    /** Wraps the database the platform is given (a query-counting plugin, for instance). */
    instrument?: (db: Kysely<Database>) => Kysely<Database>;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  if (options.seed === 'demo') {
    const { seedDemo } = await import('../../src/cli/seed.js');
    await seedDemo(database.db, database.dataDir, now());
  } else {
    await seedTaxonomy(database.db);
    await importStories(database.db, options.stories, { now: now() });
  }
  const config = loadConfig({
    SITE_URL: TEST_SITE_URL,
    DATA_DIR: database.dataDir,
    LOG_LEVEL: 'silent',
    // Tests fetch from servers on 127.0.0.1 without waiting between requests.
    DESK_HOST_DELAY_MS: '0',
    ...extra.env,
  });
  const cache = new RenderCache(config.RENDER_CACHE_ENTRIES, config.RENDER_CACHE_BYTES);
  const log = createLogger('silent');
  const events: ContentEvent[] = [];
  const mailer = idleAware(createMailer(config, log));
  const { app, site, newsroom, newsletter } = await composePlatform({
    db: extra.instrument ? extra.instrument(database.db) : database.db,
    config,
    cache,
    log,
    secret: 'test-secret-key-0123456789',
    now,
    onEvent: (event) => events.push(event),
    mailer,
    ...(extra.desk ? { desk: extra.desk } : {}),
  });
  return {
    app,
    site,
    newsroom,
    newsletter,
    events,
    cache,
    database,
    get: (path, init) => Promise.resolve(app.request(`${TEST_SITE_URL}${path}`, init)),
    mailIdle: () => mailer.idle(),
    destroy: async () => {
      mailer.close();
      await database.destroy();
    },
  };
}
