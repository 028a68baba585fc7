import { type Kysely, sql } from 'kysely';
import type { Database, DeliveryStatus } from '../platform/database/index.js';
import type { ContentEventType } from '../stories/index.js';
import { type DeliveryFailure, isDeliveryFailure } from './send.js';

type Db = Kysely<Database>;

export interface Webhook {
  id: number;
  url: string;
  secret: string;
  events: ContentEventType[];
  active: boolean;
  createdAt: string;
}

export interface WebhookListing extends Webhook {
  /** Deliveries per status, for the list page. */
  counts: Record<DeliveryStatus, number>;
}

export interface Delivery {
  id: number;
  webhookId: number;
  event: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lockedUntil: string | null;
  lastStatus: number | null;
  /** Why the last attempt failed, as a class; null after a success or before any attempt. */
  failure: DeliveryFailure | null;
  /** How long the last attempt took; null when nothing was sent (or nothing yet). */
  durationMs: number | null;
  createdAt: string;
  deliveredAt: string | null;
}

function toWebhook(row: {
  id: number;
  url: string;
  secret: string;
  events: string;
  active: number;
  created_at: string;
}): Webhook {
  return {
    id: row.id,
    url: row.url,
    secret: row.secret,
    events: JSON.parse(row.events) as ContentEventType[],
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

export async function insertWebhook(
  db: Db,
  webhook: { url: string; secret: string; events: ContentEventType[]; active: boolean; createdAt: string },
): Promise<number> {
  const row = await db
    .insertInto('webhooks')
    .values({
      url: webhook.url,
      secret: webhook.secret,
      events: JSON.stringify(webhook.events),
      active: webhook.active ? 1 : 0,
      created_at: webhook.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateWebhook(
  db: Db,
  id: number,
  changes: { url?: string; secret?: string; events?: ContentEventType[]; active?: boolean },
): Promise<boolean> {
  const result = await db
    .updateTable('webhooks')
    .set({
      ...(changes.url === undefined ? {} : { url: changes.url }),
      ...(changes.secret === undefined ? {} : { secret: changes.secret }),
      ...(changes.events === undefined ? {} : { events: JSON.stringify(changes.events) }),
      ...(changes.active === undefined ? {} : { active: changes.active ? 1 : 0 }),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes the webhook; its deliveries go with it (ON DELETE CASCADE). */
export async function deleteWebhook(db: Db, id: number): Promise<boolean> {
  await db.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
  const result = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function findWebhook(db: Db, id: number): Promise<Webhook | undefined> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toWebhook(row);
}

export async function listWebhooks(db: Db): Promise<WebhookListing[]> {
  const [rows, counts] = await Promise.all([
    db.selectFrom('webhooks').selectAll().orderBy('id').execute(),
    db
      .selectFrom('webhook_deliveries')
      .select(['webhook_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['webhook_id', 'status'])
      .execute(),
  ]);
  return rows.map((row) => {
    const mine = counts.filter((c) => c.webhook_id === row.id);
    const count = (status: DeliveryStatus) => Number(mine.find((c) => c.status === status)?.n ?? 0);
    return {
      ...toWebhook(row),
      counts: { pending: count('pending'), delivered: count('delivered'), failed: count('failed') },
    };
  });
}

/** Active webhooks subscribed to `event` (the list is short; the JSON column is filtered here). */
export async function listSubscribedWebhooks(db: Db, event: ContentEventType): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().where('active', '=', 1).orderBy('id').execute();
  return rows.map(toWebhook).filter((webhook) => webhook.events.includes(event));
}

export async function insertDeliveries(
  db: Db,
  deliveries: { webhookId: number; event: string; payload: string; createdAt: string }[],
): Promise<void> {
  if (deliveries.length === 0) return;
  await db
    .insertInto('webhook_deliveries')
    .values(
      deliveries.map((d) => ({
        webhook_id: d.webhookId,
        event: d.event,
        payload: d.payload,
        status: 'pending' as const,
        attempts: 0,
        next_attempt_at: d.createdAt,
        locked_until: null,
        last_status: null,
        last_error: '',
        created_at: d.createdAt,
        delivered_at: null,
      })),
    )
    .execute();
}

function toDelivery(row: {
  id: number;
  webhook_id: number;
  event: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_status: number | null;
  last_error: string;
  last_duration_ms: number | null;
  created_at: string;
  delivered_at: string | null;
}): Delivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    event: row.event,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lockedUntil: row.locked_until,
    lastStatus: row.last_status,
    // A row written by an older process may hold free text: it is shown as its class only.
    failure: row.last_error === '' ? null : isDeliveryFailure(row.last_error) ? row.last_error : 'network',
    durationMs: row.last_duration_ms,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

/** The webhook's deliveries, newest first. */
export async function listDeliveries(db: Db, webhookId: number, limit: number): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toDelivery);
}

// A delivery is due when it is pending, its time has come, and no worker holds it (or the worker
// that did let its claim lapse, having crashed). Both the candidate query and the claim say so.
function isDue(nowIso: string) {
  return sql<boolean>`status = 'pending' and next_attempt_at <= ${nowIso} and (locked_until is null or locked_until < ${nowIso})`;
}

/** Ids of due deliveries of active webhooks, oldest due first; candidates only, see claimDelivery. */
export async function listDueDeliveryIds(db: Db, nowIso: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select('webhook_deliveries.id')
    .where(isDue(nowIso))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('webhooks')
          .select('webhooks.id')
          .whereRef('webhooks.id', '=', 'webhook_deliveries.webhook_id')
          .where('webhooks.active', '=', 1),
      ),
    )
    .orderBy('next_attempt_at')
    .orderBy('webhook_deliveries.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export interface ClaimedDelivery {
  id: number;
  event: string;
  payload: string;
  /** Counting this one; also the claim's fence: only the holder of this count may finish it. */
  attempts: number;
  /** Until when the claim holds; with `attempts`, what a hand-back must still find in the row. */
  leaseUntil: string;
  url: string;
  secret: string;
}

/**
 * Claims one delivery until `leaseUntil` with a conditional UPDATE: of two workers that saw the
 * same candidate, the database lets exactly one change the row (SQLite runs writes one at a time;
 * PostgreSQL re-checks the WHERE after the first writer commits), and the other gets no row.
 * The claim counts the attempt, so a worker that crashes mid-send still uses up one.
 */
export async function claimDelivery(
  db: Db,
  id: number,
  nowIso: string,
  leaseUntil: string,
): Promise<ClaimedDelivery | undefined> {
  const claimed = await db
    .updateTable('webhook_deliveries')
    .set({ locked_until: leaseUntil, attempts: sql<number>`attempts + 1` })
    .where('id', '=', id)
    .where(isDue(nowIso))
    .returning(['id', 'webhook_id', 'event', 'payload', 'attempts'])
    .executeTakeFirst();
  if (!claimed) return undefined;
  const webhook = await db
    .selectFrom('webhooks')
    .select(['url', 'secret'])
    .where('id', '=', claimed.webhook_id)
    .executeTakeFirst();
  if (!webhook) return undefined;
  return {
    id: claimed.id,
    event: claimed.event,
    payload: claimed.payload,
    attempts: claimed.attempts,
    leaseUntil,
    url: webhook.url,
    secret: webhook.secret,
  };
}

/** Records the outcome of a claimed attempt; ignored when the claim was lost (fenced by attempts). */
export async function finishDelivery(
  db: Db,
  claim: { id: number; attempts: number },
  outcome:
    | { status: 'delivered'; at: string; lastStatus: number; durationMs: number }
    | {
        status: 'pending';
        nextAttemptAt: string;
        lastStatus: number | null;
        failure: DeliveryFailure;
        durationMs: number | null;
      }
    | { status: 'failed'; lastStatus: number | null; failure: DeliveryFailure; durationMs: number | null },
): Promise<void> {
  const common = {
    status: outcome.status,
    last_status: outcome.lastStatus,
    last_duration_ms: outcome.durationMs,
  };
  const fields =
    outcome.status === 'delivered'
      ? { ...common, delivered_at: outcome.at, last_error: '' }
      : outcome.status === 'pending'
        ? { ...common, next_attempt_at: outcome.nextAttemptAt, last_error: outcome.failure }
        : { ...common, last_error: outcome.failure };
  await db
    .updateTable('webhook_deliveries')
    .set({ ...fields, locked_until: null })
    .where('id', '=', claim.id)
    .where('attempts', '=', claim.attempts)
    .execute();
}

/**
 * Hands a claimed delivery back unsent (its worker is stopping): free at once for any worker, and
 * the attempt counted on claim given back. Fenced on the claim's attempts and lease, so a claim
 * that lapsed and went to another worker (or came back and went again) is left alone.
 */
export async function releaseDelivery(
  db: Db,
  claim: { id: number; attempts: number; leaseUntil: string },
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ locked_until: null, attempts: sql<number>`attempts - 1` })
    .where('id', '=', claim.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', claim.attempts)
    .where('locked_until', '=', claim.leaseUntil)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Makes a pending or failed delivery due now (the admin's "retry now"); a failed one gets one
 * more attempt. Not while a worker holds it, and never for a delivered one.
 */
export async function retryDeliveryNow(
  db: Db,
  webhookId: number,
  deliveryId: number,
  nowIso: string,
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: nowIso })
    .where('id', '=', deliveryId)
    .where('webhook_id', '=', webhookId)
    .where('status', '!=', 'delivered')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
