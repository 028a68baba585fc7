import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { NewsletterDeps } from '../deps.js';
import { type CachedIssue, type DeliveryJob, deliver, sleep } from './deliver.js';
import { claimDeliveries, type DeliveryRow, nextDueAt, releaseClaims, renewClaims } from './deliveries.js';
import { completeIssues, findIssueById } from './issues.js';
import { issueMessage } from './message.js';
import { DomainPacer } from './pacing.js';
import { SentRecorder } from './sent-recorder.js';

/** A `sendPending` run's tally, also what the progress callback receives as it grows. */
export interface SendTally {
  sent: number;
  /** Given up: retries exhausted, or refused for good. */
  failed: number;
  /** Not sent because the subscriber left or was suppressed meanwhile. */
  suppressed: number;
  /** Failed for now; back in the queue with a backoff. */
  retrying: number;
  /** Held back by per-domain pacing; back in the queue shortly. */
  deferred: number;
  /** Rows taken over from a sender whose lease had run out: possibly sent once already. */
  inDoubt: number;
}

export interface SendOptions {
  /** Names this sender in the claims it makes; unique per process by default. */
  senderId?: string;
  /** Return when nothing is due, instead of waiting for rows due within `maxIdleWaitMs`. */
  untilIdle?: boolean;
  /** How long a draining sender waits for deferred or retried rows coming due (default 60 s). */
  maxIdleWaitMs?: number;
  /**
   * Stops the sender: it claims nothing more and hands back at once what it has not yet passed
   * to the mail server; messages already passed get `inFlightGraceMs` (default 3 s) to be answered.
   */
  signal?: AbortSignal;
  inFlightGraceMs?: number;
  onProgress?: (tally: SendTally) => void;
}

export function newSenderId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

const ISSUE_CACHE_LIMIT = 64;
/** Claim the next batch once the queue is down to this share of a batch, so lanes never wait. */
const REFILL_AT = 0.5;
/** How long a stopping sender waits for the server's answer to messages already passed to it. */
const IN_FLIGHT_GRACE_MS = 3000;

/**
 * Sends every due delivery: claims a batch, sends each message (as many at once as the SMTP pool
 * has connections, twice over), records each outcome as soon as the server answers, and claims
 * the next batch before this one runs dry. A sender killed at any moment leaves claimed rows
 * whose lease runs out; whoever claims them next sends them with the same Message-ID. Nothing is
 * ever marked sent before the server took it. A sender stopped through `signal` gives its unsent
 * rows back at once; a message the server never answered within the grace stays claimed and in
 * doubt, as if the sender had died, since the server may have taken it.
 */
