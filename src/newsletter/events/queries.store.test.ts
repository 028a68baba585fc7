import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { seedSubscriber } from '../../../test/support/newsletter-webhooks.js';
import { applyWebhookEvents } from './apply.js';
import type { WebhookEvent } from './event.js';
import { countNewsletterEvents, listNewsletterEvents } from './queries.js';

function event(overrides: Partial<WebhookEvent>): WebhookEvent {
  return {
    provider: 'velocity',
    providerEventId: 'e',
    kind: 'hard_bounce',
    email: 'reader@example.org',
    detail: '',
    occurredAt: '2026-12-01T09:00:00.000Z',
    ...overrides,
  };
}

describe.each(DIALECTS)('the admin read of bounce and complaint events on %s', (dialect) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedSubscriber(database.db, 'reader@example.org');
    await seedSubscriber(database.db, 'other_reader@example.org');
    const receive = (events: WebhookEvent[], receivedAt: string) =>
      applyWebhookEvents(database.db, events, { softBounceLimit: 3, receivedAt });
    await receive(
      [
        event({ providerEventId: 'a', kind: 'soft_bounce' }),
        event({ providerEventId: 'b', kind: 'soft_bounce', provider: 'mailgun' }),
      ],
      '2026-12-01T10:00:00.000Z',
    );
    await receive(
      [
        event({
          providerEventId: 'c',
          kind: 'complaint',
          email: 'Other_Reader@Example.org',
          provider: 'sendgrid',
        }),
      ],
      '2026-12-01T11:00:00.000Z',
    );
    await receive(
      [event({ providerEventId: 'd', email: 'nobody@example.net', provider: 'postmark' })],
      '2026-12-01T12:00:00.000Z',
    );
  });
  afterAll(() => database.destroy());

  it('lists newest first, the later of one instant first, with what was done', async () => {
    const rows = await listNewsletterEvents(database.db, { limit: 10, offset: 0 });
    expect(rows.map((r) => [r.providerEventId, r.email, r.kind, r.action])).toEqual([
      ['d', 'nobody@example.net', 'hard_bounce', 'unknown_address'],
      ['c', 'other_reader@example.org', 'complaint', 'suppressed'],
      ['b', 'reader@example.org', 'soft_bounce', 'counted'],
      ['a', 'reader@example.org', 'soft_bounce', 'counted'],
    ]);
    expect(rows[0]).toMatchObject({
      provider: 'postmark',
      subscriberId: null,
      receivedAt: '2026-12-01T12:00:00.000Z',
    });
  });

  it('pages with limit and offset', async () => {
    const page = await listNewsletterEvents(database.db, { limit: 2, offset: 1 });
    expect(page.map((r) => r.providerEventId)).toEqual(['c', 'b']);
  });

  it.each([
    [{ kind: 'soft_bounce' as const }, ['b', 'a']],
    [{ provider: 'sendgrid' }, ['c']],
    [{ email: 'READER@' }, ['c', 'b', 'a']],
    // `_` is a literal underscore, not LIKE's any-character.
    [{ email: 'r_r' }, ['c']],
    [{ email: 'other_reader', kind: 'soft_bounce' as const }, []],
  ])('filters by %o', async (filter, ids) => {
    const rows = await listNewsletterEvents(database.db, { ...filter, limit: 10, offset: 0 });
    expect(rows.map((r) => r.providerEventId)).toEqual(ids);
    expect(await countNewsletterEvents(database.db, filter)).toBe(ids.length);
  });
});
