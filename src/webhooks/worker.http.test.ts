import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { eventually } from '../../test/support/eventually.js';
import { buildStory, seedTaxonomy } from '../../test/support/factories.js';
import { importStories } from '../editorial/index.js';
import { openDatabase } from '../platform/database/index.js';
import { createLogger } from '../platform/logger.js';
import {
  createWebhook,
  deliverDueWebhooks,
  enqueueWebhookDeliveries,
  listDeliveries,
  MAX_ATTEMPTS,
  retryDeliveryNow,
  saveWebhook,
  startWebhookWorker,
  verifySignature,
  type WebhookWorkerOptions,
} from './index.js';

const SITE_URL = 'https://news.example.test';
/** The receivers of these tests listen on the loopback, which only an allow-list entry reaches. */
const local = { allowHosts: ['127.0.0.1'] };
const log = createLogger('silent');

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  path: string;
  signatureValid: boolean;
}

/** A real HTTP receiver on the loopback: checks each signature, answers as `respond` says. */
async function startReceiver(
  secret: () => string,
  now: () => Date,
  respond: (
    request: Received,
    count: number,
  ) => { status: number; headers?: Record<string, string> } | 'hang',
) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: Received = {
        headers: req.headers,
        body,
        path: req.url ?? '/',
        signatureValid: verifySignature({ secret: secret(), headers: req.headers, body, now: now() }),
      };
      received.push(request);
      const answer = respond(request, received.length);
      if (answer === 'hang') return;
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.status >= 400 ? 'upstream said no' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe.each(DIALECTS)('webhook deliveries on %s', (dialect) => {
  let database: TestDatabase;
  let clock: Date;
  let storyId: number;
  const now = () => clock;
  const workerOptions = (overrides: Partial<WebhookWorkerOptions> = {}): WebhookWorkerOptions => ({
    db: database.db,
    log,
    now,
    allowHosts: local.allowHosts,
    intervalMs: 60_000,
    random: () => 0,
    ...overrides,
  });
  const event = (type: 'story.published' | 'story.updated' | 'story.unpublished' = 'story.published') => ({
    type,
    storyId,
    locale: 'zh',
    at: clock.toISOString(),
  });
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const clearWebhooks = async () => {
    await database.db.deleteFrom('webhook_deliveries').execute();
    await database.db.deleteFrom('webhooks').execute();
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    const { storyIds } = await importStories(database.db, [buildStory('blackwell')], {
      now: new Date('2026-11-20T08:00:00Z'),
    });
    storyId = storyIds[0] as number;
  });
  afterAll(() => database.destroy());
  beforeEach(async () => {
    clock = new Date('2026-11-28T09:00:00.000Z');
    await clearWebhooks();
  });

  it('queues one delivery per active subscribed webhook, with the story’s public URL and title', async () => {
    const a = await createWebhook(
      database.db,
      { url: 'https://a.example.test/hook', events: ['story.published'] },
      clock,
      local,
    );
    const b = await createWebhook(
      database.db,
      { url: 'https://b.example.test/hook', events: ['story.published', 'story.updated'] },
      clock,
      local,
    );
    await createWebhook(
      database.db,
      { url: 'https://c.example.test/', events: ['story.unpublished'] },
      clock,
      local,
    );
    await createWebhook(
      database.db,
      { url: 'https://d.example.test/', events: ['story.published'], active: false },
      clock,
      local,
    );
    const deps = { db: database.db, siteUrl: SITE_URL, now };
    expect(await enqueueWebhookDeliveries(deps, event())).toBe(2);
    expect(await enqueueWebhookDeliveries(deps, event('story.updated'))).toBe(1);
    const forA = await listDeliveries(database.db, a.id, 10);
    expect(forA).toHaveLength(1);
    expect(forA[0]).toMatchObject({ status: 'pending', attempts: 0, event: 'story.published' });
    expect(JSON.parse(forA[0]?.payload ?? '')).toEqual({
      event: 'story.published',
      storyId,
      locale: 'zh',
      url: `${SITE_URL}/zh/ai-models/blackwell`,
      title: '英伟达宣布blackwell计划',
      at: '2026-11-28T09:00:00.000Z',
    });
    expect((await listDeliveries(database.db, b.id, 10)).map((d) => d.event)).toEqual([
      'story.updated',
      'story.published',
    ]);
  });

  it('refuses a webhook URL that is not http(s) or events it does not know', async () => {
    for (const url of ['ftp://example.test/', 'javascript:alert(1)', 'not a url', 'file:///etc/passwd']) {
      await expect(
        createWebhook(database.db, { url, events: ['story.published'] }, clock, local),
      ).rejects.toMatchObject({
        kind: 'invalid',
      });
    }
    await expect(
      createWebhook(database.db, { url: 'https://ok.example.test/', events: [] }, clock, local),
    ).rejects.toMatchObject({ kind: 'invalid' });
    await expect(
      createWebhook(
        database.db,
        { url: 'https://ok.example.test/', events: ['story.deleted' as never] },
        clock,
        local,
      ),
    ).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('signs each POST, retries after 30 s and 2 min when the receiver fails twice, then delivers', async () => {
    let secret = '';
    const receiver = await startReceiver(
      () => secret,
      now,
      (_, count) => ({ status: count <= 2 ? 500 : 204 }),
    );
    try {
      const webhook = await createWebhook(
        database.db,
        { url: `${receiver.url}/hooks/velocity`, events: ['story.published'] },
        clock,
        local,
      );
      secret = webhook.secret;
      await enqueueWebhookDeliveries({ db: database.db, siteUrl: SITE_URL, now }, event());
      const options = workerOptions();

      expect(await deliverDueWebhooks(options)).toBe(1);
      let [delivery] = await listDeliveries(database.db, webhook.id, 1);
      expect(delivery).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastStatus: 500,
        failure: 'http-status',
        lockedUntil: null,
      });
      expect(delivery?.durationMs).toBeGreaterThanOrEqual(0);
      expect(delivery?.nextAttemptAt).toBe('2026-11-28T09:00:30.000Z');

      advance(29_000);
      expect(await deliverDueWebhooks(options)).toBe(0);
      advance(1_000);
      expect(await deliverDueWebhooks(options)).toBe(1);
      [delivery] = await listDeliveries(database.db, webhook.id, 1);
      expect(delivery).toMatchObject({ status: 'pending', attempts: 2, lastStatus: 500 });
      expect(delivery?.nextAttemptAt).toBe('2026-11-28T09:02:30.000Z');

      advance(120_000);
      expect(await deliverDueWebhooks(options)).toBe(1);
      [delivery] = await listDeliveries(database.db, webhook.id, 1);
      expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 204, failure: null });
      expect(delivery?.deliveredAt).toBe(clock.toISOString());
      expect(await deliverDueWebhooks(options)).toBe(0);

      expect(receiver.received).toHaveLength(3);
      for (const request of receiver.received) {
        expect(request.signatureValid).toBe(true);
        expect(request.path).toBe('/hooks/velocity');
        expect(request.headers['content-type']).toBe('application/json');
        expect(request.headers['x-velocity-event']).toBe('story.published');
        expect(request.headers['webhook-id']).toBe(String(delivery?.id));
        expect(request.body).toBe(delivery?.payload);
      }
      // The timestamp is the time of each attempt, so a receiver can refuse stale replays.
      expect(receiver.received.map((r) => r.headers['webhook-timestamp'])).toEqual([
        String(Date.parse('2026-11-28T09:00:00Z') / 1000),
        String(Date.parse('2026-11-28T09:00:30Z') / 1000),
        String(Date.parse('2026-11-28T09:02:30Z') / 1000),
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('a signature made with another secret does not verify at the receiver', async () => {
    const receiver = await startReceiver(
      () => 'whsec_not-the-one',
      now,
      () => ({ status: 200 }),
    );
    try {
      await createWebhook(database.db, { url: receiver.url, events: ['story.published'] }, clock, local);
      await enqueueWebhookDeliveries({ db: database.db, siteUrl: SITE_URL, now }, event());
      await deliverDueWebhooks(workerOptions());
      expect(receiver.received.map((r) => r.signatureValid)).toEqual([false]);
    } finally {
      await receiver.close();
    }
  });

  it('marks a delivery failed after the last attempt, and "retry now" gives it one more', async () => {
    const receiver = await startReceiver(
      () => '',
      now,
      () => ({ status: 503 }),
    );
    try {
      const webhook = await createWebhook(
        database.db,
        { url: receiver.url, events: ['story.published'] },
        clock,
        local,
      );
      await enqueueWebhookDeliveries({ db: database.db, siteUrl: SITE_URL, now }, event());
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        expect(await deliverDueWebhooks(workerOptions())).toBe(1);
        advance(13 * 3_600_000);
      }
      const [failed] = await listDeliveries(database.db, webhook.id, 1);
      expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastStatus: 503 });
      expect(await deliverDueWebhooks(workerOptions())).toBe(0);
      expect(await retryDeliveryNow(database.db, webhook.id, failed?.id ?? 0, clock.toISOString())).toBe(
        true,
      );
      expect(await deliverDueWebhooks(workerOptions())).toBe(1);
      expect((await listDeliveries(database.db, webhook.id, 1))[0]).toMatchObject({
        status: 'failed',
        attempts: MAX_ATTEMPTS + 1,
      });
      expect(receiver.received).toHaveLength(MAX_ATTEMPTS + 1);
    } finally {
      await receiver.close();
    }
  });

  it('never follows a redirect to another host, and follows one on the same host', async () => {
    const elsewhere = await startReceiver(
      () => '',
      now,
      () => ({ status: 200 }),
    );
    const receiver = await startReceiver(
      () => '',
      now,
      (request) =>
        request.path === '/moved'
          ? { status: 308, headers: { location: '/new-home' } }
          : request.path === '/new-home'
            ? { status: 200 }
            : { status: 307, headers: { location: `${elsewhere.url}/steal` } },
    );
    try {
      const away = await createWebhook(
        database.db,
        { url: `${receiver.url}/away`, events: ['story.published'] },
        clock,
        local,
      );
      const moved = await createWebhook(
        database.db,
        { url: `${receiver.url}/moved`, events: ['story.published'] },
        clock,
        local,
      );
      await enqueueWebhookDeliveries({ db: database.db, siteUrl: SITE_URL, now }, event());
      expect(await deliverDueWebhooks(workerOptions())).toBe(2);
      expect(elsewhere.received).toHaveLength(0);
      expect((await listDeliveries(database.db, away.id, 1))[0]).toMatchObject({
        status: 'pending',
        lastStatus: 307,
        failure: 'redirect-elsewhere',
      });
      expect((await listDeliveries(database.db, moved.id, 1))[0]).toMatchObject({
        status: 'delivered',
        lastStatus: 200,
      });
      expect(receiver.received.map((r) => r.path).sort()).toEqual(['/away', '/moved', '/new-home']);
    } finally {
      await receiver.close();
      await elsewhere.close();
    }
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const receiver = await startReceiver(
      () => '',
      now,
      () => 'hang',
    );
    try {
      const webhook = await createWebhook(
        database.db,
        { url: receiver.url, events: ['story.published'] },
        clock,
        local,
      );
      await enqueueWebhookDeliveries({ db: database.db, siteUrl: SITE_URL, now }, event());
      expect(await deliverDueWebhooks(workerOptions({ timeoutMs: 200 }))).toBe(1);
      expect((await listDeliveries(database.db, webhook.id, 1))[0]).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastStatus: null,
        failure: 'timeout',
      });
    } finally {
      await receiver.close();
    }
  });

  it('a 2xx whose body never ends is delivered: only the status is waited for', async () => {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('x'.repeat(100));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const webhook = await createWebhook(
        database.db,
        { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, events: ['story.published'] },
        clock,
        local,
      );
      await enqueueWebhookDeliveries({ db: database.db, siteUrl: SITE_URL, now }, event());
      expect(await deliverDueWebhooks(workerOptions({ timeoutMs: 60_000 }))).toBe(1);
      expect((await listDeliveries(database.db, webhook.id, 1))[0]).toMatchObject({
        status: 'delivered',
        lastStatus: 200,
      });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('an unreachable receiver is a failed attempt, not a crash', async () => {
    const receiver = await startReceiver(
      () => '',
      now,
      () => ({ status: 200 }),
    );
    await receiver.close();
    const webhook = await createWebhook(
      database.db,
      { url: receiver.url, events: ['story.published'] },
      clock,
      local,
    );
    await enqueueWebhookDeliveries({ db: database.db, siteUrl: SITE_URL, now }, event());
    expect(await deliverDueWebhooks(workerOptions())).toBe(1);
    const [delivery] = await listDeliveries(database.db, webhook.id, 1);
    expect(delivery).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatus: null,
      failure: 'connection-refused',
    });
  });

  it('does not send for a webhook switched off after queuing, until it is switched on again', async () => {
    const receiver = await startReceiver(
      () => '',
      now,
      () => ({ status: 200 }),
    );
    try {
      const webhook = await createWebhook(
        database.db,
        { url: receiver.url, events: ['story.published'] },
        clock,
        local,
      );
      await enqueueWebhookDeliveries({ db: database.db, siteUrl: SITE_URL, now }, event());
      await saveWebhook(
        database.db,
        webhook.id,
        { url: receiver.url, events: ['story.published'], active: false },
        local,
      );
      expect(await deliverDueWebhooks(workerOptions())).toBe(0);
      await saveWebhook(
        database.db,
        webhook.id,
        { url: receiver.url, events: ['story.published'], active: true },
        local,
      );
      expect(await deliverDueWebhooks(workerOptions())).toBe(1);
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it('takes over a delivery whose worker died holding it, once the claim lapses', async () => {
    const receiver = await startReceiver(
      () => '',
      now,
      () => ({ status: 200 }),
    );
    try {
      const webhook = await createWebhook(
        database.db,
        { url: receiver.url, events: ['story.published'] },
        clock,
        local,
      );
      await enqueueWebhookDeliveries({ db: database.db, siteUrl: SITE_URL, now }, event());
      // A worker claimed it a minute from now and vanished.
      await database.db
        .updateTable('webhook_deliveries')
        .set({ locked_until: new Date(clock.getTime() + 60_000).toISOString(), attempts: 1 })
        .execute();
      expect(await deliverDueWebhooks(workerOptions())).toBe(0);
      advance(61_000);
      expect(await deliverDueWebhooks(workerOptions())).toBe(1);
      expect((await listDeliveries(database.db, webhook.id, 1))[0]).toMatchObject({
        status: 'delivered',
        attempts: 2,
      });
    } finally {
      await receiver.close();
    }
  });

  it('two workers racing over the same queue deliver each delivery exactly once', async () => {
    const receiver = await startReceiver(
      () => '',
      now,
      () => ({ status: 200 }),
    );
    // Another process: on SQLite a second connection to the same file; on PostgreSQL the pool
    // already gives each worker connections of its own.
    const other =
      dialect === 'sqlite'
        ? openDatabase({ sqliteFile: path.join(database.dataDir, 'velocity.db') })
        : { db: database.db, close: async () => {} };
    try {
      for (let i = 0; i < 4; i++) {
        await createWebhook(
          database.db,
          { url: `${receiver.url}/w${i}`, events: ['story.published', 'story.updated'] },
          clock,
          local,
        );
      }
      for (let i = 0; i < 5; i++) {
        await enqueueWebhookDeliveries({ db: database.db, siteUrl: SITE_URL, now }, event());
        await enqueueWebhookDeliveries({ db: database.db, siteUrl: SITE_URL, now }, event('story.updated'));
      }
      const total = 4 * 10;
      const one = workerOptions({ batchSize: 7 });
      const two = workerOptions({ db: other.db, batchSize: 7 });
      let attempted = 0;
      for (let round = 0; round < 10 && attempted < total; round++) {
        const [a, b] = await Promise.all([deliverDueWebhooks(one), deliverDueWebhooks(two)]);
        attempted += a + b;
      }
      expect(attempted).toBe(total);
      const ids = receiver.received.map((r) => r.headers['webhook-id']);
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
      const rows = await database.db
        .selectFrom('webhook_deliveries')
        .select(['status', 'attempts'])
        .execute();
      expect(rows.every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true);
    } finally {
      await other.close();
      await receiver.close();
    }
  });

  describe('the background loop', () => {
    let stop: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await stop?.();
      stop = undefined;
    });

    it('sends what is due without being asked, and stops cleanly', async () => {
      const receiver = await startReceiver(
        () => '',
        now,
        () => ({ status: 200 }),
      );
      try {
        const webhook = await createWebhook(
          database.db,
          { url: receiver.url, events: ['story.published'] },
          clock,
          local,
        );
        await enqueueWebhookDeliveries({ db: database.db, siteUrl: SITE_URL, now }, event());
        const worker = startWebhookWorker(workerOptions({ intervalMs: 20 }));
        stop = () => worker.stop();
        await eventually(() => receiver.received.length > 0, 'the delivery to the receiver');
        await worker.stop();
        expect(receiver.received).toHaveLength(1);
        expect((await listDeliveries(database.db, webhook.id, 1))[0]?.status).toBe('delivered');
      } finally {
        await receiver.close();
      }
    });
  });
});