export async function sendPending(deps: NewsletterDeps, options: SendOptions = {}): Promise<SendTally> {
  const { config, db, log } = deps;
  const senderId = options.senderId ?? newSenderId();
  const pacer = new DomainPacer(db, config.NEWSLETTER_DOMAIN_PER_MINUTE);
  const leaseMs = config.NEWSLETTER_CLAIM_SECONDS * 1000;
  const tally: SendTally = { sent: 0, failed: 0, suppressed: 0, retrying: 0, deferred: 0, inDoubt: 0 };
  const issues = new Map<number, CachedIssue | undefined>();
  const sent = new SentRecorder(db, () => deps.now().toISOString());
  const report = () => options.onProgress?.({ ...tally });
  const leaseEnd = () => new Date(deps.now().getTime() + leaseMs).toISOString();
  const renewal = setInterval(
    () => {
      renewClaims(db, senderId, leaseEnd()).catch((error: unknown) =>
        log.warn({ err: error }, 'could not renew newsletter claims'),
      );
    },
    Math.max(250, leaseMs / 3),
  );
  renewal.unref();

  async function issueOf(id: number) {
    if (!issues.has(id)) {
      if (issues.size >= ISSUE_CACHE_LIMIT) issues.clear();
      const issue = await findIssueById(db, id);
      issues.set(id, issue ? { issue, message: issueMessage(deps, issue) } : undefined);
    }
    return issues.get(id);
  }

  const queue: DeliveryJob[] = [];
  let refilling: Promise<void> | null = null;
  let exhausted = false;
  let touched = new Set<number>();

  async function refill() {
    const claim = { senderId, now: deps.now().toISOString(), leaseUntil: leaseEnd() };
    const inDoubt = await claimDeliveries(db, {
      ...claim,
      kind: 'expired',
      limit: config.NEWSLETTER_BATCH_SIZE,
    });
    const due = await claimDeliveries(db, {
      ...claim,
      kind: 'due',
      limit: config.NEWSLETTER_BATCH_SIZE - inDoubt.length,
    });
    const batch = [...inDoubt, ...due];
    if (inDoubt.length > 0) {
      tally.inDoubt += inDoubt.length;
      log.warn(
        { deliveries: inDoubt.length },
        'taking over newsletter deliveries whose sender stopped mid-batch',
      );
    }
    if (batch.length === 0) {
      exhausted = true;
      return;
    }
    const recipients = await recipientsOf(deps, batch);
    const takenOver = new Set(inDoubt);
    for (const delivery of batch) {
      const cached = await issueOf(delivery.issue_id);
      const recipient = recipients.get(delivery.subscriber_id);
      queue.push({
        delivery,
        inDoubt: takenOver.has(delivery),
        senderId,
        cached,
        recipient,
        pacer,
        tally,
        sent,
        signal: options.signal,
      });
    }
    const finished = touched;
    touched = new Set(batch.map((d) => d.issue_id));
    await completeIssues(db, [...finished], deps.now().toISOString());
  }

  async function lane() {
    for (;;) {
      if (options.signal?.aborted) return;
      if (!exhausted && !refilling && queue.length <= config.NEWSLETTER_BATCH_SIZE * REFILL_AT) {
        refilling = refill().finally(() => {
          refilling = null;
        });
      }
      const job = queue.shift();
      if (!job) {
        if (!refilling) return;
        await refilling;
        continue;
      }
      if ((await deliver(deps, job)) === 'handed-back') queue.unshift(job);
      else report();
    }
  }

  // Whatever is claimed and queued goes back to the queue in the database, once a claim under way
  // has landed; lanes that stop short of the server put their job back here first.
  async function handBack() {
    await refilling;
    const unsent = queue.splice(0);
    if (unsent.length === 0) return;
    const rows = unsent.map((job) => ({ id: job.delivery.id, inDoubt: job.inDoubt }));
    await releaseClaims(db, senderId, rows, deps.now().toISOString());
    log.info({ deliveries: rows.length }, 'stopping: newsletter deliveries handed back unsent');
  }

  try {
    while (!options.signal?.aborted) {
      exhausted = false;
      const lanes = Promise.all(Array.from({ length: config.SMTP_POOL_SIZE * 2 }, lane));
      const settled = await settleOrStop(lanes, options.signal, handBack, options.inFlightGraceMs);
      if (!settled) {
        // Left to finish on their own: what they still record is true, and a failure is only logged.
        lanes.catch((error: unknown) => log.warn({ err: error }, 'newsletter send after stopping failed'));
        log.warn('stopping with newsletter messages unanswered by the server: left in doubt');
        break;
      }
      await sent.flush();
      await completeIssues(db, 'all', deps.now().toISOString());
      if (!(await waitForMore(deps, options))) break;
    }
  } finally {
    clearInterval(renewal);
    if (options.signal?.aborted) await handBack();
    await sent.flush();
  }
  return tally;
}

/**
 * Waits for `lanes` to end. Once `signal` aborts, runs `onStop` and then waits at most `graceMs`
 * more: false if the lanes were still busy (a server that stopped answering).
 */
async function settleOrStop(
  lanes: Promise<unknown>,
  signal: AbortSignal | undefined,
  onStop: () => Promise<void>,
  graceMs = IN_FLIGHT_GRACE_MS,
): Promise<boolean> {
  if (!signal) {
    await lanes;
    return true;
  }
  let onAbort = () => {};
  const aborted = new Promise<'stopped'>((resolve) => {
    onAbort = () => resolve('stopped');
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    if ((await Promise.race([lanes.then(() => 'done' as const), aborted])) === 'done') return true;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  await onStop();
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), graceMs);
  });
  try {
    return await Promise.race([lanes.then(() => true), graceOver]);
  } finally {
    clearTimeout(timer);
  }
}

async function recipientsOf(deps: NewsletterDeps, batch: DeliveryRow[]) {
  const rows = await deps.db
    .selectFrom('subscribers')
    .select(['id', 'email', 'locale', 'state', 'soft_bounces'])
    .where(
      'id',
      'in',
      batch.map((d) => d.subscriber_id),
    )
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** After an empty claim: true to try again (rows come due soon), false to stop. */
async function waitForMore(deps: NewsletterDeps, options: SendOptions): Promise<boolean> {
  const next = await nextDueAt(deps.db);
  if (next === null) return false;
  const waitMs = Math.max(50, new Date(next).getTime() - deps.now().getTime());
  if (options.untilIdle && waitMs > (options.maxIdleWaitMs ?? 60_000)) return false;
  await sleep(Math.min(waitMs, 1000), options.signal);
  return !options.signal?.aborted;
}
