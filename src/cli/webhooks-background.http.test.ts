import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { eventually } from '../../test/support/eventually.js';
import { buildStory, seedTaxonomy } from '../../test/support/factories.js';
import { importStories } from '../editorial/index.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { RenderCache } from '../platform/render-cache.js';
import { createWebhook, listDeliveries } from '../webhooks/index.js';
import { composePlatform } from './compose.js';

/** What a receiver does: checks the delivery with the Standard Webhooks library. */
function verifies(secret: string, body: string, headers: http.IncomingHttpHeaders): boolean {
  try {
    new Webhook(secret).verify(body, headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
}

// The composition root's wiring: a content event queues webhook deliveries, and the background
// work a running server starts sends them.
describe('webhooks in the composed platform', () => {
  let database: TestDatabase;
  let server: http.Server;
  const bodies: { body: string; valid: boolean }[] = [];
  let secret = '';

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedTaxonomy(database.db);
    await importStories(database.db, [buildStory('wired')], { now: new Date('2026-11-20T08:00:00Z') });
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        bodies.push({
          body,
          valid: verifies(secret, body, req.headers),
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await database.destroy();
  });

  it('queues a delivery on emit and sends it from startBackground, until stop()', async () => {
    const port = (server.address() as AddressInfo).port;
    const webhook = await createWebhook(
      database.db,
      { url: `http://127.0.0.1:${port}/in`, events: ['story.updated'] },
      new Date(),
      { allowHosts: ['127.0.0.1'] },
    );
    secret = webhook.secret;
    const config = loadConfig({
      SITE_URL: 'https://news.example.test',
      DATA_DIR: database.dataDir,
      LOG_LEVEL: 'silent',
      WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    });
    const platform = await composePlatform({
      db: database.db,
      config,
      cache: new RenderCache(10),
      log: createLogger('silent'),
      secret: 'test-secret-key-0123456789',
    });
    const storyId = (await database.db.selectFrom('stories').select('id').executeTakeFirstOrThrow()).id;
    await platform.newsroom.deps.emit({
      type: 'story.updated',
      storyId,
      locale: 'en',
      at: new Date().toISOString(),
    });
    expect(await listDeliveries(database.db, webhook.id, 5)).toHaveLength(1);

    const background = platform.startBackground();
    try {
      await eventually(() => bodies.length > 0, 'the webhook delivery');
    } finally {
      await background.stop();
    }
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.valid).toBe(true);
    expect(JSON.parse(bodies[0]?.body ?? '{}')).toMatchObject({
      event: 'story.updated',
      storyId,
      locale: 'en',
      url: 'https://news.example.test/en/ai-models/wired',
      title: 'Nvidia announces the wired plan',
    });
    expect((await listDeliveries(database.db, webhook.id, 5))[0]?.status).toBe('delivered');
  });
});
