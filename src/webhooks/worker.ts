import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import type { Logger } from '../platform/logger.js';
import type { Resolve } from '../platform/outbound/index.js';
import { retryDelayMs } from './backoff.js';
import { type ClaimedDelivery, claimDelivery, finishDelivery, listDueDeliveryIds } from './queries.js';
import { sendDelivery } from './send.js';

export interface WebhookWorkerOptions {
  db: Kysely<Database>;
  log: Logger;
  now: () => Date;
  /** `host` or `host:port` entries exempt from the address guard (WEBHOOK_ALLOW_HOSTS). */
  allowHosts: readonly string[];
  /** Name resolution; tests answer with addresses of their choosing. */
  resolve?: Resolve;
  /** Pause between passes over the queue. */
  intervalMs: number;
  /** How long one attempt may take, name lookups, redirects and answer included. */
  timeoutMs?: number;
  /** Deliveries claimed (and sent in parallel) per pass. */
  batchSize?: number;
  /** Jitter source in [0, 1); tests pin it. */
  random?: () => number;
}

export interface WebhookWorker {
  /** Stops the loop and waits for the pass in progress. */
  stop(): Promise<void>;
  /** One pass: claims and sends what is due now; returns how many it attempted. */
  runOnce(): Promise<number>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_BATCH_SIZE = 10;
// A claim outlives the longest send (timeout, redirects) with a margin; a worker that died
// mid-send lets the delivery go after this.
const LEASE_MARGIN_MS = 50_000;

async function attempt(options: WebhookWorkerOptions, delivery: ClaimedDelivery, timeoutMs: number) {
  const outcome = await sendDelivery(delivery, {
    allowHosts: options.allowHosts,
    timeoutMs,
    timestamp: Math.floor(options.now().getTime() / 1000),
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
  const finishedAt = options.now();
  if (outcome.delivered) {
    await finishDelivery(options.db, delivery, {
      status: 'delivered',
      at: finishedAt.toISOString(),
      lastStatus: outcome.status,
      durationMs: outcome.durationMs,
    });
    return;
  }
  // A refused address stays refused whatever the schedule: retrying would only knock again.
  const delay =
    outcome.failure === 'address-not-allowed'
      ? undefined
      : retryDelayMs(delivery.attempts, (options.random ?? Math.random)());
  options.log.warn(
    {
      deliveryId: delivery.id,
      attempts: delivery.attempts,
      status: outcome.status,
      failure: outcome.failure,
      detail: outcome.detail,
    },
    delay === undefined ? 'webhook delivery failed for good' : 'webhook delivery failed; will retry',
  );
  const failed = { lastStatus: outcome.status, failure: outcome.failure, durationMs: outcome.durationMs };
  await finishDelivery(
    options.db,
    delivery,
    delay === undefined
      ? { status: 'failed', ...failed }
      : { status: 'pending', nextAttemptAt: new Date(finishedAt.getTime() + delay).toISOString(), ...failed },
  );
}

/** One pass over the queue: claims what is due (each by exactly one worker) and sends it. */
export async function deliverDueWebhooks(options: WebhookWorkerOptions): Promise<number> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now();
  const nowIso = now.toISOString();
  const leaseUntil = new Date(now.getTime() + timeoutMs + LEASE_MARGIN_MS).toISOString();
  const candidates = await listDueDeliveryIds(options.db, nowIso, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const claimed: ClaimedDelivery[] = [];
  for (const id of candidates) {
    const delivery = await claimDelivery(options.db, id, nowIso, leaseUntil);
    if (delivery) claimed.push(delivery);
  }
  await Promise.all(claimed.map((delivery) => attempt(options, delivery, timeoutMs)));
  return claimed.length;
}

/**
 * Starts sending webhook deliveries in the background: a pass at once, then one every
 * `intervalMs` (sooner while a full batch keeps coming back). Safe to run in several processes.
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<number> | undefined;
  const runOnce = () => deliverDueWebhooks(options);
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(loop, delayMs);
    timer.unref();
  };
  const loop = () => {
    pass = runOnce().catch((error: unknown) => {
      options.log.error({ err: error }, 'webhook worker pass failed');
      return 0;
    });
    void pass.then((attempted) => {
      pass = undefined;
      schedule(attempted >= (options.batchSize ?? DEFAULT_BATCH_SIZE) ? 0 : options.intervalMs);
    });
  };
  schedule(0);
  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await pass;
    },
  };
}
