import type { Kysely } from 'kysely';
import type { Database, NewsletterEventAction } from '../../platform/database/index.js';
import { normaliseEmailAddress } from '../email-address.js';
import { findSubscriberByEmail } from '../queries.js';
import { countSoftBounce, recordNewsletterEvent, suppressSubscriber } from '../suppression.js';
import { storedMessageId, type WebhookEvent } from './event.js';
import { findDeliveryByMessageId, updateNewsletterEventAction } from './queries.js';

export interface ApplyOptions {
  /** NEWSLETTER_SOFT_BOUNCE_LIMIT. */
  softBounceLimit: number;
  receivedAt: string;
}

export interface ApplySummary {
  recorded: number;
  /** Events already recorded by an earlier delivery of the same webhook: not acted on again. */
  duplicates: number;
}

const MAX_STORED_ADDRESS_LENGTH = 320;

function addressOf(email: string): { address: string; valid: boolean } {
  try {
    return { address: normaliseEmailAddress(email), valid: true };
  } catch {
    // Kept for the audit trail, but escaped (CR/LF become `\r\n`) so nothing downstream, a log
    // line or a CSV export, can mistake it for a header or a new record.
    return { address: JSON.stringify(email).slice(1, -1).slice(0, MAX_STORED_ADDRESS_LENGTH), valid: false };
  }
}

async function act(
  db: Kysely<Database>,
  event: WebhookEvent,
  subscriberId: number,
  options: ApplyOptions,
): Promise<NewsletterEventAction> {
  if (event.kind === 'soft_bounce') {
    return countSoftBounce(db, subscriberId, options.softBounceLimit, options.receivedAt);
  }
  const reason = event.kind === 'complaint' ? 'complaint' : 'hard_bounce';
  return (await suppressSubscriber(db, subscriberId, reason, options.receivedAt))
    ? 'suppressed'
    : 'already_suppressed';
}

/**
 * Records one event and acts on it, in one transaction. The row goes in first, as
 * `unknown_address`, and the unique (provider, event id) decides whether this delivery of the
 * event is the first: a retry, even a concurrent one, finds the row and does nothing. The action
 * is then corrected to what was done before the transaction commits, so no reader sees the first.
 */
async function applyOne(
  db: Kysely<Database>,
  event: WebhookEvent,
  options: ApplyOptions,
): Promise<'recorded' | 'duplicate'> {
  const { address, valid } = addressOf(event.email);
  const messageId = storedMessageId(event.messageId);
  return db.transaction().execute(async (trx) => {
    const subscriber = valid ? await findSubscriberByEmail(trx, address) : undefined;
    const delivery = messageId ? await findDeliveryByMessageId(trx, messageId) : undefined;
    const { id, duplicate } = await recordNewsletterEvent(trx, {
      provider: event.provider,
      provider_event_id: event.providerEventId,
      kind: event.kind,
      email: address,
      subscriber_id: subscriber?.id ?? null,
      delivery_id: delivery?.id ?? null,
      message_id: messageId ?? null,
      detail: event.detail,
      action: 'unknown_address',
      occurred_at: event.occurredAt,
      received_at: options.receivedAt,
    });
    if (duplicate || id === null) return 'duplicate';
    if (subscriber) await updateNewsletterEventAction(trx, id, await act(trx, event, subscriber.id, options));
    return 'recorded';
  });
}

/**
 * Applies a request's events in order, each in its own transaction. If one fails the request
 * fails and the provider retries it; the events already applied are then recognised as
 * duplicates, so nothing is done twice.
 */
export async function applyWebhookEvents(
  db: Kysely<Database>,
  events: WebhookEvent[],
  options: ApplyOptions,
): Promise<ApplySummary> {
  const summary: ApplySummary = { recorded: 0, duplicates: 0 };
  for (const event of events) {
    const outcome = await applyOne(db, event, options);
    if (outcome === 'recorded') summary.recorded += 1;
    else summary.duplicates += 1;
  }
  return summary;
}
