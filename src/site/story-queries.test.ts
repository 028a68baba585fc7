import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { buildStory, seedTaxonomy } from '../../test/support/factories.js';
import { composePlatform, type Platform } from '../cli/compose.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { RenderCache } from '../platform/render-cache.js';
import { editVariant, findStoryIdBySlug, importStories, setVariantStatus } from '../stories/index.js';

const SITE_URL = 'https://news.example.test';
const now = () => new Date('2026-11-28T09:00:00Z');

/** Counts every statement the platform sends through its Kysely instance. */
function queryCounter(): { plugin: KyselyPlugin; count: number; reset(): void } {
  const counter = {
    count: 0,
    reset() {
      counter.count = 0;
    },
    plugin: {
      transformQuery(args) {
        counter.count += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    } satisfies KyselyPlugin,
  };
  return counter;
}

describe.each(DIALECTS)('the story page on %s', (dialect) => {
  let database: TestDatabase;
  let platform: Platform;
  const queries = queryCounter();
  const get = async (path: string) => {
    queries.reset();
    const response = await platform.app.request(`${SITE_URL}${path}`);
    await response.arrayBuffer();
    return { status: response.status, location: response.headers.get('location'), queries: queries.count };
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    await importStories(
      database.db,
      [
        buildStory('flagship', { entities: ['nvidia', 'h200'] }),
        buildStory('withdrawn'),
        buildStory('moved'),
      ],
      { now: now() },
    );
    const config = loadConfig({ SITE_URL, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' });
    platform = await composePlatform({
      db: database.db.withPlugin(queries.plugin),
      config,
      cache: new RenderCache(config.RENDER_CACHE_ENTRIES, config.RENDER_CACHE_BYTES),
      log: createLogger('silent'),
      secret: 'test-secret-key-0123456789',
      now,
    });
  });
  afterAll(async () => {
    await platform.mailer.close();
    await database.destroy();
  });
  beforeEach(() => queries.reset());

  it('answers a cached story page without a query, and renders a miss with a few', async () => {
    const miss = await get('/zh/ai-models/flagship');
    expect(miss.status).toBe(200);
    expect(miss.queries).toBeGreaterThan(0);
    const hit = await get('/zh/ai-models/flagship');
    expect(hit).toEqual({ status: 200, location: null, queries: 0 });
  });

  it.each(['/zh/', '/en/ai-models/', '/en/topics/nvidia', '/en/gpus', '/sitemaps/en.xml'])(
    'answers %s from the cache without a query too',
    async (path) => {
      expect((await get(path)).status).toBe(200);
      expect(await get(path)).toEqual({ status: 200, location: null, queries: 0 });
    },
  );

  it('keeps 410 for a withdrawn variant and drops the cached page when it is withdrawn', async () => {
    expect((await get('/en/ai-models/withdrawn')).status).toBe(200);
    const id = (await findStoryIdBySlug(database.db, 'en', 'withdrawn')) as number;
    await setVariantStatus(database.db, id, 'en', { status: 'unpublished' }, { now: now() });
    await platform.site.contentChanged({ storyIds: [id], sectionIds: [], entityIds: [] });
    expect((await get('/en/ai-models/withdrawn')).status).toBe(410);
    // An answer other than a page is never stored: it is looked up again each time.
    expect((await get('/en/ai-models/withdrawn')).queries).toBeGreaterThan(0);
  });

  it('redirects an old slug to the new address once the cached page is dropped', async () => {
    expect((await get('/en/ai-models/moved')).status).toBe(200);
    const id = (await findStoryIdBySlug(database.db, 'en', 'moved')) as number;
    await editVariant(database.db, id, 'en', { slug: 'moved-on' }, { now: now() });
    await platform.site.contentChanged({ storyIds: [id], sectionIds: [], entityIds: [] });
    expect(await get('/en/ai-models/moved')).toMatchObject({
      status: 301,
      location: '/en/ai-models/moved-on',
    });
    expect((await get('/en/ai-models/moved-on')).status).toBe(200);
  });

  it('answers 404 for a slug no story has had, and redirects a locale without a variant', async () => {
    expect((await get('/zh/ai-models/nothing-here')).status).toBe(404);
    expect((await get('/zh/chips/flagship')).status).toBe(301);
  });
});
