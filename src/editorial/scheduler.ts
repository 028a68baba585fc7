import type { Kysely } from 'kysely';
import { recordAudit } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import type { Logger } from '../platform/logger.js';
import { repeatEvery } from '../platform/repeat.js';
import { findStory } from '../stories/index.js';
import { changeOfStory, event, mergeOutcomes, type Outcome } from './outcome.js';
import { claimDueVariant, listDueVariantIds } from './queries.js';
import { recordedWrite } from './use-case.js';

type Db = Kysely<Database>;

const BATCH = 100;

export interface SchedulerRun extends Outcome {
  /** The variants this run published (and no other run did). */
  published: { storyId: number; locale: string }[];
}

/**
 * The scheduler's due publish of one variant, as one transaction: the claim (with the story's
 * place in lists), the audit entry and the change-log row commit together or not at all, so a
 * process dying halfway leaves the variant scheduled for the next run rather than published
 * without the row that makes every other process drop its pages. The claim is one conditional
 * UPDATE, so of two schedulers racing for the variant exactly one gets it: on PostgreSQL the
 * loser's UPDATE waits on the row lock and then matches nothing. It is the transaction's first
 * statement, so on SQLite the transaction waits for the write lock at once rather than after a
 * read, which SQLite refuses to upgrade once another process has written in between. Undefined
 * when another run claimed it first.
 */
async function publishDueVariant(
  db: Db,
  variantId: number,
  now: Date,
): Promise<{ storyId: number; locale: string; outcome: Outcome } | undefined> {
  return recordedWrite(db, async (trx) => {
    const claimed = await claimDueVariant(trx, variantId, now);
    if (!claimed) return undefined;
    const story = await findStory(trx, claimed.storyId);
    const outcome = {
      change: story ? changeOfStory(story) : null,
      events: [event('story.published', claimed, now)],
    };
    await recordAudit(
      trx,
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
    // recordedWrite appends this outcome's change to the log last, before the commit.
    return { ...claimed, outcome };
  });
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
