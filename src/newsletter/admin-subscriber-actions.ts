import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import { addressHash } from './hashing.js';
import { deleteSignupAttempts, deleteSubscriber, findSubscriber, unsubscribeSubscriber } from './queries.js';

type Db = Kysely<Database>;

/** What the admin's actions report about the subscriber they touched (for the audit row). */
export interface SubscriberActionOutcome {
  email: string;
  stateBefore: string;
  changed: boolean;
}

/**
 * Everything held about one address goes (GDPR art. 17): its topics and deliveries with the row
 * (ON DELETE CASCADE), its bounce events and its signup attempts. Nothing about the person is
 * kept behind, so there is no suppression record; the one-click link and the preferences page
 * already use this same erasure.
 */
export async function eraseSubscriberData(
  db: Db,
  secret: string,
  subscriber: { id: number; email: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSignupAttempts(trx, addressHash(secret, subscriber.email));
    await trx
      .deleteFrom('newsletter_events')
      .where((eb) => eb.or([eb('subscriber_id', '=', subscriber.id), eb('email', '=', subscriber.email)]))
      .execute();
    await deleteSubscriber(trx, subscriber.id);
  });
}

/** Unsubscribes from the admin; undefined when there is no such subscriber. */
export async function unsubscribeForAdmin(
  db: Db,
  id: number,
  now: string,
): Promise<SubscriberActionOutcome | undefined> {
  const subscriber = await findSubscriber(db, id);
  if (!subscriber) return undefined;
  await unsubscribeSubscriber(db, id, now);
  const changed = subscriber.state === 'pending' || subscriber.state === 'active';
  return { email: subscriber.email, stateBefore: subscriber.state, changed };
}

/** Erases from the admin; undefined when there is no such subscriber (already erased, say). */
export async function eraseForAdmin(
  db: Db,
  secret: string,
  id: number,
): Promise<SubscriberActionOutcome | undefined> {
  const subscriber = await findSubscriber(db, id);
  if (!subscriber) return undefined;
  await eraseSubscriberData(db, secret, subscriber);
  return { email: subscriber.email, stateBefore: subscriber.state, changed: true };
}
