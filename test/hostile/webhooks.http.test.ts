import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.js';
import type { Resolve } from '../../src/platform/outbound/index.js';
import {
  createWebhook,
  deliverDueWebhooks,
  listDeliveries,
  type WebhookWorkerOptions,
} from '../../src/webhooks/index.js';
import type { AdminClient } from '../support/admin-client.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/database.js';
import { buildStory } from '../support/factories.js';
import { signedInAs } from '../support/people.js';

// Issue 11, "The server as an attack tool": webhook targets go through the same address guard as
// the desk, the delivery log keeps nothing of what answered, and deliveries are signed as
// Standard Webhooks.

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A listener on the loopback: what a port scan through the server would have found. */
async function listen(
  answer: (request: Received, res: http.ServerResponse) => void = (_, res) => res.end('ok'),
) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      answer(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (one that was just released). */
async function closedPort(): Promise<number> {
  const probe = await listen();
  await probe.close();
  return probe.port;
}

/** DNS as an attacker controls it: every `*.example.test` name answers the loopback. */
const resolveToLoopback: Resolve = async () => [{ address: '127.0.0.1', family: 4 }];

const REFUSED_TARGETS = [
  'http://127.0.0.1:8080/hook',
  'http://[::1]:3000/',
  'http://localhost:3000/',
  'http://169.254.169.254/latest/meta-data/',
  'http://[::ffff:127.0.0.1]/',
  'http://0.0.0.0:5432/',
  'http://2130706433/',
  'http://10.0.0.8/',
  'http://[fd00::1]/',
];

describe.each(DIALECTS)('hostile webhooks on %s', (dialect) => {
  let t: TestApp;
  let owner: AdminClient;
  let storyId: number;

  beforeAll(async () => {
    t = await createTestApp(
      dialect,
      { seed: 'stories', stories: [buildStory('hooked', { locales: ['en'] })] },
      undefined,
      // The one internal receiver this installation trusts.
      { env: { WEBHOOK_ALLOW_HOSTS: 'receiver.example.test' } },
    );
    owner = (await signedInAs(t, 'owner')).browser;
    storyId = (await t.database.db.selectFrom('stories').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.destroy());
  beforeEach(async () => {
    await t.database.db.deleteFrom('webhook_deliveries').execute();
    await t.database.db.deleteFrom('webhooks').execute();
  });

  const worker = (overrides: Partial<WebhookWorkerOptions> = {}): WebhookWorkerOptions => ({
    db: t.database.db,
    log: createLogger('silent'),
    now: () => new Date(),
    allowHosts: t.newsroom.deps.config.WEBHOOK_ALLOW_HOSTS,
    resolve: resolveToLoopback,
    intervalMs: 60_000,
    random: () => 0,
    ...overrides,
  });
  const publish = () =>
    t.newsroom.deps.emit({ type: 'story.published', storyId, locale: 'en', at: new Date().toISOString() });
  /** Registers through the admin form, as an owner would; returns the webhook's id and secret. */
  const register = async (url: string) => {
    await owner.get('/admin/webhooks');
    const response = await owner.post('/admin/webhooks', { url, events: 'story.published', active: 'on' });
    expect(response.status).toBe(200);
    const secret = /<code class="secret">(whsec_[^<]+)<\/code>/.exec(owner.lastHtml)?.[1] ?? '';
    const row = await t.database.db
      .selectFrom('webhooks')
      .select('id')
      .where('url', '=', url)
      .executeTakeFirstOrThrow();
    return { id: row.id, secret };
  };
  /** The cells of a delivery-log row the owner reads: the last answer and the time taken. */
  const logCells = (html: string) =>
    [...html.matchAll(/<td class="delivery-error">([\s\S]*?)<\/td>\s*<td>([\s\S]*?)<\/td>/g)].map((m) => [
      m[1]?.trim(),
      m[2]?.trim(),
    ]);

  describe('Webhook targets are not guarded', () => {
    it.each(REFUSED_TARGETS)('refuses to register %s, with the reason in the form', async (url) => {
      await owner.get('/admin/webhooks');
      const response = await owner.post('/admin/webhooks', { url, events: 'story.published', active: 'on' });
      expect(response.status).toBe(422);
      expect(owner.lastHtml).toContain('Webhooks are sent to public addresses only');
      expect(await t.database.db.selectFrom('webhooks').selectAll().execute()).toEqual([]);
      // The same rule holds for every caller of the webhooks feature, not only this form.
      await expect(
        createWebhook(t.database.db, { url, events: ['story.published'] }, new Date()),
      ).rejects.toMatchObject({ kind: 'invalid', details: { field: 'url', reason: 'address-not-allowed' } });
    });

    it('refuses to move an existing webhook to the loopback', async () => {
      const { id } = await register('https://hooks.example.test/in');
      await owner.get(`/admin/webhooks/${id}`);
      const response = await owner.post(`/admin/webhooks/${id}`, {
        url: 'http://127.0.0.1:6379/',
        events: 'story.published',
        active: 'on',
      });
      expect(response.status).toBe(422);
      expect(owner.lastHtml).toContain('Webhooks are sent to public addresses only');
      const row = await t.database.db
        .selectFrom('webhooks')
        .select('url')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.url).toBe('https://hooks.example.test/in');
    });

    it('a name that resolves to the loopback is refused at delivery, failed at once, never retried', async () => {
      const trap = await listen();
      try {
        const { id } = await register(`http://trap.example.test:${trap.port}/hook`);
        await publish();
        expect(await deliverDueWebhooks(worker())).toBe(1);
        const [delivery] = await listDeliveries(t.database.db, id, 5);
        expect(delivery).toMatchObject({
          status: 'failed',
          attempts: 1,
          lastStatus: null,
          failure: 'address-not-allowed',
          durationMs: null,
        });
        expect(await deliverDueWebhooks(worker())).toBe(0);
        expect(trap.received).toEqual([]);
        await owner.get(`/admin/webhooks/${id}`);
        expect(logCells(owner.lastHtml)).toEqual([['Address not allowed (private or local network)', '—']]);
      } finally {
        await trap.close();
      }
    });

    it('"retry now" tells nothing about a refused target: an open and a closed port read the same', async () => {
      const trap = await listen();
      const closed = await closedPort();
      try {
        const open = await register(`http://open.example.test:${trap.port}/`);
        const shut = await register(`http://shut.example.test:${closed}/`);
        await publish();
        expect(await deliverDueWebhooks(worker())).toBe(2);
        const pages: string[] = [];
        for (const webhook of [open, shut]) {
          const [delivery] = await listDeliveries(t.database.db, webhook.id, 1);
          await owner.get(`/admin/webhooks/${webhook.id}`);
          const retry = await owner.post(
            `/admin/webhooks/${webhook.id}/deliveries/${delivery?.id}/retry`,
            {},
          );
          expect(retry.headers.get('location')).toBe(`/admin/webhooks/${webhook.id}?retry=retryQueued`);
        }
        expect(await deliverDueWebhooks(worker())).toBe(2);
        for (const webhook of [open, shut]) {
          expect((await listDeliveries(t.database.db, webhook.id, 1))[0]).toMatchObject({
            status: 'failed',
            attempts: 2,
            lastStatus: null,
            failure: 'address-not-allowed',
            durationMs: null,
          });
          await owner.get(`/admin/webhooks/${webhook.id}`);
          pages.push(JSON.stringify(logCells(owner.lastHtml)));
        }
        expect(pages[0]).toBe(pages[1]);
        expect(trap.received).toEqual([]);
      } finally {
        await trap.close();
      }
    });

    it('a redirect from an allowed receiver to the loopback is not followed; each hop is looked up again', async () => {
      const trap = await listen();
      const receiver = await listen((request, res) => {
        if (request.path === '/to-ip')
          res.writeHead(307, { location: `http://127.0.0.1:${trap.port}/` }).end();
        else if (request.path === '/to-name')
          res.writeHead(302, { location: `http://trap.example.test:${trap.port}/` }).end();
        else if (request.path === '/moved') res.writeHead(308, { location: '/here' }).end();
        else res.writeHead(204).end();
      });
      const base = `http://receiver.example.test:${receiver.port}`;
      let lookups = 0;
      const counting: Resolve = async (hostname) => {
        lookups += 1;
        return resolveToLoopback(hostname);
      };
      try {
        const toIp = await register(`${base}/to-ip`);
        const toName = await register(`${base}/to-name`);
        await publish();
        expect(await deliverDueWebhooks(worker({ resolve: counting }))).toBe(2);
        for (const { id } of [toIp, toName]) {
          expect((await listDeliveries(t.database.db, id, 1))[0]).toMatchObject({
            status: 'pending',
            failure: 'redirect-elsewhere',
          });
        }
        expect(trap.received).toEqual([]);

        await t.database.db.deleteFrom('webhooks').execute();
        const moved = await register(`${base}/moved`);
        await publish();
        lookups = 0;
        expect(await deliverDueWebhooks(worker({ resolve: counting }))).toBe(1);
        expect((await listDeliveries(t.database.db, moved.id, 1))[0]?.status).toBe('delivered');
        expect(receiver.received.slice(-2).map((r) => r.path)).toEqual(['/moved', '/here']);
        expect(lookups).toBe(2);
      } finally {
        await trap.close();
        await receiver.close();
      }
    });

    it('the delivery log shows the status and time taken, and nothing of the answer', async () => {
      const banner = 'redis_version:7.2.4 SECRET-INTERNAL-BANNER';
      const receiver = await listen((_, res) =>
        res.writeHead(500, { 'content-type': 'text/plain' }).end(banner),
      );
      try {
        const { id } = await register(`http://receiver.example.test:${receiver.port}/`);
        await publish();
        expect(await deliverDueWebhooks(worker())).toBe(1);
        const row = await t.database.db
          .selectFrom('webhook_deliveries')
          .selectAll()
          .where('webhook_id', '=', id)
          .executeTakeFirstOrThrow();
        expect(row).toMatchObject({ last_status: 500, last_error: 'http-status' });
        expect(JSON.stringify(row)).not.toContain('SECRET');
        // A row a previous version wrote, with the answer's words in it, is shown as its class only.
        await t.database.db
          .insertInto('webhook_deliveries')
          .values({
            webhook_id: id,
            event: 'story.published',
            payload: '{}',
            status: 'failed',
            attempts: 7,
            next_attempt_at: new Date().toISOString(),
            locked_until: null,
            last_status: null,
            last_error: `ECONNRESET: ${banner}`,
            created_at: new Date().toISOString(),
            delivered_at: null,
          })
          .execute();
        await owner.get(`/admin/webhooks/${id}`);
        expect(owner.lastHtml).not.toContain('SECRET');
        const cells = logCells(owner.lastHtml);
        expect(cells[0]).toEqual(['Network error', '—']);
        expect(cells[1]?.[0]).toBe('HTTP 500');
        expect(cells[1]?.[1]).toMatch(/^\d+ ms$/);
      } finally {
        await receiver.close();
      }
    });
  });

  describe('Webhook signatures follow Standard Webhooks', () => {
    it('a real delivery verifies with the standardwebhooks package, with one id across retries', async () => {
      let answers = 0;
      const receiver = await listen((_, res) => {
        answers += 1;
        res.writeHead(answers === 1 ? 503 : 204).end();
      });
      try {
        const { id, secret } = await register(`http://receiver.example.test:${receiver.port}/in`);
        expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
        await publish();
        expect(await deliverDueWebhooks(worker())).toBe(1);
        const [first] = await listDeliveries(t.database.db, id, 1);
        await owner.get(`/admin/webhooks/${id}`);
        await owner.post(`/admin/webhooks/${id}/deliveries/${first?.id}/retry`, {});
        expect(await deliverDueWebhooks(worker())).toBe(1);
        expect((await listDeliveries(t.database.db, id, 1))[0]?.status).toBe('delivered');

        expect(receiver.received).toHaveLength(2);
        const check = new Webhook(secret);
        for (const request of receiver.received) {
          const headers = request.headers as Record<string, string>;
          expect(headers['webhook-id']).toBe(String(first?.id));
          expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
          expect(check.verify(request.body, headers)).toMatchObject({ event: 'story.published', storyId });
          expect(headers['x-velocity-event']).toBe('story.published');
        }
        // The id is signed: a replay under another id, or with another time or body, fails.
        const [request] = receiver.received;
        const headers = request?.headers as Record<string, string>;
        const body = request?.body ?? '';
        expect(() => check.verify(body, { ...headers, 'webhook-id': '999999' })).toThrow(
          WebhookVerificationError,
        );
        expect(() =>
          check.verify(body, {
            ...headers,
            'webhook-timestamp': String(Number(headers['webhook-timestamp']) - 1),
          }),
        ).toThrow(WebhookVerificationError);
        expect(() => check.verify(`${body} `, headers)).toThrow(WebhookVerificationError);
      } finally {
        await receiver.close();
      }
    });
  });
});
