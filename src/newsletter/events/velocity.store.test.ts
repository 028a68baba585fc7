import fs from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import {
  createWebhookTestKit,
  eventRows,
  resetNewsletterTables,
  seedDelivery,
  seedSubscriber,
  subscriberRow,
  velocityHeader,
  WEBHOOK_TEST_UNIX,
  type WebhookTestKit,
} from '../../../test/support/newsletter-webhooks.js';
import { MAX_WEBHOOK_BODY_BYTES } from './routes.js';

const batch = fs.readFileSync(
  new URL('../../../test/fixtures/newsletter-events/velocity-batch.json', import.meta.url),
  'utf8',
);

function event(overrides: Record<string, unknown> = {}) {
  return {
    id: 'evt-1',
    kind: 'soft_bounce',
    email: 'full.mailbox@example.net',
    detail: '452 4.2.2 Mailbox full',
    occurredAt: '2026-12-01T09:58:00Z',
    ...overrides,
  };
}

describe.each(DIALECTS)('our own bounce webhook on %s', (dialect) => {
  let kit: WebhookTestKit;
  const send = (body: string, header = velocityHeader(body)) =>
    kit.post('velocity', body, { 'x-velocity-signature': header });

  beforeAll(async () => {
    kit = await createWebhookTestKit(dialect);
  });
  afterAll(() => kit.destroy());
  beforeEach(() => resetNewsletterTables(kit.db));

  it('suppresses on a hard bounce and a complaint, counts a soft bounce, ignores a delivery', async () => {
    const gone = await seedSubscriber(kit.db, 'gone.reader@example.org');
    const full = await seedSubscriber(kit.db, 'full.mailbox@example.net');
    const annoyed = await seedSubscriber(kit.db, 'annoyed@example.com');
    const sent = await seedDelivery(kit.db, gone, '<digest-41.reader-7@news.example.test>');
    const fullSent = await seedDelivery(kit.db, full, '<digest-41.reader-8@news.example.test>');

    const response = await send(batch);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 4, ignored: 1, recorded: 3, duplicates: 0 });

    const rows = await eventRows(kit.db);
    expect(rows.map((r) => [r.provider, r.kind, r.email, r.action])).toEqual([
      ['velocity', 'hard_bounce', 'gone.reader@example.org', 'suppressed'],
      ['velocity', 'soft_bounce', 'full.mailbox@example.net', 'counted'],
      ['velocity', 'complaint', 'annoyed@example.com', 'suppressed'],
    ]);
    expect(rows[0]).toMatchObject({
      subscriber_id: gone,
      delivery_id: sent,
      provider_event_id: 'relay-7f3a-0001',
    });
    // Sent without angle brackets, still linked, and stored as the deliveries table spells it.
    expect(rows[1]).toMatchObject({
      delivery_id: fullSent,
      message_id: '<digest-41.reader-8@news.example.test>',
    });
    expect(rows[1]?.occurred_at).toBe('2026-12-01T08:58:40.000Z');
    // No id given: one derived from the content.
    expect(rows[2]?.provider_event_id).toMatch(/^sha256:[0-9a-f]{64}$/);

    expect(await subscriberRow(kit.db, gone)).toMatchObject({
      state: 'suppressed',
      suppression_reason: 'hard_bounce',
    });
    expect(await subscriberRow(kit.db, annoyed)).toMatchObject({
      state: 'suppressed',
      suppression_reason: 'complaint',
    });
    expect(await subscriberRow(kit.db, full)).toMatchObject({ state: 'active', soft_bounces: 1 });
  });

  it('records a retried webhook once and acts on it once, with or without an event id', async () => {
    const full = await seedSubscriber(kit.db, 'full.mailbox@example.net');
    const body = JSON.stringify({ events: [event(), event({ id: undefined, detail: 'no id' })] });
    expect((await send(body)).status).toBe(200);
    const retry = await send(body);
    expect(await retry.json()).toEqual({ received: 2, ignored: 0, recorded: 0, duplicates: 2 });
    expect((await eventRows(kit.db)).map((r) => r.action)).toEqual(['counted', 'counted']);
    expect((await subscriberRow(kit.db, full)).soft_bounces).toBe(2);
  });

  it('acts once when the same event arrives twice at the same moment', async () => {
    const full = await seedSubscriber(kit.db, 'full.mailbox@example.net');
    const body = JSON.stringify(event({ id: 'concurrent' }));
    const responses = await Promise.all([send(body), send(body), send(body)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await eventRows(kit.db)).toHaveLength(1);
    expect((await subscriberRow(kit.db, full)).soft_bounces).toBe(1);
  });

  it('suppresses at the soft-bounce limit, and marks pending deliveries suppressed', async () => {
    const full = await seedSubscriber(kit.db, 'full.mailbox@example.net');
    const pending = await seedDelivery(kit.db, full, '<digest-42.reader-8@news.example.test>', 'pending');
    const sent = await seedDelivery(kit.db, full, '<digest-41.reader-8@news.example.test>', 'sent');
    for (const id of ['s1', 's2', 's3', 's4']) {
      const body = JSON.stringify(event({ id }));
      expect((await send(body)).status).toBe(200);
    }
    expect((await eventRows(kit.db)).map((r) => r.action)).toEqual([
      'counted',
      'counted',
      'suppressed',
      'already_suppressed',
    ]);
    expect(await subscriberRow(kit.db, full)).toMatchObject({
      state: 'suppressed',
      suppression_reason: 'soft_bounces',
      suppressed_at: '2026-12-01T10:00:00.000Z',
    });
    const states = await kit.db
      .selectFrom('newsletter_deliveries')
      .select(['id', 'state'])
      .orderBy('id')
      .execute();
    expect(states).toEqual([
      { id: pending, state: 'suppressed' },
      { id: sent, state: 'sent' },
    ]);
  });

  it('records an event for an address we do not know as unknown_address', async () => {
    const response = await send(
      JSON.stringify(event({ kind: 'hard_bounce', email: 'stranger@example.org' })),
    );
    expect(response.status).toBe(200);
    expect(await eventRows(kit.db)).toMatchObject([
      { email: 'stranger@example.org', subscriber_id: null, action: 'unknown_address' },
    ]);
  });

  it.each([
    ['no signature header', () => undefined],
    ['a forged signature', () => `t=${WEBHOOK_TEST_UNIX},v1=${'0'.repeat(64)}`],
    [
      'a signature by another secret',
      (body: string) => velocityHeader(body, WEBHOOK_TEST_UNIX, 'another-secret-0123456789'),
    ],
    ['a stale timestamp', (body: string) => velocityHeader(body, WEBHOOK_TEST_UNIX - 301)],
    ['a timestamp from the future', (body: string) => velocityHeader(body, WEBHOOK_TEST_UNIX + 301)],
    ['no timestamp', (body: string) => `v1=${velocityHeader(body).split('v1=')[1]}`],
    [
      'a timestamp other than the one signed',
      (body: string) =>
        velocityHeader(body, WEBHOOK_TEST_UNIX - 10).replace(
          `t=${WEBHOOK_TEST_UNIX - 10}`,
          `t=${WEBHOOK_TEST_UNIX}`,
        ),
    ],
    ['a signature of another body', () => velocityHeader('{"events":[]}')],
    ['a signature that is not hex', () => `t=${WEBHOOK_TEST_UNIX},v1=not-hex`],
  ])('answers 401 to %s and records nothing', async (_, header) => {
    await seedSubscriber(kit.db, 'full.mailbox@example.net');
    const body = JSON.stringify(event());
    const signature = header(body);
    const response = await kit.post('velocity', body, signature ? { 'x-velocity-signature': signature } : {});
    expect(response.status).toBe(401);
    const problem = (await response.json()) as { detail: string };
    expect(problem.detail).toBe('The request could not be authenticated.');
    expect(await eventRows(kit.db)).toEqual([]);
  });

  it('accepts a signature within the window, and one of several v1 values', async () => {
    await seedSubscriber(kit.db, 'full.mailbox@example.net');
    const body = JSON.stringify(event());
    const good = velocityHeader(body, WEBHOOK_TEST_UNIX - 299);
    const rotating = `${good.split(',')[0]},v1=${'f'.repeat(64)},${good.split(',')[1]}`;
    expect((await send(body, rotating)).status).toBe(200);
    expect(await eventRows(kit.db)).toHaveLength(1);
  });

  it.each([
    ['malformed JSON', '{"events": [', /not valid JSON/],
    ['an empty body', '', /empty/],
    ['a JSON array', '[]', /not a Code Velocity bounce event/],
    ['a missing email', JSON.stringify(event({ email: undefined })), /email/],
    ['a date without a zone', JSON.stringify(event({ occurredAt: '2026-12-01 09:58' })), /occurredAt/],
    [
      'an address with CRLF and a second header',
      JSON.stringify(event({ email: 'a@example.org\r\nBcc: x@evil.test' })),
      /email/,
    ],
    ['two addresses in one', JSON.stringify(event({ email: 'a@example.org, b@example.org' })), /email/],
    [
      'a batch whose last event is wrong',
      JSON.stringify({
        events: [event({ id: 'ok-1' }), event({ id: 'ok-2' }), event({ id: 'bad', kind: 7 })],
      }),
      /events\.2\.kind/,
    ],
  ])('answers 400 to %s and applies nothing', async (_, body, message) => {
    const full = await seedSubscriber(kit.db, 'full.mailbox@example.net');
    const response = await send(body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toMatch(message);
    expect(await eventRows(kit.db)).toEqual([]);
    expect((await subscriberRow(kit.db, full)).soft_bounces).toBe(0);
  });

  it('answers 413 to a body over 1 MiB, by its Content-Length or by what is read', async () => {
    await seedSubscriber(kit.db, 'full.mailbox@example.net');
    const huge = JSON.stringify(event({ detail: 'x'.repeat(MAX_WEBHOOK_BODY_BYTES) }));
    expect((await send(huge)).status).toBe(413);
    const small = JSON.stringify(event());
    const declared = await kit.post('velocity', small, {
      'x-velocity-signature': velocityHeader(small),
      'content-length': String(MAX_WEBHOOK_BODY_BYTES + 1),
    });
    expect(declared.status).toBe(413);
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sentChunks = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sentChunks += 1;
        if (sentChunks > 20) controller.close();
        else controller.enqueue(chunk);
      },
    });
    expect((await kit.post('velocity', stream, { 'x-velocity-signature': velocityHeader('') })).status).toBe(
      413,
    );
    expect(await eventRows(kit.db)).toEqual([]);
  });

  it('answers 404 when no secret is configured', async () => {
    const off = await createWebhookTestKit(dialect, { NEWSLETTER_WEBHOOK_SECRET: '' });
    try {
      const body = JSON.stringify(event());
      const response = await off.post('velocity', body, { 'x-velocity-signature': velocityHeader(body) });
      expect(response.status).toBe(404);
      expect(await eventRows(off.db)).toEqual([]);
    } finally {
      await off.destroy();
    }
  });
});
