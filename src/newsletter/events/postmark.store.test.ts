import fs from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import {
  basicAuth,
  createWebhookTestKit,
  eventRows,
  POSTMARK_PASSWORD,
  resetNewsletterTables,
  seedDelivery,
  seedSubscriber,
  subscriberRow,
  type WebhookTestKit,
} from '../../../test/support/newsletter-webhooks.js';

function fixture(name: string): string {
  return fs.readFileSync(
    new URL(`../../../test/fixtures/newsletter-events/${name}.json`, import.meta.url),
    'utf8',
  );
}

describe.each(DIALECTS)('the Postmark webhook on %s', (dialect) => {
  let kit: WebhookTestKit;
  const send = (body: string, headers = basicAuth('postmark', POSTMARK_PASSWORD)) =>
    kit.post('postmark', body, headers);

  beforeAll(async () => {
    kit = await createWebhookTestKit(dialect);
  });
  afterAll(() => kit.destroy());
  beforeEach(() => resetNewsletterTables(kit.db));

  it('suppresses on a hard bounce, linking a delivery whose Message-ID Postmark kept', async () => {
    const gone = await seedSubscriber(kit.db, 'gone.reader@example.org');
    const delivery = await seedDelivery(kit.db, gone, '<digest-41.reader-7@news.example.test>');
    const response = await send(fixture('postmark-hard-bounce'));
    expect(response.status).toBe(200);
    expect(await eventRows(kit.db)).toMatchObject([
      {
        provider: 'postmark',
        provider_event_id: 'Bounce:3719297970',
        kind: 'hard_bounce',
        delivery_id: delivery,
        action: 'suppressed',
        occurred_at: '2026-12-01T09:58:10.273Z',
        detail:
          'HardBounce The server was unable to deliver your message (ex: unknown user, mailbox not found). smtp;550 5.1.1 The email account that you tried to reach does not exist.',
      },
    ]);
    expect(await subscriberRow(kit.db, gone)).toMatchObject({
      state: 'suppressed',
      suppression_reason: 'hard_bounce',
    });
  });

  it('counts a soft bounce and suppresses on a spam complaint', async () => {
    const full = await seedSubscriber(kit.db, 'full.mailbox@example.net');
    const annoyed = await seedSubscriber(kit.db, 'annoyed@example.com');
    expect((await send(fixture('postmark-soft-bounce'))).status).toBe(200);
    expect((await send(fixture('postmark-spam-complaint'))).status).toBe(200);
    expect((await eventRows(kit.db)).map((r) => [r.kind, r.action])).toEqual([
      ['soft_bounce', 'counted'],
      ['complaint', 'suppressed'],
    ]);
    expect(await subscriberRow(kit.db, full)).toMatchObject({ state: 'active', soft_bounces: 1 });
    expect(await subscriberRow(kit.db, annoyed)).toMatchObject({ suppression_reason: 'complaint' });
  });

  it('acknowledges deliveries and bounce types that say nothing about the address', async () => {
    await seedSubscriber(kit.db, 'gone.reader@example.org');
    const autoReply = fixture('postmark-hard-bounce').replace('"HardBounce"', '"AutoResponder"');
    for (const body of [fixture('postmark-delivery'), autoReply]) {
      const response = await send(body);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ignored: 1, recorded: 0 });
    }
    expect(await eventRows(kit.db)).toEqual([]);
  });

  it('records a re-sent record once', async () => {
    const gone = await seedSubscriber(kit.db, 'gone.reader@example.org');
    await send(fixture('postmark-hard-bounce'));
    const again = await send(fixture('postmark-hard-bounce'));
    expect(await again.json()).toMatchObject({ recorded: 0, duplicates: 1 });
    expect(await eventRows(kit.db)).toHaveLength(1);
    expect((await subscriberRow(kit.db, gone)).state).toBe('suppressed');
  });

  it('does not trust an id JSON cannot hold exactly', async () => {
    await seedSubscriber(kit.db, 'full.mailbox@example.net');
    const big = (id: string, details: string) =>
      fixture('postmark-soft-bounce').replace('3719297971', id).replace('Mailbox full', details);
    // Both ids round to the same double; they are still two events.
    expect((await send(big('9007199254740993', 'Mailbox full'))).status).toBe(200);
    expect((await send(big('9007199254740992', 'Quota exceeded'))).status).toBe(200);
    const rows = await eventRows(kit.db);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.provider_event_id?.startsWith('sha256:'))).toBe(true);
  });

  it.each([
    ['no credentials', {}],
    ['the wrong password', basicAuth('postmark', 'not-the-password')],
    ['the wrong user', basicAuth('mailgun', POSTMARK_PASSWORD)],
    ['the password with a suffix', basicAuth('postmark', `${POSTMARK_PASSWORD}x`)],
    ['a bearer token', { authorization: `Bearer ${POSTMARK_PASSWORD}` }],
    ['credentials without a colon', { authorization: `Basic ${Buffer.from('postmark').toString('base64')}` }],
  ])('answers 401 to %s and records nothing', async (_, headers) => {
    const gone = await seedSubscriber(kit.db, 'gone.reader@example.org');
    const response = await send(fixture('postmark-hard-bounce'), headers);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(await eventRows(kit.db)).toEqual([]);
    expect((await subscriberRow(kit.db, gone)).state).toBe('active');
  });

  it.each([
    ['malformed JSON', '{"RecordType": "Bounce",'],
    ['a record without a type', JSON.stringify({ Email: 'gone.reader@example.org' })],
    [
      'a bounce without an address',
      fixture('postmark-hard-bounce').replace('"Email": "gone.reader@example.org",', ''),
    ],
    [
      'a bounce with a date that is not one',
      fixture('postmark-hard-bounce').replace('2026-12-01T04:58', 'yesterday'),
    ],
  ])('answers 400 to %s and applies nothing', async (_, body) => {
    const gone = await seedSubscriber(kit.db, 'gone.reader@example.org');
    expect((await send(body)).status).toBe(400);
    expect(await eventRows(kit.db)).toEqual([]);
    expect((await subscriberRow(kit.db, gone)).state).toBe('active');
  });

  it('answers 404 when no password is configured', async () => {
    const off = await createWebhookTestKit(dialect, { POSTMARK_WEBHOOK_PASSWORD: '' });
    try {
      const response = await off.post(
        'postmark',
        fixture('postmark-hard-bounce'),
        basicAuth('postmark', 'x'),
      );
      expect(response.status).toBe(404);
    } finally {
      await off.destroy();
    }
  });
});
