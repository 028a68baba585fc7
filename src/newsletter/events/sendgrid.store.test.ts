import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import {
  createWebhookTestKit,
  eventRows,
  resetNewsletterTables,
  seedDelivery,
  seedSubscriber,
  sendgridHeaders,
  subscriberRow,
  WEBHOOK_TEST_UNIX,
  type WebhookTestKit,
} from '../../../test/support/newsletter-webhooks.js';
import { sendgridPublicKey } from './sendgrid.js';

const batch = fs.readFileSync(
  new URL('../../../test/fixtures/newsletter-events/sendgrid-batch.json', import.meta.url),
  'utf8',
);

describe('the SendGrid verification key', () => {
  it('is read from base64 DER, and anything but a P-256 key stops start-up', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
    expect(sendgridPublicKey(ec.export({ format: 'der', type: 'spki' }).toString('base64')).type).toBe(
      'public',
    );
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey;
    expect(() => sendgridPublicKey(p384.export({ format: 'der', type: 'spki' }).toString('base64'))).toThrow(
      /P-256/,
    );
    expect(() => sendgridPublicKey('bm90IGEga2V5')).toThrow();
  });
});

describe.each(DIALECTS)('the SendGrid webhook on %s', (dialect) => {
  let kit: WebhookTestKit;
  const send = (body: string, headers = sendgridHeaders(kit.sendgridPrivateKey, body)) =>
    kit.post('sendgrid', body, headers);

  beforeAll(async () => {
    kit = await createWebhookTestKit(dialect);
  });
  afterAll(() => kit.destroy());
  beforeEach(() => resetNewsletterTables(kit.db));

  it('reads bounces, blocks, deferrals, drops and spam reports from one batch', async () => {
    const happy = await seedSubscriber(kit.db, 'happy@example.org');
    const gone = await seedSubscriber(kit.db, 'gone.reader@example.org');
    const blocked = await seedSubscriber(kit.db, 'blocked@example.net');
    const full = await seedSubscriber(kit.db, 'full.mailbox@example.net');
    const old = await seedSubscriber(kit.db, 'old.bounce@example.org');
    const annoyed = await seedSubscriber(kit.db, 'annoyed@example.com');
    const goneDelivery = await seedDelivery(kit.db, gone, '<digest-41.reader-7@news.example.test>');

    const response = await send(batch);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 8, ignored: 3, recorded: 5, duplicates: 0 });

    const rows = await eventRows(kit.db);
    expect(rows.map((r) => [r.email, r.kind, r.action])).toEqual([
      ['gone.reader@example.org', 'hard_bounce', 'suppressed'],
      ['blocked@example.net', 'soft_bounce', 'counted'],
      ['full.mailbox@example.net', 'soft_bounce', 'counted'],
      ['old.bounce@example.org', 'hard_bounce', 'suppressed'],
      ['annoyed@example.com', 'complaint', 'suppressed'],
    ]);
    expect(rows[0]).toMatchObject({
      provider: 'sendgrid',
      provider_event_id: 'Ym91bmNlLTE3OTYxMTkwMjA',
      delivery_id: goneDelivery,
      detail: '5.1.1 550 5.1.1 The email account that you tried to reach does not exist.',
      occurred_at: '2026-12-01T09:57:00.000Z',
    });
    expect(rows[1]?.detail).toMatch(/DNSBL \(blocked\)$/);
    expect(rows[2]?.detail).toBe('452 4.2.2 Mailbox full (attempt 3)');
    // The dropped event has no sg_event_id; its id is derived from what it says.
    expect(rows[3]?.provider_event_id).toMatch(/^sha256:/);

    expect((await subscriberRow(kit.db, happy)).state).toBe('active');
    expect(await subscriberRow(kit.db, blocked)).toMatchObject({ state: 'active', soft_bounces: 1 });
    expect(await subscriberRow(kit.db, full)).toMatchObject({ state: 'active', soft_bounces: 1 });
    for (const id of [gone, old]) {
      expect(await subscriberRow(kit.db, id)).toMatchObject({
        state: 'suppressed',
        suppression_reason: 'hard_bounce',
      });
    }
    expect(await subscriberRow(kit.db, annoyed)).toMatchObject({ suppression_reason: 'complaint' });
  });

  it('records a batch sent twice once, including the event without an id', async () => {
    const full = await seedSubscriber(kit.db, 'full.mailbox@example.net');
    await seedSubscriber(kit.db, 'old.bounce@example.org');
    expect((await send(batch)).status).toBe(200);
    const retry = await send(batch, sendgridHeaders(kit.sendgridPrivateKey, batch, WEBHOOK_TEST_UNIX - 30));
    expect(await retry.json()).toMatchObject({ recorded: 0, duplicates: 5 });
    expect(await eventRows(kit.db)).toHaveLength(5);
    expect((await subscriberRow(kit.db, full)).soft_bounces).toBe(1);
  });

  it.each([
    ['no headers', () => ({})],
    [
      'no timestamp header',
      (body: string) => ({
        'x-twilio-email-event-webhook-signature': sendgridHeaders(kit.sendgridPrivateKey, body)[
          'x-twilio-email-event-webhook-signature'
        ] as string,
      }),
    ],
    [
      'a signature by another key',
      (body: string) =>
        sendgridHeaders(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey, body),
    ],
    ['a signature of another body', () => sendgridHeaders(kit.sendgridPrivateKey, '[]')],
    [
      'a signature with the timestamp changed',
      (body: string) => ({
        ...sendgridHeaders(kit.sendgridPrivateKey, body),
        'x-twilio-email-event-webhook-timestamp': String(WEBHOOK_TEST_UNIX + 1),
      }),
    ],
    [
      'a stale timestamp',
      (body: string) => sendgridHeaders(kit.sendgridPrivateKey, body, WEBHOOK_TEST_UNIX - 301),
    ],
    [
      'a signature that is not DER',
      () => ({
        'x-twilio-email-event-webhook-signature': 'AAAA',
        'x-twilio-email-event-webhook-timestamp': String(WEBHOOK_TEST_UNIX),
      }),
    ],
  ])('answers 401 to %s and records nothing', async (_, headers) => {
    const gone = await seedSubscriber(kit.db, 'gone.reader@example.org');
    const response = await send(batch, headers(batch));
    expect(response.status).toBe(401);
    expect(await eventRows(kit.db)).toEqual([]);
    expect((await subscriberRow(kit.db, gone)).state).toBe('active');
  });

  it.each([
    ['malformed JSON', '[{"event":'],
    ['an object instead of a batch', JSON.stringify({ event: 'bounce', email: 'gone.reader@example.org' })],
    ['a batch with one event missing its timestamp', batch.replace('"timestamp": 1796119060,', '')],
    [
      'a bounce without an email',
      JSON.stringify([{ event: 'bounce', timestamp: 1796119020, sg_event_id: 'x' }]),
    ],
  ])('answers 400 to %s and applies nothing', async (_, body) => {
    const gone = await seedSubscriber(kit.db, 'gone.reader@example.org');
    const response = await send(body);
    expect(response.status).toBe(400);
    expect(await eventRows(kit.db)).toEqual([]);
    expect((await subscriberRow(kit.db, gone)).state).toBe('active');
  });

  it('keeps an address with a line break escaped and a Message-ID with one unlinked', async () => {
    const body = JSON.stringify([
      {
        email: 'x@example.org\nSubject: hi',
        timestamp: 1796119020,
        'smtp-id': '<a@b>\r\nX-Injected: 1',
        event: 'bounce',
        type: 'bounce',
        reason: '550 unknown\r\nX-Injected: 1',
        status: '5.1.1',
        sg_event_id: 'crlf-1',
      },
    ]);
    expect((await send(body)).status).toBe(200);
    expect(await eventRows(kit.db)).toMatchObject([
      {
        email: 'x@example.org\\nSubject: hi',
        message_id: null,
        detail: '5.1.1 550 unknown X-Injected: 1',
        action: 'unknown_address',
      },
    ]);
  });

  it('answers 404 when no verification key is configured', async () => {
    const off = await createWebhookTestKit(dialect, { SENDGRID_WEBHOOK_PUBLIC_KEY: '' });
    try {
      expect((await off.post('sendgrid', batch, sendgridHeaders(off.sendgridPrivateKey, batch))).status).toBe(
        404,
      );
    } finally {
      await off.destroy();
    }
  });
});
