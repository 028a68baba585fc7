import { DateTime } from 'luxon';
import type { Config } from '../../platform/config.js';
import type { DigestFrequency } from '../../platform/database/index.js';
import { repeatEvery } from '../../platform/repeat.js';
import type { NewsletterDeps } from '../deps.js';
import { type PlanDeps, type PlanOutcome, planRun } from './plan.js';
import { newSenderId, sendPending } from './sender.js';

const FREQUENCIES: DigestFrequency[] = ['daily', 'weekly'];
const WEEKDAY_NUMBER = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

export interface DueSlot {
  /** The local date of the send, `2026-12-01`: one run per list and date. */
  slot: string;
  dueAt: Date;
}

function localeTimeZone(config: Config, locale: string): string {
  return config.NEWSLETTER_TIME_ZONES[locale] ?? config.NEWSLETTER_TIME_ZONE;
}

/**
 * The latest send time at or before `now` for a frequency, at NEWSLETTER_SEND_HOUR in the
 * locale's time zone (a weekly one on NEWSLETTER_WEEKLY_DAY). Luxon does the zone arithmetic,
 * daylight-saving changes included: 08:00 in New York is 13:00 UTC in winter, 12:00 in summer.
 */
export function latestDueSlot(
  config: Config,
  frequency: DigestFrequency,
  locale: string,
  now: Date,
): DueSlot {
  const local = DateTime.fromJSDate(now, { zone: localeTimeZone(config, locale) });
  let send = local.set({ hour: config.NEWSLETTER_SEND_HOUR, minute: 0, second: 0, millisecond: 0 });
  if (frequency === 'weekly') {
    const back = (send.weekday - WEEKDAY_NUMBER[config.NEWSLETTER_WEEKLY_DAY] + 7) % 7;
    send = send.minus({ days: back });
    if (send > local) send = send.minus({ weeks: 1 });
  } else if (send > local) {
    send = send.minus({ days: 1 });
  }
  // In a gap (a clock jumping past the hour), Luxon moves forward to a real instant.
  return { slot: send.toISODate() ?? '', dueAt: send.toJSDate() };
}

export function planDepsOf(deps: NewsletterDeps & { compose: PlanDeps['compose'] }): PlanDeps {
  return {
    db: deps.db,
    compose: deps.compose,
    secret: deps.secret,
    messageIdDomain: deps.config.newsletterDomain,
    now: deps.now,
  };
}

/** Plans every run that is due and not planned yet, for each locale that has active subscribers. */
export async function planDueRuns(
  deps: NewsletterDeps & { compose: PlanDeps['compose'] },
): Promise<PlanOutcome[]> {
  const rows = await deps.db
    .selectFrom('subscribers')
    .select(['locale', 'frequency'])
    .where('state', '=', 'active')
    .groupBy(['locale', 'frequency'])
    .execute();
  const outcomes: PlanOutcome[] = [];
  const now = deps.now();
  for (const frequency of FREQUENCIES) {
    for (const { locale } of rows.filter((row) => row.frequency === frequency)) {
      const due = latestDueSlot(deps.config, frequency, locale, now);
      outcomes.push(await planRun(planDepsOf(deps), { frequency, locale, kind: 'scheduled', ...due }));
    }
  }
  return outcomes;
}

/**
 * The newsletter's background work in `serve` and `velocity worker`: each tick plans the runs that
 * came due and sends what is pending. Several processes may run it at once: planning is idempotent
 * and deliveries are claimed, so each message still goes out once. `stop()` ends the send under
 * way: unsent deliveries go back to the queue at once for another process to send.
 */
export function startNewsletterScheduler(
  deps: NewsletterDeps & { compose: PlanDeps['compose'] },
  options: {
    intervalMs: number;
    /** Told how many messages were sent or failed since it was last told (the metrics' send rate). */
    onProgress?: (delta: { sent: number; failed: number }) => void;
  },
): { stop(): Promise<void> } {
  const senderId = newSenderId();
  const tick = async (signal: AbortSignal) => {
    try {
      await planDueRuns(deps);
      if (signal.aborted) return;
      // Tallies count from the start of each run; the listener gets what changed.
      const told = { sent: 0, failed: 0 };
      const tell = (t: { sent: number; failed: number }) => {
        options.onProgress?.({ sent: t.sent - told.sent, failed: t.failed - told.failed });
        told.sent = t.sent;
        told.failed = t.failed;
      };
      const tally = await sendPending(deps, {
        onProgress: tell,
        senderId,
        untilIdle: true,
        maxIdleWaitMs: options.intervalMs,
        signal,
      });
      tell(tally);
      if (tally.sent + tally.failed > 0) deps.log.info({ tally }, 'newsletter deliveries sent');
    } catch (error) {
      deps.log.error({ err: error }, 'newsletter scheduler tick failed');
    }
  };
  return repeatEvery(tick, options.intervalMs);
}
