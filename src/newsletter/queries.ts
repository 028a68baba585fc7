import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  DigestFrequency,
  SubscriberState,
  SubscribersTable,
  TopicKind,
} from '../platform/database/index.js';

export type SubscriberRow = Selectable<SubscribersTable>;

export interface Topic {
  kind: TopicKind;
  key: string;
}

export async function findSubscriberByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<SubscriberRow | undefined> {
  return db.selectFrom('subscribers').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findSubscriber(db: Kysely<Database>, id: number): Promise<SubscriberRow | undefined> {
  return db.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listSubscriberTopics(db: Kysely<Database>, subscriberId: number): Promise<Topic[]> {
  const rows = await db
    .selectFrom('subscriber_topics')
    .select(['kind', 'topic_key'])
    .where('subscriber_id', '=', subscriberId)
    .orderBy('kind')
    .orderBy('topic_key')
    .execute();
  return rows.map((row) => ({ kind: row.kind, key: row.topic_key }));
}

/** Replaces the subscriber's topics with `topics` (an empty list: everything). */
export async function replaceSubscriberTopics(
  db: Kysely<Database>,
  subscriberId: number,
  topics: Topic[],
): Promise<void> {
  await db.deleteFrom('subscriber_topics').where('subscriber_id', '=', subscriberId).execute();
  if (topics.length === 0) return;
  await db
    .insertInto('subscriber_topics')
    .values(topics.map((t) => ({ subscriber_id: subscriberId, kind: t.kind, topic_key: t.key })))
    .execute();
}

export interface PendingSignup {
  email: string;
  locale: string;
  frequency: DigestFrequency;
  nonce: string;
  now: string;
}

/**
 * A new pending subscriber, or an existing pending/unsubscribed one asked again for consent. The
 * upsert keeps two simultaneous signups of one address to one row; active and suppressed rows are
 * left alone (the WHERE of the conflict branch), and the caller learns it from `undefined`.
 */
export async function upsertPendingSubscriber(
  db: Kysely<Database>,
  signup: PendingSignup,
): Promise<SubscriberRow | undefined> {
  return db
    .insertInto('subscribers')
    .values({
      email: signup.email,
      locale: signup.locale,
      frequency: signup.frequency,
      state: 'pending',
      confirm_nonce: signup.nonce,
      consent_requested_at: signup.now,
      created_at: signup.now,
      updated_at: signup.now,
    })
    .onConflict((oc) =>
      oc
        .column('email')
        .doUpdateSet({
          locale: signup.locale,
          frequency: signup.frequency,
          state: 'pending',
          confirm_nonce: signup.nonce,
          consent_requested_at: signup.now,
          confirmed_at: null,
          confirm_ip_hash: null,
          confirm_user_agent: null,
          updated_at: signup.now,
        })
        .where('subscribers.state', 'in', ['pending', 'unsubscribed']),
    )
    .returningAll()
    .executeTakeFirst();
}

/**
 * A new confirmation nonce for a subscriber still pending (an admin's resend), so only the newest
 * link confirms. When it was signed up is kept: the request for consent is still that one.
 * Undefined when the row is gone or no longer pending.
 */
export async function renewPendingNonce(
  db: Kysely<Database>,
  renewal: { id: number; nonce: string; now: string },
): Promise<SubscriberRow | undefined> {
  return db
    .updateTable('subscribers')
    .set({ confirm_nonce: renewal.nonce, updated_at: renewal.now })
    .where('id', '=', renewal.id)
    .where('state', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/**
 * Marks a pending subscriber active if `nonce` is still its confirmation nonce, consuming it in
 * the same statement: of two concurrent uses of one link exactly one wins. False otherwise.
 */
export async function confirmSubscriber(
  db: Kysely<Database>,
  confirmation: { id: number; nonce: string; ipHash: string; userAgent: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('subscribers')
    .set({
      state: 'active',
      confirm_nonce: null,
      confirmed_at: confirmation.now,
      confirm_ip_hash: confirmation.ipHash,
      confirm_user_agent: confirmation.userAgent,
      updated_at: confirmation.now,
    })
    .where('id', '=', confirmation.id)
    .where('state', '=', 'pending')
    .where('confirm_nonce', '=', confirmation.nonce)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateSubscriberPreferences(
  db: Kysely<Database>,
  id: number,
  changes: { locale: string; frequency: DigestFrequency; now: string },
): Promise<void> {
  await db
    .updateTable('subscribers')
    .set({ locale: changes.locale, frequency: changes.frequency, updated_at: changes.now })
    .where('id', '=', id)
    .execute();
}

/** Unsubscribes at once (RFC 8058 asks for no delay); a suppressed address stays suppressed. */
export async function unsubscribeSubscriber(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db
    .updateTable('subscribers')
    .set({
      state: 'unsubscribed' satisfies SubscriberState,
      confirm_nonce: null,
      unsubscribed_at: now,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('state', 'in', ['pending', 'active'])
    .execute();
}

export async function deleteSubscriber(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('subscribers').where('id', '=', id).execute();
}

export async function insertSignupAttempt(
  db: Kysely<Database>,
  attempt: { addressHash: string; ipHash: string; now: string },
): Promise<void> {
  await db
    .insertInto('signup_attempts')
    .values({ address_hash: attempt.addressHash, ip_hash: attempt.ipHash, attempted_at: attempt.now })
    .execute();
}

/** Attempts since `since` by IP hash and by address hash, for the hourly limits. */
export async function countSignupAttempts(
  db: Kysely<Database>,
  query: { addressHash: string; ipHash: string; since: string },
): Promise<{ byIp: number; byAddress: number }> {
  const [byIp, byAddress] = await Promise.all([
    db
      .selectFrom('signup_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip_hash', '=', query.ipHash)
      .where('attempted_at', '>=', query.since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('signup_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('address_hash', '=', query.addressHash)
      .where('attempted_at', '>=', query.since)
      .executeTakeFirstOrThrow(),
  ]);
  return { byIp: Number(byIp.n), byAddress: Number(byAddress.n) };
}

export async function countSignupAttemptsForAddress(
  db: Kysely<Database>,
  addressHash: string,
): Promise<number> {
  const row = await db
    .selectFrom('signup_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('address_hash', '=', addressHash)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteSignupAttempts(db: Kysely<Database>, addressHash: string): Promise<void> {
  await db.deleteFrom('signup_attempts').where('address_hash', '=', addressHash).execute();
}

/** Attempts older than `before` no longer count toward any limit. */
export async function deleteSignupAttemptsBefore(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db.deleteFrom('signup_attempts').where('attempted_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
