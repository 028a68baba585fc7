import { type ExpressionBuilder, type Kysely, PostgresAdapter, type Selectable } from 'kysely';
import type { Database, DeliveryState, NewsletterDeliveriesTable } from '../../platform/database/index.js';

type Db = Kysely<Database>;

export type DeliveryRow = Selectable<NewsletterDeliveriesTable>;

/** Rows inserted per statement: well under both dialects' bound-parameter limits. */
const INSERT_CHUNK = 500;

export interface NewDelivery {
  issueId: number;
  subscriberId: number;
  messageId: string;
}

/**
 * Creates the deliveries that do not exist yet. The (issue, subscriber) pair is unique, so a
 * planner run again after a crash, or two planners at once, add nothing twice.
 */
export async function insertDeliveries(db: Db, deliveries: NewDelivery[], at: string): Promise<void> {
  for (let start = 0; start < deliveries.length; start += INSERT_CHUNK) {
    const chunk = deliveries.slice(start, start + INSERT_CHUNK);
    await db
      .insertInto('newsletter_deliveries')
      .values(
        chunk.map((d) => ({
          issue_id: d.issueId,
          subscriber_id: d.subscriberId,
          message_id: d.messageId,
          state: 'pending' as const,
          next_attempt_at: at,
          updated_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['issue_id', 'subscriber_id']).doNothing())
      .execute();
  }
}

type ClaimKind = 'due' | 'expired';

// `due`: pending rows whose time has come. `expired`: rows a sender claimed and never finished
// because its lease ran out (it died or hung): in doubt, since the server may have taken them.
function isClaimable(eb: ExpressionBuilder<Database, 'newsletter_deliveries'>, kind: ClaimKind, now: string) {
  return kind === 'due'
    ? eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', now)])
    : eb.and([eb('state', '=', 'sending'), eb('claim_expires_at', '<', now)]);
}

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Takes up to `limit` deliveries of one kind for `senderId` until `leaseUntil`. On PostgreSQL the
 * rows are picked and locked first (SKIP LOCKED: concurrent senders take different rows instead of
 * queueing), then updated in the same transaction; a LIMIT subquery inside the UPDATE itself may
 * be run more than once by the planner and claim more than asked. On SQLite one statement is
 * atomic, as the database has a single writer.
 */
export async function claimDeliveries(
  db: Db,
  options: { senderId: string; kind: ClaimKind; limit: number; now: string; leaseUntil: string },
): Promise<DeliveryRow[]> {
  const { senderId, kind, limit, now, leaseUntil } = options;
  if (limit <= 0) return [];
  const claim = (target: Db, ids: number[] | ReturnType<typeof candidates>) =>
    target
      .updateTable('newsletter_deliveries')
      .set((eb) => ({
        state: 'sending',
        claimed_by: senderId,
        claim_expires_at: leaseUntil,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', 'in', ids)
      .where((eb) => isClaimable(eb, kind, now))
      .returningAll()
      .execute();
  const candidates = (target: Db) =>
    target
      .selectFrom('newsletter_deliveries')
      .select('id')
      .where((eb) => isClaimable(eb, kind, now))
      // For due rows this is the order of the (state, next_attempt_at, id) index: no sort.
      .orderBy(kind === 'due' ? 'next_attempt_at' : 'claim_expires_at')
      .orderBy('id')
      .limit(limit);
  if (!isPostgres(db)) return claim(db, candidates(db));
  return db.transaction().execute(async (trx) => {
    const picked = await candidates(trx).forUpdate().skipLocked().execute();
    if (picked.length === 0) return [];
    return claim(
      trx,
      picked.map((row) => row.id),
    );
  });
}

/**
 * Keeps this sender's unfinished rows its own while a slow batch is still going out. On
 * PostgreSQL a row that is being written at this moment (marked sent, requeued) is skipped rather
 * than waited for: that write ends the claim anyway, and a renewal that queued behind it could
 * lock the batch's rows in another order than the write and deadlock with it.
 */
export async function renewClaims(db: Db, senderId: string, leaseUntil: string): Promise<void> {
  const ours = (target: Db) =>
    target
      .selectFrom('newsletter_deliveries')
      .select('id')
      .where('claimed_by', '=', senderId)
      .where('state', '=', 'sending');
  const renew = db.updateTable('newsletter_deliveries').set({ claim_expires_at: leaseUntil });
  if (!isPostgres(db)) {
    await renew.where('claimed_by', '=', senderId).where('state', '=', 'sending').execute();
    return;
  }
  await renew
    .where('id', 'in', ours(db).orderBy('id').forUpdate().skipLocked())
    .where('claimed_by', '=', senderId)
    .execute();
}

/**
 * Gives back, when this sender stops, the rows it claimed and never handed to the server, so that
 * another sender takes them at once instead of after the lease. A due row is pending again; a row
 * this sender had taken over in doubt stays in doubt, its lease already run out. The claim does
 * not count as an attempt. Only rows still claimed by this sender are touched.
 */
export async function releaseClaims(
  db: Db,
  senderId: string,
  rows: { id: number; inDoubt: boolean }[],
  at: string,
): Promise<void> {
  const claimedHere = (ids: number[]) =>
    db
      .updateTable('newsletter_deliveries')
      .where('id', 'in', ids)
      .where('claimed_by', '=', senderId)
      .where('state', '=', 'sending');
  const due = rows.filter((row) => !row.inDoubt).map((row) => row.id);
  const inDoubt = rows.filter((row) => row.inDoubt).map((row) => row.id);
  if (due.length > 0) {
    await claimedHere(due)
      .set((eb) => ({
        state: 'pending',
        claimed_by: null,
        claim_expires_at: null,
        attempts: eb('attempts', '-', 1),
        updated_at: at,
      }))
      .execute();
  }
  if (inDoubt.length > 0) {
    // Before `at`, so a sender that claims with the same clock reading already sees it expired.
    const expired = new Date(new Date(at).getTime() - 1).toISOString();
    await claimedHere(inDoubt)
      .set((eb) => ({
        claimed_by: null,
        claim_expires_at: expired,
        attempts: eb('attempts', '-', 1),
        updated_at: at,
      }))
      .execute();
  }
}

/** The server took these messages: only this write tells a restart not to send them again. */
export async function markSent(db: Db, deliveryIds: number[], at: string): Promise<void> {
  if (deliveryIds.length === 0) return;
  await db
    .updateTable('newsletter_deliveries')
    .set({
      state: 'sent',
      sent_at: at,
      claimed_by: null,
      claim_expires_at: null,
      last_error: null,
      updated_at: at,
    })
    .where('id', 'in', deliveryIds)
    .execute();
}

/**
 * A delivery as one sender holds it. An outcome is written only while the row is still claimed by
 * that sender: one that answers after its lease ran out (and another sender took the row over in
 * doubt) must not hand the row back to the queue or close it under the other's feet.
 */
export interface HeldClaim {
  id: number;
  claimedBy: string;
}

/** A final state other than sent: `failed` (given up) or `suppressed` (the address may not get mail). */
export async function markFinished(
  db: Db,
  claim: HeldClaim,
  state: Extract<DeliveryState, 'failed' | 'suppressed'>,
  at: string,
  error: string | null = null,
): Promise<void> {
  await db
    .updateTable('newsletter_deliveries')
    .set({ state, claimed_by: null, claim_expires_at: null, last_error: error, updated_at: at })
    .where('id', '=', claim.id)
    .where('claimed_by', '=', claim.claimedBy)
    .execute();
}

/**
 * Hands a row back to the queue, due at `dueAt`: a temporary failure waiting for its retry, or
 * a message held back by per-domain pacing (`countsAsAttempt` false: nothing was tried).
 */
export async function requeue(
  db: Db,
  claim: HeldClaim,
  options: { dueAt: string; at: string; error?: string; countsAsAttempt: boolean },
): Promise<void> {
  await db
    .updateTable('newsletter_deliveries')
    .set((eb) => ({
      state: 'pending',
      next_attempt_at: options.dueAt,
      claimed_by: null,
      claim_expires_at: null,
      updated_at: options.at,
      ...(options.error === undefined ? {} : { last_error: options.error }),
      ...(options.countsAsAttempt ? {} : { attempts: eb('attempts', '-', 1) }),
    }))
    .where('id', '=', claim.id)
    .where('claimed_by', '=', claim.claimedBy)
    .execute();
}

export type DeliveryCounts = Record<DeliveryState, number> & { retrying: number; total: number };

export const EMPTY_COUNTS: DeliveryCounts = {
  pending: 0,
  sending: 0,
  sent: 0,
  failed: 0,
  suppressed: 0,
  retrying: 0,
  total: 0,
};

/** Counts per state, for one issue or all; `retrying` is the part of `pending` that failed before. */
export async function countDeliveries(db: Db, issueIds?: number[]): Promise<Map<number, DeliveryCounts>> {
  let query = db
    .selectFrom('newsletter_deliveries')
    .select((eb) => [
      'issue_id',
      'state',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>(eb.case().when('attempts', '>', 0).then(1).else(0).end()).as('retried'),
    ])
    .groupBy(['issue_id', 'state']);
  if (issueIds) {
    if (issueIds.length === 0) return new Map();
    query = query.where('issue_id', 'in', issueIds);
  }
  const counts = new Map<number, DeliveryCounts>();
  for (const row of await query.execute()) {
    const entry = counts.get(row.issue_id) ?? { ...EMPTY_COUNTS };
    const count = Number(row.count);
    entry[row.state] += count;
    entry.total += count;
    if (row.state === 'pending') entry.retrying += Number(row.retried ?? 0);
    counts.set(row.issue_id, entry);
  }
  return counts;
}

/** When the next pending row is due, or null when none waits: lets a draining sender decide to wait. */
export async function nextDueAt(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('newsletter_deliveries')
    .select((eb) => eb.fn.min('next_attempt_at').as('next'))
    .where('state', '=', 'pending')
    .executeTakeFirst();
  const claimed = await db
    .selectFrom('newsletter_deliveries')
    .select((eb) => eb.fn.min('claim_expires_at').as('next'))
    .where('state', '=', 'sending')
    .executeTakeFirst();
  const candidates = [row?.next, claimed?.next].filter((value): value is string => typeof value === 'string');
  return candidates.length > 0 ? (candidates.sort()[0] ?? null) : null;
}
