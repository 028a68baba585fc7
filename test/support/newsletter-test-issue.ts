import type { Kysely } from 'kysely';
import type { Newsletter } from '../../src/newsletter/index.js';
import type { Database } from '../../src/platform/database/index.js';

// A test fixture of the newsletter admin's page checks (vnu, axe, screenshots), not shipped code's
// concern: a weekly digest planned over the content already stored, for a few subscribers, with
// deliveries in every state and a bounce, so each table of the pages has rows to show.

const AT = '2026-11-19T00:30:00.000Z';

export async function plantNewsletterIssue(app: {
  database: { db: Kysely<Database> };
  newsletter: Newsletter;
}): Promise<number> {
  const { db } = app.database;
  const confirmed = '2026-11-01T00:00:00.000Z';
  const subscribers = await db
    .insertInto('subscribers')
    .values(
      ['ana', 'bo', 'chen', 'dana', 'eli'].map((name) => ({
        email: `${name}@example.org`,
        locale: 'zh',
        frequency: 'weekly' as const,
        state: 'active' as const,
        consent_requested_at: confirmed,
        confirmed_at: confirmed,
        created_at: confirmed,
        updated_at: confirmed,
      })),
    )
    .returning('id')
    .execute();
  const planned = await app.newsletter.admin.planRun({
    frequency: 'weekly',
    locale: 'zh',
    slot: '2026-W47',
    kind: 'scheduled',
    dueAt: new Date('2026-11-19T00:00:00Z'),
  });
  const issueId = planned.issues[0]?.id;
  if (issueId === undefined) throw new Error('the stored content gave no digest to plan');
  const deliveries = await db
    .selectFrom('newsletter_deliveries')
    .select('id')
    .where('issue_id', '=', issueId)
    .orderBy('id')
    .execute();
  const states = [
    { state: 'sent' as const, attempts: 1, sent_at: AT },
    { state: 'sent' as const, attempts: 1, sent_at: AT },
    { state: 'failed' as const, attempts: 1, last_error: '550 5.1.1 <chen@example.org>: mailbox unknown' },
    {
      state: 'pending' as const,
      attempts: 2,
      next_attempt_at: '2026-11-19T01:30:00.000Z',
      last_error: '451 4.7.1 greylisted, try again later',
    },
  ];
  for (const [index, values] of states.entries()) {
    const id = deliveries[index]?.id;
    if (id !== undefined)
      await db
        .updateTable('newsletter_deliveries')
        .set({ ...values, updated_at: AT })
        .where('id', '=', id)
        .execute();
  }
  await db
    .insertInto('newsletter_events')
    .values({
      provider: 'postmark',
      provider_event_id: 'fixture-1',
      kind: 'hard_bounce',
      email: 'chen@example.org',
      subscriber_id: subscribers[2]?.id ?? null,
      delivery_id: deliveries[2]?.id ?? null,
      message_id: null,
      detail: 'The server refused the address: mailbox unknown',
      action: 'suppressed',
      occurred_at: '2026-11-19T00:31:00.000Z',
      received_at: '2026-11-19T00:32:00.000Z',
    })
    .execute();
  return issueId;
}
