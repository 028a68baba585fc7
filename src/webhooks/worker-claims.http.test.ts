import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { eventually } from '../../test/support/eventually.js';
import { buildStory, seedTaxonomy } from '../../test/support/factories.js';
import { importStories } from '../editorial/index.js';
import { type DatabaseHandle, openDatabase } from '../platform/database/index.js';
import { createLogger } from '../platform/logger.js';
import {
  createWebhook,
  deliverDueWebhooks,
  enqueueWebhookDeliveries,
  startWebhookWorker,
  type WebhookWorker,
  type WebhookWorkerOptions,
} from './index.js';
import { claimDelivery, releaseDelivery } from './queries.js';

// Webhook deliveries are claimed so that any number of workers, in separate processes, share
// them: each is received once, and a worker that stops hands back what it has not delivered.

const SITE_URL = 'https://news.example.test';
const log = createLogger('silent');

/** A loopback receiver that counts requests per delivery id and answers 200, or never while `hanging`. */
async function startReceiver() {
  const requestsById = new Map<string, number>();
  const hung: http.ServerResponse[] = [];
  let closedUnanswered = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      requestsById.set(id, (requestsById.get(id) ?? 0) + 1);
      if (!receiver.hanging) {
        res.writeHead(200).end('ok');
        return;
      }
      hung.push(res);
      res.on('close', () => {
        if (!res.writableEnded) closedUnanswered++;
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver = {
    hanging: false,
    requestsById,
    hung,
    closedUnanswered: () => closedUnanswered,
    url: `http://127.0.0.1:${port}/hook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}

describe.each(DIALECTS)('webhook delivery claims across workers on %s', (dialect) => {
  let database: TestDatabase;
  /** A second process's own connection: its own pool on PostgreSQL, its own handle on SQLite. */
  let other: DatabaseHandle;
  let storyId: number;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let running: WebhookWorker[] = [];
  const clock = new Date('2026-11-28T09:00:00.000Z');
  const now = () => clock;
  const options = (overrides: Partial<WebhookWorkerOptions> = {}): WebhookWorkerOptions => ({
    db: database.db,
    log,
    now,
    allowHosts: ['127.0.0.1'],
    intervalMs: 60_000,
    random: () => 0,
    ...overrides,
  });
  const enqueue = (times: number) =>
    Promise.all(
      Array.from({ length: times }, () =>
        enqueueWebhookDeliveries(
          { db: database.db, siteUrl: SITE_URL, now },
          { type: 'story.published', storyId, locale: 'zh', at: clock.toISOString() },
        ),
      ),
    );
  const rows = () =>
    database.db
      .selectFrom('webhook_deliveries')
      .select(['id', 'status', 'attempts', 'locked_until'])
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    other =
      dialect === 'sqlite'
        ? openDatabase({ sqliteFile: path.join(database.dataDir, 'velocity.db') })
        : openDatabase({ databaseUrl: database.url as string });
    await seedTaxonomy(database.db);
    const { storyIds } = await importStories(database.db, [buildStory('blackwell')], {
      now: new Date('2026-11-20T08:00:00Z'),
    });
    storyId = storyIds[0] as number;
  });
  afterAll(async () => {
    await other.close();
    await database.destroy();
  });
  beforeEach(async () => {
    await database.db.deleteFrom('webhook_deliveries').execute();
    await database.db.deleteFrom('webhooks').execute();
    receiver = await startReceiver();
  });
  afterEach(async () => {
    await Promise.all(running.map((worker) => worker.stop()));
    running = [];
    await receiver.close();
  });

  it('two workers on their own connections, passing at once, deliver each delivery exactly once', async () => {
    for (const name of ['a', 'b', 'c']) {
      await createWebhook(
        database.db,
        { url: `${receiver.url}/${name}`, events: ['story.published'] },
        clock,
        { allowHosts: ['127.0.0.1'] },
      );
    }
    await enqueue(10);
    const total = 30;
    const one = options({ batchSize: 4 });
    const two = options({ db: other.db, batchSize: 4 });
    let attempted = 0;
    for (let round = 0; round < total && attempted < total; round++) {
      const [a, b] = await Promise.all([deliverDueWebhooks(one), deliverDueWebhooks(two)]);
      attempted += a + b;
    }
    expect(attempted).toBe(total);
    const ids = (await rows()).map((row) => String(row.id));
    expect([...receiver.requestsById.keys()].sort()).toEqual([...ids].sort());
    expect([...receiver.requestsById.values()].every((count) => count === 1)).toBe(true);
    expect(
      (await rows()).every((row) => row.status === 'delivered' && row.attempts === 1 && !row.locked_until),
    ).toBe(true);
  });

  it('a worker stopped while its receiver hangs hands its deliveries back for another to send at once', async () => {
    await createWebhook(database.db, { url: receiver.url, events: ['story.published'] }, clock, {
      allowHosts: ['127.0.0.1'],
    });
    await enqueue(3);
    receiver.hanging = true;
    // A minute's timeout, past the test's own: only the stop can end these sends in time.
    const first = startWebhookWorker(options({ timeoutMs: 60_000 }));
    running.push(first);
    await eventually(() => receiver.hung.length === 3, 'three sends hanging at the receiver');

    await first.stop();
    expect(receiver.hung.every((response) => !response.writableEnded)).toBe(true);
    await eventually(() => receiver.closedUnanswered() === 3, 'the worker dropping its three requests');
    expect((await rows()).map((row) => [row.status, row.attempts, row.locked_until])).toEqual(
      Array.from({ length: 3 }, () => ['pending', 0, null]),
    );
    // Stopped means stopped: a pass asked of it now claims nothing.
    expect(await first.runOnce()).toBe(0);

    // Another process takes them up without waiting for the first one's lease to lapse.
    receiver.hanging = false;
    expect(await deliverDueWebhooks(options({ db: other.db }))).toBe(3);
    const after = await rows();
    expect(after.map((row) => [row.status, row.attempts, row.locked_until])).toEqual(
      Array.from({ length: 3 }, () => ['delivered', 1, null]),
    );
    expect(after.map((row) => receiver.requestsById.get(String(row.id)))).toEqual([2, 2, 2]);
  });

  it('a worker stopped while its receiver is answering lets the send finish, received once', async () => {
    await createWebhook(database.db, { url: receiver.url, events: ['story.published'] }, clock, {
      allowHosts: ['127.0.0.1'],
    });
    await enqueue(1);
    receiver.hanging = true;
    const worker = startWebhookWorker(options({ timeoutMs: 60_000, inFlightGraceMs: 20_000 }));
    running.push(worker);
    await eventually(() => receiver.hung.length === 1, 'the send reaching the receiver');

    // The body is in; the answer leaves the receiver just after the stop began.
    const stopped = worker.stop();
    receiver.hung[0]?.writeHead(204).end();
    await stopped;

    const [row] = await rows();
    expect([row?.status, row?.attempts, row?.locked_until]).toEqual(['delivered', 1, null]);
    expect(receiver.requestsById.get(String(row?.id))).toBe(1);
  });

  it('a hand-back leaves alone a claim that lapsed and went to another worker', async () => {
    await createWebhook(database.db, { url: receiver.url, events: ['story.published'] }, clock, {
      allowHosts: ['127.0.0.1'],
    });
    await enqueue(1);
    const [row] = await rows();
    const id = row?.id as number;
    const lease = (from: Date) => new Date(from.getTime() + 60_000).toISOString();
    const lost = await claimDelivery(database.db, id, clock.toISOString(), lease(clock));
    const later = new Date(clock.getTime() + 61_000);
    const taken = await claimDelivery(other.db, id, later.toISOString(), lease(later));
    expect(lost?.attempts).toBe(1);
    expect(taken?.attempts).toBe(2);

    expect(await releaseDelivery(database.db, lost as NonNullable<typeof lost>)).toBe(false);
    expect((await rows())[0]).toMatchObject({ attempts: 2, locked_until: lease(later) });
    // Handed back by its holder, the row is free again; the lost claim still touches nothing.
    expect(await releaseDelivery(other.db, taken as NonNullable<typeof taken>)).toBe(true);
    expect(await releaseDelivery(database.db, lost as NonNullable<typeof lost>)).toBe(false);
    expect((await rows())[0]).toMatchObject({ status: 'pending', attempts: 1, locked_until: null });
  });
});
