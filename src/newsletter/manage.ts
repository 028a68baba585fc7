import type { DigestFrequency, SubscriberState } from '../platform/database/index.js';
import { eraseSubscriberData } from './admin-subscriber-actions.js';
import type { NewsletterDeps } from './deps.js';
import { NewsletterLinkRefused } from './errors.js';
import { addressHash } from './hashing.js';
import {
  countSignupAttemptsForAddress,
  findSubscriber,
  listSubscriberTopics,
  replaceSubscriberTopics,
  type SubscriberRow,
  type Topic,
  unsubscribeSubscriber,
  updateSubscriberPreferences,
} from './queries.js';
import { type TokenPurpose, verifyToken } from './tokens.js';

/** What the preferences page shows. */
export interface SubscriberPreferences {
  email: string;
  locale: string;
  frequency: DigestFrequency;
  state: SubscriberState;
  topics: Topic[];
}

async function subscriberFor(
  deps: NewsletterDeps,
  token: string,
  purpose: TokenPurpose,
): Promise<SubscriberRow> {
  const claims = verifyToken(deps.secret, token, purpose, deps.now());
  const subscriber = await findSubscriber(deps.db, claims.subscriberId);
  // A deleted subscriber's links die with the row (ids are never reused: AUTOINCREMENT / serial).
  if (!subscriber) throw new NewsletterLinkRefused('unknown-subscriber');
  return subscriber;
}

export async function loadPreferences(deps: NewsletterDeps, token: string): Promise<SubscriberPreferences> {
  const subscriber = await subscriberFor(deps, token, 'preferences');
  return {
    email: subscriber.email,
    locale: subscriber.locale,
    frequency: subscriber.frequency,
    state: subscriber.state,
    topics: await listSubscriberTopics(deps.db, subscriber.id),
  };
}

/** Changes language, frequency and topics (the caller has checked them against what is offered). */
export async function savePreferences(
  deps: NewsletterDeps,
  token: string,
  changes: { locale: string; frequency: DigestFrequency; topics: Topic[] },
): Promise<void> {
  const subscriber = await subscriberFor(deps, token, 'preferences');
  await deps.db.transaction().execute(async (trx) => {
    await updateSubscriberPreferences(trx, subscriber.id, {
      locale: changes.locale,
      frequency: changes.frequency,
      now: deps.now().toISOString(),
    });
    await replaceSubscriberTopics(trx, subscriber.id, changes.topics);
  });
}

/**
 * Unsubscribes at once, from the one-click link (RFC 8058) or the preferences page. Doing it twice
 * is fine: the second time changes nothing.
 */
export async function unsubscribe(
  deps: NewsletterDeps,
  token: string,
  purpose: 'unsubscribe' | 'preferences',
): Promise<void> {
  const subscriber = await subscriberFor(deps, token, purpose);
  await unsubscribeSubscriber(deps.db, subscriber.id, deps.now().toISOString());
}

/** Checks a one-click link without using it (the GET page with the button). */
export async function checkUnsubscribeLink(deps: NewsletterDeps, token: string): Promise<{ locale: string }> {
  const subscriber = await subscriberFor(deps, token, 'unsubscribe');
  return { locale: subscriber.locale };
}

/** Everything we hold about the subscriber (GDPR art. 15/20), as plain JSON-ready data. */
export async function exportSubscriberData(deps: NewsletterDeps, token: string) {
  const subscriber = await subscriberFor(deps, token, 'preferences');
  return {
    exportedAt: deps.now().toISOString(),
    subscriber: {
      email: subscriber.email,
      locale: subscriber.locale,
      frequency: subscriber.frequency,
      state: subscriber.state,
      createdAt: subscriber.created_at,
      updatedAt: subscriber.updated_at,
      consent: {
        requestedAt: subscriber.consent_requested_at,
        confirmedAt: subscriber.confirmed_at,
        confirmedFromIpHash: subscriber.confirm_ip_hash,
        confirmedWithUserAgent: subscriber.confirm_user_agent,
      },
      unsubscribedAt: subscriber.unsubscribed_at,
      suppressedAt: subscriber.suppressed_at,
      suppressionReason: subscriber.suppression_reason,
      softBounces: subscriber.soft_bounces,
    },
    topics: await listSubscriberTopics(deps.db, subscriber.id),
    deliveries: await deps.db
      .selectFrom('newsletter_deliveries')
      .innerJoin('newsletter_issues', 'newsletter_issues.id', 'newsletter_deliveries.issue_id')
      .select([
        'newsletter_issues.subject',
        'newsletter_issues.slot',
        'newsletter_deliveries.state',
        'newsletter_deliveries.message_id as messageId',
        'newsletter_deliveries.sent_at as sentAt',
      ])
      .where('newsletter_deliveries.subscriber_id', '=', subscriber.id)
      .orderBy('newsletter_deliveries.id')
      .execute(),
    bounceAndComplaintEvents: await deps.db
      .selectFrom('newsletter_events')
      .select(['provider', 'kind', 'action', 'detail', 'occurred_at as occurredAt'])
      .where((eb) => eb.or([eb('subscriber_id', '=', subscriber.id), eb('email', '=', subscriber.email)]))
      .orderBy('id')
      .execute(),
    // Attempts are kept for an hour under a keyed hash of the address, for rate limiting only.
    recentSignupAttempts: await countSignupAttemptsForAddress(
      deps.db,
      addressHash(deps.secret, subscriber.email),
    ),
  };
}

/**
 * Erases the subscriber, their topics, deliveries, bounce events and signup attempts (GDPR
 * art. 17); deliveries go with the subscriber row (ON DELETE CASCADE).
 */
export async function deleteSubscriberData(deps: NewsletterDeps, token: string): Promise<void> {
  const subscriber = await subscriberFor(deps, token, 'preferences');
  await eraseSubscriberData(deps.db, deps.secret, subscriber);
}
