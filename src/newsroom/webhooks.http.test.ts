import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../../test/support/admin-client.js';
import { apiRequest, staffToken } from '../../test/support/api-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { addUser } from '../accounts/index.js';
import { createLogger } from '../platform/logger.js';
import { deliverDueWebhooks, verifySignature } from '../webhooks/index.js';

const PASSWORD = 'correct horse battery';

describe.each(DIALECTS)('the webhooks pages on %s', (dialect) => {
  let t: TestApp;
  let owner: AdminClient;
  let server: http.Server;
  let receiverUrl = '';
  let secret = '';
  let failuresLeft = 1;
  const received: { event: string; body: string; valid: boolean }[] = [];

  beforeAll(async () => {
    t = await createTestApp(
      dialect,
      { seed: 'stories', stories: [buildStory('one', { locales: ['zh'] })] },
      undefined,
      { env: { WEBHOOK_ALLOW_HOSTS: '127.0.0.1' } },
    );
    await addUser(t.database.db, { email: 'owner@example.test', role: 'owner' }, PASSWORD, new Date());
    await addUser(t.database.db, { email: 'editor@example.test', role: 'editor' }, PASSWORD, new Date());
    owner = new AdminClient(t);
    await owner.signIn('owner@example.test', PASSWORD);
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({
          event: String(req.headers['x-velocity-event']),
          body,
          valid: verifySignature({
            secret,
            headers: req.headers,
            body,
            now: new Date('2026-11-28T09:00:00Z'),
          }),
        });
        const fail = failuresLeft > 0;
        if (fail) failuresLeft -= 1;
        res.writeHead(fail ? 502 : 200).end(fail ? 'bad gateway' : 'ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await t.destroy();
  });

  const webhookId = async () =>
    (await t.database.db.selectFrom('webhooks').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow())
      .id;

  it('is for owners only', async () => {
    const editor = new AdminClient(t);
    await editor.signIn('editor@example.test', PASSWORD);
    expect((await editor.get('/admin/webhooks')).status).toBe(403);
    expect(
      (await editor.post('/admin/webhooks', { url: receiverUrl, events: 'story.published' })).status,
    ).toBe(403);
  });

  it('refuses an address that is not http(s), and no events, with 422 and messages', async () => {
    await owner.get('/admin/webhooks');
    const ftp = await owner.post('/admin/webhooks', {
      url: 'ftp://example.test/',
      events: 'story.published',
      active: 'on',
    });
    expect(ftp.status).toBe(422);
    expect(owner.lastHtml).toContain('Enter an http:// or https:// address');
    const none = await owner.post('/admin/webhooks', { url: receiverUrl, active: 'on' });
    expect(none.status).toBe(422);
    expect(owner.lastHtml).toContain('Choose at least one event.');
    expect(await t.database.db.selectFrom('webhooks').selectAll().execute()).toEqual([]);
  });

  it('registers a webhook and shows its generated secret once', async () => {
    const response = await owner.post('/admin/webhooks', {
      url: receiverUrl,
      events: ['story.published', 'story.unpublished'],
      active: 'on',
    });
    expect(response.status).toBe(200);
    secret = /<code class="secret">(whsec_[A-Za-z0-9+/]+)<\/code>/.exec(owner.lastHtml)?.[1] ?? '';
    expect(secret).not.toBe('');
    await owner.get('/admin/webhooks');
    expect(owner.lastHtml).toContain(receiverUrl);
    expect(owner.lastHtml).toContain('story.published, story.unpublished');
    expect(owner.lastHtml).not.toContain(secret);
    await owner.get(`/admin/webhooks/${await webhookId()}`);
    expect(owner.lastHtml).not.toContain(secret);
    expect(owner.lastHtml).toContain('Nothing delivered yet.');
  });

  it('delivers a signed event, logs the failed attempt, and "retry now" sends it again', async () => {
    const editor = await staffToken(t, 'editor');
    const storyId = (await t.database.db.selectFrom('stories').select('id').executeTakeFirstOrThrow()).id;
    // Unpublish through the Admin API: the event reaches the webhook's queue.
    const response = await apiRequest(t, `/admin/v1/stories/${storyId}/variants/zh/unpublish`, {
      token: editor.token,
      method: 'POST',
    });
    expect(response.status).toBe(200);
    const worker = {
      db: t.database.db,
      log: createLogger('silent'),
      now: t.newsroom.deps.now,
      allowHosts: ['127.0.0.1'],
      intervalMs: 1000,
    };
    expect(await deliverDueWebhooks(worker)).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ event: 'story.unpublished', valid: true });
    expect(JSON.parse(received[0]?.body ?? '')).toMatchObject({
      event: 'story.unpublished',
      storyId,
      locale: 'zh',
    });

    const id = await webhookId();
    await owner.get(`/admin/webhooks/${id}`);
    expect(owner.lastHtml).toContain('Pending');
    expect(owner.lastHtml).toContain('HTTP 502');
    expect(owner.lastHtml).not.toContain('bad gateway');
    const deliveryId = /deliveries\/(\d+)\/retry/.exec(owner.lastHtml)?.[1];
    expect(deliveryId).toBeDefined();
    // The worker would wait 30 s; the owner does not.
    expect(await deliverDueWebhooks(worker)).toBe(0);
    const retry = await owner.post(`/admin/webhooks/${id}/deliveries/${deliveryId}/retry`, {});
    expect(retry.status).toBe(303);
    expect(retry.headers.get('location')).toBe(`/admin/webhooks/${id}?retry=retryQueued`);
    expect(await deliverDueWebhooks(worker)).toBe(1);
    expect(received).toHaveLength(2);
    expect(received[1]?.valid).toBe(true);
    await owner.get(`/admin/webhooks/${id}?retry=retryQueued`);
    expect(owner.lastHtml).toContain('will be sent again');
    expect(owner.lastHtml).toContain('Delivered');
    expect(owner.lastHtml).not.toContain(`deliveries/${deliveryId}/retry`);
    const again = await owner.post(`/admin/webhooks/${id}/deliveries/${deliveryId}/retry`, {});
    expect(again.headers.get('location')).toBe(`/admin/webhooks/${id}?retry=retryRefused`);
  });

  it('changes events and pauses the webhook; a paused webhook gets nothing queued', async () => {
    const id = await webhookId();
    await owner.get(`/admin/webhooks/${id}`);
    const saved = await owner.post(`/admin/webhooks/${id}`, { url: receiverUrl, events: 'story.published' });
    expect(saved.status).toBe(303);
    const row = await t.database.db
      .selectFrom('webhooks')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.events)).toEqual(['story.published']);
    expect(row.active).toBe(0);
    await owner.get('/admin/webhooks');
    expect(owner.lastHtml).toContain('Paused');
  });

  it('replaces the secret, showing the new one once', async () => {
    const id = await webhookId();
    await owner.get(`/admin/webhooks/${id}`);
    const response = await owner.post(`/admin/webhooks/${id}/secret`, {});
    expect(response.status).toBe(200);
    const replaced = /<code class="secret">(whsec_[A-Za-z0-9+/]+)<\/code>/.exec(owner.lastHtml)?.[1];
    expect(replaced).toBeDefined();
    expect(replaced).not.toBe(secret);
    const row = await t.database.db
      .selectFrom('webhooks')
      .select('secret')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.secret).toBe(replaced);
  });

  it('deletes a webhook with its log, and audits the changes', async () => {
    const id = await webhookId();
    await owner.get(`/admin/webhooks/${id}`);
    const response = await owner.post(`/admin/webhooks/${id}/delete`, {});
    expect(response.status).toBe(303);
    expect(await t.database.db.selectFrom('webhooks').selectAll().execute()).toEqual([]);
    expect(await t.database.db.selectFrom('webhook_deliveries').selectAll().execute()).toEqual([]);
    expect((await owner.get(`/admin/webhooks/${id}`)).status).toBe(404);
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_kind', '=', 'webhook')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'webhook.save',
      'webhook.save',
      'webhook.save',
      'webhook.delete',
    ]);
  });
});
