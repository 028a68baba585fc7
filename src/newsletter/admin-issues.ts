import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';

// The admin's reads of issues and deliveries: the sender's queries serve sending, these serve
// people looking at what the sender did.

type Db = Kysely<Database>;

export async function countIssues(db: Db): Promise<number> {
  const row = await db
    .selectFrom('newsletter_issues')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** True while some issue still has deliveries to make: the issues page then refreshes itself. */
export async function anyIssueSending(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('newsletter_issues')
    .select('id')
    .where('state', '=', 'sending')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** A delivery that went wrong: given up on, or waiting to be tried again after a failure. */
export interface TroubledDelivery {
  id: number;
  email: string;
  state: 'failed' | 'pending';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
}

// "Retrying" is what countDeliveries calls it: pending after at least one attempt. A row held
// back by domain pacing alone has its attempt given back, so it does not show up here.
function troubled(db: Db, issueId: number) {
  return db
    .selectFrom('newsletter_deliveries')
    .innerJoin('subscribers', 'subscribers.id', 'newsletter_deliveries.subscriber_id')
    .where('newsletter_deliveries.issue_id', '=', issueId)
    .where((eb) =>
      eb.or([
        eb('newsletter_deliveries.state', '=', 'failed'),
        eb.and([
          eb('newsletter_deliveries.state', '=', 'pending'),
          eb('newsletter_deliveries.attempts', '>', 0),
        ]),
      ]),
    );
}

/** Failed deliveries first, then retrying ones, each oldest first. */
export async function listTroubledDeliveries(
  db: Db,
  issueId: number,
  page: { limit: number; offset: number },
): Promise<{ deliveries: TroubledDelivery[]; total: number }> {
  const [rows, count] = await Promise.all([
    troubled(db, issueId)
      .select([
        'newsletter_deliveries.id',
        'subscribers.email',
        'newsletter_deliveries.state',
        'newsletter_deliveries.attempts',
        'newsletter_deliveries.next_attempt_at',
        'newsletter_deliveries.last_error',
      ])
      .orderBy('newsletter_deliveries.state')
      .orderBy('newsletter_deliveries.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    troubled(db, issueId)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    deliveries: rows.map((row) => ({
      id: row.id,
      email: row.email,
      state: row.state === 'failed' ? 'failed' : 'pending',
      attempts: row.attempts,
      nextAttemptAt: row.state === 'pending' ? row.next_attempt_at : null,
      lastError: row.last_error,
    })),
  };
}

/** Which issue each delivery belongs to, so an event can link to the issue it is about. */
export async function issueIdsOfDeliveries(db: Db, deliveryIds: number[]): Promise<Map<number, number>> {
  if (deliveryIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('newsletter_deliveries')
    .select(['id', 'issue_id'])
    .where('id', 'in', deliveryIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.issue_id]));
}
