import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import type { Logger } from '../platform/logger.js';
import type { Resolve } from '../platform/outbound/index.js';
import { retryDelayMs } from './backoff.js';
import {
  type ClaimedDelivery,
  claimDelivery,
  finishDelivery,
  listDueDeliveryIds,
  releaseDelivery,
} from './queries.js';
import { SendCancelled, sendDelivery } from './send.js';

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
  /** How long a stop lets sends already on the wire finish before it aborts them. */
  inFlightGraceMs?: number;
}

export interface WebhookWorker {
  /**
   * Stops the loop: nothing more is claimed or started, sends already on the wire get a short
   * grace to finish (the receiver may have taken them), then are aborted, and what was claimed
   * but not delivered is handed back for another worker; resolves once that is done.
   */
  stop(): Promise<void>;
  /** One pass: claims and sends what is due now; returns how many it attempted. */
  runOnce(): Promise<number>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_BATCH_SIZE = 10;
// A claim outlives the longest send (timeout, redirects) with a margin; a worker that died
// mid-send lets the delivery go after this.
const LEASE_MARGIN_MS = 50_000;
// A send whose body has reached the receiver and whose answer is on its way is let finish: cut
// off, it would be handed back and received a second time.
const IN_FLIGHT_GRACE_MS = 3000;

/** A pass's two ways of being stopped: no more claims or starts, and sends cut off. */
interface PassSignals {
  stopClaiming?: AbortSignal;
  abortSends?: AbortSignal;
}

/** Gives a claim back unsent, so that another worker retries it now rather than after the lease. */
async function handBack(options: WebhookWorkerOptions, delivery: ClaimedDelivery) {
  const released = await releaseDelivery(options.db, delivery);
  options.log.info({ deliveryId: delivery.id, released }, 'webhook delivery handed back on stop');
}

async function attempt(
  options: WebhookWorkerOptions,
  delivery: ClaimedDelivery,
  timeoutMs: number,
  signals: PassSignals,
) {
  // Claimed, but the stop came before it went out: back at once, nothing to wait for.
  if (signals.stopClaiming?.aborted) return handBack(options, delivery);
  const signal = signals.abortSends;
  let outcome: Awaited<ReturnType<typeof sendDelivery>>;
  try {
    outcome = await sendDelivery(delivery, {
      allowHosts: options.allowHosts,
      timeoutMs,
      timestamp: Math.floor(options.now().getTime() / 1000),
      ...(options.resolve ? { resolve: options.resolve } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof SendCancelled) return handBack(options, delivery);
    throw error;
  }
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

/**
 * One pass over the queue: claims what is due (each by exactly one worker) and sends it. Once
 * `signal` is aborted the pass claims and starts nothing more and hands back what it had not
 * started; a send under way is cut off by `abortSends` (by default the same signal).
 */
export async function deliverDueWebhooks(
  options: WebhookWorkerOptions,
  signal?: AbortSignal,
  abortSends: AbortSignal | undefined = signal,
): Promise<number> {
  if (signal?.aborted) return 0;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now();
  const nowIso = now.toISOString();
  const leaseUntil = new Date(now.getTime() + timeoutMs + LEASE_MARGIN_MS).toISOString();
  const candidates = await listDueDeliveryIds(options.db, nowIso, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const claimed: ClaimedDelivery[] = [];
  for (const id of candidates) {
    if (signal?.aborted) break;
    const delivery = await claimDelivery(options.db, id, nowIso, leaseUntil);
    if (delivery) claimed.push(delivery);
  }
  // A stop that came while claiming: the attempt sees the aborted signal and hands back unsent.
  const signals: PassSignals = {
    ...(signal ? { stopClaiming: signal } : {}),
    ...(abortSends ? { abortSends } : {}),
  };
  await Promise.all(claimed.map((delivery) => attempt(options, delivery, timeoutMs, signals)));
  return claimed.length;
}

/**
 * Starts sending webhook deliveries in the background: a pass at once, then one every
 * `intervalMs` (sooner while a full batch keeps coming back). Safe to run in several processes.
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  // Not repeatEvery: a full batch brings the next pass forward, which a fixed interval cannot.
  const stopping = new AbortController();
  const cutOff = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<number> | undefined;
  const runOnce = () => deliverDueWebhooks(options, stopping.signal, cutOff.signal);
  const schedule = (delayMs: number) => {
    if (stopping.signal.aborted) return;
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
      stopping.abort();
      if (timer) clearTimeout(timer);
      const grace = setTimeout(() => cutOff.abort(), options.inFlightGraceMs ?? IN_FLIGHT_GRACE_MS);
      try {
        await pass;
      } finally {
        clearTimeout(grace);
        cutOff.abort();
      }
    },
  };
}
