import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import type { Logger } from '../platform/logger.js';
import { retryDelayMs } from './backoff.js';
import { type ClaimedDelivery, claimDelivery, finishDelivery, listDueDeliveryIds } from './queries.js';
import { signatureHeader } from './signature.js';

export interface WebhookWorkerOptions {
  db: Kysely<Database>;
  log: Logger;
  now: () => Date;
  fetch: typeof fetch;
  /** Pause between passes over the queue. */
  intervalMs: number;
  /** How long one POST may take, response included. */
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
const MAX_SAME_HOST_REDIRECTS = 3;
const ERROR_TEXT_LIMIT = 300;

type Outcome =
  | { delivered: true; status: number }
  | { delivered: false; status: number | null; error: string };

/** Reads at most `limit` bytes of a response body, for the delivery log, then lets it go. */
async function bodyExcerpt(response: Response, limit: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).toString('utf8', 0, Math.min(size, limit)).replace(/\s+/g, ' ').trim();
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'Timed out';
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

/**
 * POSTs the delivery. Redirects are followed only within the webhook's own origin (scheme, host
 * and port), a few times at most: a redirect elsewhere could send the signed body to a host the
 * owner never registered.
 */
async function send(
  options: WebhookWorkerOptions,
  delivery: ClaimedDelivery,
  timeoutMs: number,
): Promise<Outcome> {
  const timestamp = Math.floor(options.now().getTime() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'CodeVelocity-Webhooks/1',
    'x-velocity-event': delivery.event,
    'x-velocity-delivery': String(delivery.id),
    'x-velocity-timestamp': String(timestamp),
    'x-velocity-signature': signatureHeader(delivery.secret, timestamp, delivery.payload),
  };
  const origin = new URL(delivery.url).origin;
  const signal = AbortSignal.timeout(timeoutMs);
  let target = delivery.url;
  try {
    for (let hop = 0; ; hop++) {
      const response = await options.fetch(target, {
        method: 'POST',
        headers,
        body: delivery.payload,
        redirect: 'manual',
        signal,
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel().catch(() => {});
        const next = new URL(location, target);
        if (next.origin !== origin) {
          return {
            delivered: false,
            status: response.status,
            error: `Redirect to another host (${next.origin}) not followed`,
          };
        }
        if (hop >= MAX_SAME_HOST_REDIRECTS) {
          return { delivered: false, status: response.status, error: 'Too many redirects' };
        }
        target = next.href;
        continue;
      }
      if (response.status >= 200 && response.status < 300) {
        await response.body?.cancel().catch(() => {});
        return { delivered: true, status: response.status };
      }
      const excerpt = await bodyExcerpt(response, ERROR_TEXT_LIMIT);
      return {
        delivered: false,
        status: response.status,
        error: `HTTP ${response.status}${excerpt ? `: ${excerpt}` : ''}`.slice(0, ERROR_TEXT_LIMIT),
      };
    }
  } catch (error) {
    return { delivered: false, status: null, error: describeError(error).slice(0, ERROR_TEXT_LIMIT) };
  }
}

async function attempt(options: WebhookWorkerOptions, delivery: ClaimedDelivery, timeoutMs: number) {
  const outcome = await send(options, delivery, timeoutMs);
  const finishedAt = options.now();
  if (outcome.delivered) {
    await finishDelivery(options.db, delivery, {
      status: 'delivered',
      at: finishedAt.toISOString(),
      lastStatus: outcome.status,
    });
    return;
  }
  const delay = retryDelayMs(delivery.attempts, (options.random ?? Math.random)());
  options.log.warn(
    { deliveryId: delivery.id, attempts: delivery.attempts, status: outcome.status, error: outcome.error },
    delay === undefined ? 'webhook delivery failed for good' : 'webhook delivery failed; will retry',
  );
  await finishDelivery(
    options.db,
    delivery,
    delay === undefined
      ? { status: 'failed', lastStatus: outcome.status, lastError: outcome.error }
      : {
          status: 'pending',
          nextAttemptAt: new Date(finishedAt.getTime() + delay).toISOString(),
          lastStatus: outcome.status,
          lastError: outcome.error,
        },
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
