import type { Kysely } from 'kysely';
import {
  containsText,
  type Database,
  type NewsletterEventAction,
  type NewsletterEventKind,
} from '../../platform/database/index.js';

type Db = Kysely<Database>;

export async function findDeliveryByMessageId(
  db: Db,
  messageId: string,
): Promise<{ id: number; subscriberId: number } | undefined> {
  const row = await db
    .selectFrom('newsletter_deliveries')
    .select(['id', 'subscriber_id'])
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return row ? { id: row.id, subscriberId: row.subscriber_id } : undefined;
}

export async function updateNewsletterEventAction(
  db: Db,
  id: number,
  action: NewsletterEventAction,
): Promise<void> {
  await db.updateTable('newsletter_events').set({ action }).where('id', '=', id).execute();
}

export interface NewsletterEventFilter {
  kind?: NewsletterEventKind | undefined;
  /** `velocity`, `mailgun`, `sendgrid`, `postmark`, or `smtp` for failures the sender saw. */
  provider?: string | undefined;
  /** Part of the address, any case. */
  email?: string | undefined;
}

/** One row of the audit trail, as the admin shows it. */
export interface NewsletterEventRecord {
  id: number;
  provider: string;
  providerEventId: string | null;
  kind: NewsletterEventKind;
  email: string;
  subscriberId: number | null;
  deliveryId: number | null;
  messageId: string | null;
  detail: string;
  action: NewsletterEventAction;
  occurredAt: string;
  receivedAt: string;
}

function filtered(db: Db, filter: NewsletterEventFilter) {
  let query = db.selectFrom('newsletter_events');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.provider) query = query.where('provider', '=', filter.provider);
  const email = filter.email?.trim();
  if (email) query = query.where(containsText(db, 'email', email));
  return query;
}

/**
 * A page of bounce and complaint events, newest received first. The id breaks ties, so a batch
 * received in one instant still pages in a stable order.
 */
export async function listNewsletterEvents(
  db: Db,
  options: NewsletterEventFilter & { limit: number; offset: number },
): Promise<NewsletterEventRecord[]> {
  const rows = await filtered(db, options)
    .selectAll()
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    provider: row.provider,
    providerEventId: row.provider_event_id,
    kind: row.kind,
    email: row.email,
    subscriberId: row.subscriber_id,
    deliveryId: row.delivery_id,
    messageId: row.message_id,
    detail: row.detail,
    action: row.action,
    occurredAt: row.occurred_at,
    receivedAt: row.received_at,
  }));
}

export async function countNewsletterEvents(db: Db, filter: NewsletterEventFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
