import type { NewsletterDeps } from '../deps.js';
import { classifySendError } from '../mailer.js';
import { recordNewsletterEvent, suppressSubscriber } from '../suppression.js';
import { type DeliveryRow, markFinished, requeue } from './deliveries.js';
import type { IssueRow } from './issues.js';
import { deliveryCopy, type IssueMessage, type Recipient } from './message.js';
import { type DomainPacer, recipientDomain } from './pacing.js';
import type { SendTally } from './sender.js';
import type { SentRecorder } from './sent-recorder.js';

// One delivery's part of a send run (sender.ts claims the rows and runs the lanes): pacing by the
// recipient's domain, the message itself, and the outcome written back while the claim is ours.

export interface CachedIssue {
  issue: IssueRow;
  message: IssueMessage;
}

export interface DeliveryJob {
  delivery: DeliveryRow;
  /** Taken over from a sender whose lease ran out. */
  inDoubt: boolean;
  /** The claim this job holds; an outcome is written only while the row is still ours. */
  senderId: string;
  cached: CachedIssue | undefined;
  recipient: (Recipient & { state: string; soft_bounces: number }) | undefined;
  pacer: DomainPacer;
  tally: SendTally;
  sent: SentRecorder;
  signal: AbortSignal | undefined;
}

/** Sends one message and records the outcome; 'handed-back' when the sender stopped first. */
export async function deliver(deps: NewsletterDeps, job: DeliveryJob): Promise<'done' | 'handed-back'> {
  const { db } = deps;
  const { delivery, cached, recipient, tally } = job;
  const at = () => deps.now().toISOString();
  // Unsubscribing takes effect at once: checked here, at send time, not when the issue was planned.
  if (!cached || cached.issue.state === 'empty' || !recipient || recipient.state !== 'active') {
    await markFinished(db, { id: delivery.id, claimedBy: job.senderId }, 'suppressed', at());
    tally.suppressed += 1;
    return 'done';
  }
  const slot = await job.pacer.reserve(recipientDomain(recipient.email), deps.now().getTime());
  if ('deferMs' in slot) {
    const dueAt = new Date(deps.now().getTime() + slot.deferMs).toISOString();
    await requeue(
      db,
      { id: delivery.id, claimedBy: job.senderId },
      { dueAt, at: at(), countsAsAttempt: false },
    );
    tally.deferred += 1;
    return 'done';
  }
  if (slot.waitMs > 0) await sleep(slot.waitMs, job.signal);
  // The last moment to give the row back unsent: from here the server may take it.
  if (job.signal?.aborted) return 'handed-back';
  try {
    await deps.mailer.sendRaw(deliveryCopy(deps, cached.message, recipient, delivery.message_id));
  } catch (error) {
    await recordFailure(deps, job, classifySendError(error));
    return 'done';
  }
  await job.sent.record(delivery.id);
  tally.sent += 1;
  // The soft-bounce limit counts bounces in a row: a message that got through starts it again.
  if (recipient.soft_bounces > 0) {
    await db.updateTable('subscribers').set({ soft_bounces: 0 }).where('id', '=', recipient.id).execute();
  }
  return 'done';
}

async function recordFailure(
  deps: NewsletterDeps,
  job: DeliveryJob,
  failure: ReturnType<typeof classifySendError>,
): Promise<void> {
  const { db, config, log } = deps;
  const { delivery, recipient, tally } = job;
  const at = deps.now().toISOString();
  const email = recipient?.email ?? '';
  const event = {
    provider: 'smtp',
    provider_event_id: null,
    email,
    subscriber_id: delivery.subscriber_id,
    delivery_id: delivery.id,
    message_id: delivery.message_id,
    detail: failure.detail,
    occurred_at: at,
    received_at: at,
  };
  if (failure.kind === 'temporary' && delivery.attempts < config.NEWSLETTER_MAX_ATTEMPTS) {
    // 1, 4, 16, 64 … times the base wait: a server that is down gets room to recover.
    const backoffMs = config.NEWSLETTER_RETRY_SECONDS * 1000 * 4 ** (delivery.attempts - 1);
    const dueAt = new Date(deps.now().getTime() + backoffMs).toISOString();
    await requeue(
      db,
      { id: delivery.id, claimedBy: job.senderId },
      {
        dueAt,
        at,
        error: failure.detail,
        countsAsAttempt: true,
      },
    );
    tally.retrying += 1;
    return;
  }
  await markFinished(db, { id: delivery.id, claimedBy: job.senderId }, 'failed', at, failure.detail);
  tally.failed += 1;
  if (failure.kind === 'permanent-address') {
    const suppressed = await suppressSubscriber(db, delivery.subscriber_id, 'smtp_permanent', at);
    await recordNewsletterEvent(db, {
      ...event,
      kind: 'smtp_permanent',
      action: suppressed ? 'suppressed' : 'already_suppressed',
    });
  } else {
    await recordNewsletterEvent(db, {
      ...event,
      kind: failure.kind === 'temporary' ? 'smtp_temporary' : 'smtp_permanent',
      action: 'failed',
    });
  }
  log.warn({ delivery: delivery.id, failure }, 'newsletter delivery failed');
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
