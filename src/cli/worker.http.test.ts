import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/support/eventually.js';
import { seedTaxonomy } from '../../test/support/factories.js';
import { type FeedServer, rss, startFeedServer } from '../../test/support/feed-server.js';
import { createDeskDeps, findFeed, generateOpmlDocument, importOpml } from '../desk/index.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { openMigratedDatabase } from './runtime.js';
import { startWorker, WorkerCannotStart } from './worker.js';

// `velocity worker`: the background work of `serve` alone. A feed imported as due is refreshed by
// the worker's desk scheduler, which looks for due feeds as soon as it starts.
describe('velocity worker', { timeout: 30_000 }, () => {
  let server: FeedServer;
  let dataDir: string;

  beforeAll(async () => {
    server = await startFeedServer();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-worker-'));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a database with no site, then refreshes due feeds without a web server until stopped', async () => {
    const now = new Date();
    server.serve(
      '/feed.xml',
      rss('Worker feed', 'https://worker.example/', [
        {
          title: 'A story the worker takes in',
          link: 'https://worker.example/story',
          description: 'Taken in by the background worker.',
          pubDate: now.toUTCString(),
        },
      ]),
    );
    const config = loadConfig({
      DATA_DIR: dataDir,
      SITE_URL: 'https://news.example.test',
      LOG_LEVEL: 'silent',
      DESK_ALLOW_HOSTS: server.host,
      DESK_HOST_DELAY_MS: '0',
      DESK_FULL_TEXT: 'false',
    });
    const log = createLogger('silent');
    await expect(startWorker(config, { log })).rejects.toThrow(WorkerCannotStart);
    const database = await openMigratedDatabase(config);
    await seedTaxonomy(database.db);
    const deps = createDeskDeps({ db: database.db, config, log });
    const opml = generateOpmlDocument({ title: 'x', now, feeds: [{ feedUrl: `${server.base}/feed.xml` }] });
    const [feed] = (await importOpml(deps, new TextEncoder().encode(opml))).added;
    const feedId = feed?.id ?? 0;

    const worker = await startWorker(config, { log });
    try {
      await eventually(
        async () => (await findFeed(database.db, feedId))?.lastSuccessAt != null,
        'the worker to refresh the feed',
      );
    } finally {
      await worker.close();
    }
    expect(await findFeed(database.db, feedId)).toMatchObject({ itemCount: 1, lastStatus: 200 });
    expect(server.requests.map((r) => r.path)).toEqual(['/feed.xml']);
    await database.close();
  });
});
