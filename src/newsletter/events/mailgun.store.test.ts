import fs from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import {
  createWebhookTestKit,
  eventRows,
  mailgunSignature,
  resetNewsletterTables,
  seedDelivery,
  seedSubscriber,
  subscriberRow,
  WEBHOOK_TEST_UNIX,
  type WebhookTestKit,
} from '../../../test/support/newsletter-webhooks.js';

type Payload = { signature: unknown; 'event-data': Record<string, unknown> };

function fixture(name: string): Payload {
  return JSON.parse(
    fs.readFileSync(
      new URL(`../../../test/fixtures/newsletter-events/${name}.json`, import.meta.url),
      'utf8',
    ),
  ) as Payload;
}

/** The fixture as Mailgun would post it now: a fresh signature over a fresh token. */
function signed(payload: Payload, signature = mailgunSignature()): string {
  return JSON.stringify({ ...payload, signature });
}

describe.each(DIALECTS)('the Mailgun webhook on %s', (dialect) => {
  let kit: WebhookTestKit;

  beforeAll(async () => {
    kit = await createWebhookTestKit(dialect);
  });
  afterAll(() => kit.destroy());
  beforeEach(() => resetNewsletterTables(kit.db));

  it('suppresses on a permanent failure and links the delivery by its bracketless Message-ID', async () => {
    const gone = await seedSubscriber(kit.db, 'gone.reader@example.org');
    const delivery = await seedDelivery(kit.db, gone, '<digest-41.reader-7@news.example.test>');
    const response = await kit.post('mailgun', signed(fixture('mailgun-failed-permanent')));
    expect(response.status).toBe(200);
    expect(await eventRows(kit.db)).toMatchObject([
      {
        provider: 'mailgun',
        provider_event_id: 'G9Bn5sl1TC6nu79C8C0bwg@1796119080.917348',
        kind: 'hard_bounce',
        email: 'gone.reader@example.org',
        subscriber_id: gone,
        delivery_id: delivery,
        message_id: '<digest-41.reader-7@news.example.test>',
        detail: '550 5.1.1 The email account that you tried to reach does not exist. (bounce)',
        action: 'suppressed',
        occurred_at: '2026-12-01T09:58:00.917Z',
        received_at: '2026-12-01T10:00:00.000Z',
      },
    ]);
    expect(await subscriberRow(kit.db, gone)).toMatchObject({
      state: 'suppressed',
      suppression_reason: 'hard_bounce',
    });
  });

  it('counts a temporary failure as a soft bounce, and suppresses at the limit', async () => {
    const full = await seedSubscriber(kit.db, 'full.mailbox@example.net');
    const payload = fixture('mailgun-failed-temporary');
    for (const [n, id] of ['a', 'b', 'c'].entries()) {
      const retried = { ...payload, 'event-data': { ...payload['event-data'], id } };
      const response = await kit.post(
        'mailgun',
        signed(retried, mailgunSignature(WEBHOOK_TEST_UNIX, `token-${n}`)),
      );
      expect(response.status).toBe(200);
    }
    const rows = await eventRows(kit.db);
    expect(rows.map((r) => [r.kind, r.action])).toEqual([
      ['soft_bounce', 'counted'],
      ['soft_bounce', 'counted'],
      ['soft_bounce', 'suppressed'],
    ]);
    expect(await subscriberRow(kit.db, full)).toMatchObject({ state: 'suppressed', soft_bounces: 3 });
  });

  it('suppresses on a complaint', async () => {
    const annoyed = await seedSubscriber(kit.db, 'annoyed@example.com');
    expect((await kit.post('mailgun', signed(fixture('mailgun-complained')))).status).toBe(200);
    expect(await eventRows(kit.db)).toMatchObject([{ kind: 'complaint', action: 'suppressed', detail: '' }]);
    expect(await subscriberRow(kit.db, annoyed)).toMatchObject({ suppression_reason: 'complaint' });
  });

  it('acknowledges a delivered event and records nothing', async () => {
    await seedSubscriber(kit.db, 'happy@example.org');
    const response = await kit.post('mailgun', signed(fixture('mailgun-delivered')));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: 1, ignored: 1, recorded: 0 });
    expect(await eventRows(kit.db)).toEqual([]);
  });

  it('records a retry of the same event (newly signed) once', async () => {
    const gone = await seedSubscriber(kit.db, 'gone.reader@example.org');
    const payload = fixture('mailgun-failed-permanent');
    await kit.post('mailgun', signed(payload, mailgunSignature(WEBHOOK_TEST_UNIX - 60, 'first-token')));
    const retry = await kit.post(
      'mailgun',
      signed(payload, mailgunSignature(WEBHOOK_TEST_UNIX, 'second-token')),
    );
    expect(await retry.json()).toMatchObject({ recorded: 0, duplicates: 1 });
    expect(await eventRows(kit.db)).toHaveLength(1);
    expect((await subscriberRow(kit.db, gone)).state).toBe('suppressed');
  });

  it.each([
    ['no signature', undefined],
    ['a signature by another key', mailgunSignature(WEBHOOK_TEST_UNIX, 'a'.repeat(50), 'another-key')],
    ['a stale timestamp', mailgunSignature(WEBHOOK_TEST_UNIX - 301)],
    ['a signature of another token', { ...mailgunSignature(), token: 'b'.repeat(50) }],
    ['a signature object of the wrong shape', { timestamp: String(WEBHOOK_TEST_UNIX), token: 5 }],
  ])('answers 401 to %s and records nothing', async (_, signature) => {
    const gone = await seedSubscriber(kit.db, 'gone.reader@example.org');
    const { signature: _placeholder, ...unsigned } = fixture('mailgun-failed-permanent');
    const body = JSON.stringify(signature === undefined ? unsigned : { ...unsigned, signature });
    const response = await kit.post('mailgun', body);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toMatch(/token|timestamp|stale|mismatch/i);
    expect(await eventRows(kit.db)).toEqual([]);
    expect((await subscriberRow(kit.db, gone)).state).toBe('active');
  });

  it.each([
    ['malformed JSON', () => '{"signature":', 400],
    ['no event-data', () => JSON.stringify({ signature: mailgunSignature() }), 400],
    [
      'a failed event without a severity',
      () => {
        const payload = fixture('mailgun-failed-permanent');
        delete payload['event-data'].severity;
        return signed(payload);
      },
      400,
    ],
    [
      'a failed event without a recipient',
      () => {
        const payload = fixture('mailgun-failed-permanent');
        delete payload['event-data'].recipient;
        return signed(payload);
      },
      400,
    ],
  ])('answers %s with %s and records nothing', async (_, body, status) => {
    await seedSubscriber(kit.db, 'gone.reader@example.org');
    expect((await kit.post('mailgun', body())).status).toBe(status);
    expect(await eventRows(kit.db)).toEqual([]);
  });

  it('records an address with header junk escaped, acting on nobody', async () => {
    await seedSubscriber(kit.db, 'gone.reader@example.org');
    const payload = fixture('mailgun-failed-permanent');
    payload['event-data'].recipient = 'gone.reader@example.org\r\nBcc: victim@example.org';
    expect((await kit.post('mailgun', signed(payload))).status).toBe(200);
    const [row] = await eventRows(kit.db);
    expect(row).toMatchObject({
      email: 'gone.reader@example.org\\r\\nBcc: victim@example.org',
      subscriber_id: null,
      action: 'unknown_address',
    });
    expect(row?.email).not.toMatch(/[\r\n]/);
    expect((await kit.db.selectFrom('subscribers').select('state').execute()).map((s) => s.state)).toEqual([
      'active',
    ]);
  });

  it('answers 404 when no signing key is configured', async () => {
    const off = await createWebhookTestKit(dialect, { MAILGUN_WEBHOOK_SIGNING_KEY: '' });
    try {
      expect((await off.post('mailgun', signed(fixture('mailgun-failed-permanent')))).status).toBe(404);
    } finally {
      await off.destroy();
    }
  });
});
