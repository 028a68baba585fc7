import type { Insertable, Kysely } from 'kysely';
import type { Database, NewsletterEventAction, NewsletterEventsTable } from '../platform/database/index.js';

type Db = Kysely<Database>;

export type SuppressionReason = 'hard_bounce' | 'complaint' | 'soft_bounces' | 'smtp_permanent' | 'admin';

/**
 * Stops all mail to a subscriber at once: the state change is what the sender checks before each
 * message, and pending deliveries are marked suppressed so the admin's counts say so. True when
 * this call suppressed the address, false when it was already suppressed (or unsubscribed).
 */
export async function suppressSubscriber(
  db: Db,
  subscriberId: number,
  reason: SuppressionReason,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('subscribers')
    .set({ state: 'suppressed', suppressed_at: at, suppression_reason: reason, updated_at: at })
    .where('id', '=', subscriberId)
    .where('state', 'in', ['active', 'pending'])
    .executeTakeFirst();
  await db
    .updateTable('newsletter_deliveries')
    .set({ state: 'suppressed', claimed_by: null, claim_expires_at: null, updated_at: at })
    .where('subscriber_id', '=', subscriberId)
    .where('state', '=', 'pending')
    .execute();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Counts one soft bounce; at `limit` the address is suppressed. Returns what was done, for the
 * event's audit row.
 */
export async function countSoftBounce(
  db: Db,
  subscriberId: number,
  limit: number,
  at: string,
): Promise<NewsletterEventAction> {
  const row = await db
    .updateTable('subscribers')
    .set((eb) => ({ soft_bounces: eb('soft_bounces', '+', 1), updated_at: at }))
    .where('id', '=', subscriberId)
    .returning(['soft_bounces', 'state'])
    .executeTakeFirst();
  if (!row) return 'unknown_address';
  if (row.state === 'suppressed') return 'already_suppressed';
  if (row.soft_bounces >= limit) {
    return (await suppressSubscriber(db, subscriberId, 'soft_bounces', at))
      ? 'suppressed'
      : 'already_suppressed';
  }
  return 'counted';
}

/**
 * Keeps one bounce, complaint or SMTP failure for the admin's audit trail. A provider that
 * retries a webhook sends the same event id again: that one is not recorded twice, and
 * `duplicate` tells the caller not to act on it twice either.
 */
export async function recordNewsletterEvent(
  db: Db,
  event: Insertable<NewsletterEventsTable>,
): Promise<{ id: number | null; duplicate: boolean }> {
  const row = await db
    .insertInto('newsletter_events')
    .values(event)
    .onConflict((oc) => oc.columns(['provider', 'provider_event_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? { id: row.id, duplicate: false } : { id: null, duplicate: true };
}
