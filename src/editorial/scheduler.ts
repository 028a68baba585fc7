import type { Kysely } from 'kysely';
import { recordAudit } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import type { Logger } from '../platform/logger.js';
import { repeatEvery } from '../platform/repeat.js';
import { findStory } from '../stories/index.js';
import { changeOfStory, event, mergeOutcomes, type Outcome } from './outcome.js';
import { claimDueVariant, listDueVariantIds } from './queries.js';
import { recordOutcome } from './use-case.js';

type Db = Kysely<Database>;

const BATCH = 100;

export interface SchedulerRun extends Outcome {
  /** The variants this run published (and no other run did). */
  published: { storyId: number; locale: string }[];
}

/**
 * The scheduler's due publish of one variant: the claim is one conditional UPDATE, so two
 * schedulers never both publish it; its audit entry follows. Not one transaction on purpose: on
 * SQLite a second connection's write waits synchronously (better-sqlite3's busy wait) and would
 * stall the event loop under a transaction still holding the lock, which the two-connection
 * scheduler test shows. Its change-log row is appended right after the claim, before anything
 * else, for the same reason outside a transaction: a process dying between the two leaves the
 * other processes' pages stale until evicted. Undefined when another run claimed it first.
 */
async function publishDueVariant(
  db: Db,
  variantId: number,
  now: Date,
): Promise<{ storyId: number; locale: string; outcome: Outcome } | undefined> {
  const claimed = await claimDueVariant(db, variantId, now);
  if (!claimed) return undefined;
  const story = await findStory(db, claimed.storyId);
  const outcome = {
    change: story ? changeOfStory(story) : null,
    events: [event('story.published', claimed, now)],
  };
  await recordOutcome(db, outcome);
  await recordAudit(
    db,
    {
      actor: { id: null, email: 'system' },
      action: 'story.publish',
      subject: { kind: 'story', id: claimed.storyId },
      locale: claimed.locale,
      summary: story?.variants.find((v) => v.locale === claimed.locale)?.title ?? '',
      details: { scheduled: true },
    },
    now,
  );
  return { ...claimed, outcome };
}

/**
 * Publishes every scheduled variant whose time has come, each exactly once and each in its own
 * transaction. Anything that came due while nothing ran is published by the next run.
 */
export async function publishDueVariants(db: Db, now: Date): Promise<SchedulerRun> {
  const published: SchedulerRun['published'] = [];
  const outcomes: Outcome[] = [];
  for (;;) {
    const ids = await listDueVariantIds(db, now, BATCH);
    for (const id of ids) {
      const done = await publishDueVariant(db, id, now);
      if (!done) continue;
      published.push({ storyId: done.storyId, locale: done.locale });
      outcomes.push(done.outcome);
    }
    if (ids.length < BATCH) break;
  }
  return { ...mergeOutcomes(outcomes), published };
}

export interface SchedulerOptions {
  db: Db;
  log: Logger;
  now: () => Date;
  /** Time between runs; a run starts at once, so nothing due waits for the first interval. */
  intervalMs: number;
  /** Told of what each run published, to drop cached pages and notify integrators. */
  onPublished: (run: SchedulerRun) => Promise<void>;
}

/** Runs `publishDueVariants` now and then every `intervalMs`, never two runs at once. */
export function startScheduler(options: SchedulerOptions): { stop(): Promise<void> } {
  const tick = async () => {
    try {
      const run = await publishDueVariants(options.db, options.now());
      if (run.published.length > 0) {
        options.log.info({ published: run.published }, 'scheduled variants published');
        await options.onPublished(run);
      }
    } catch (error) {
      options.log.error({ err: error }, 'scheduled publishing failed; retrying at the next run');
    }
  };
  return repeatEvery(tick, options.intervalMs);
}
