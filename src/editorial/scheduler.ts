import type { Kysely } from 'kysely';
import { recordAudit } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import type { Logger } from '../platform/logger.js';
import { repeatEvery } from '../platform/repeat.js';
import { findStory } from '../stories/index.js';
import { changeOfStory, event, mergeOutcomes, type Outcome } from './outcome.js';
import { claimDueVariant, listDueVariantIds } from './queries.js';

type Db = Kysely<Database>;

const BATCH = 100;

export interface SchedulerRun extends Outcome {
  /** The variants this run published (and no other run did). */
  published: { storyId: number; locale: string }[];
}

/**
 * Publishes every scheduled variant whose time has come, each exactly once: a variant is claimed
 * by one conditional UPDATE, so two schedulers (processes, or overlapping ticks) never both
 * publish it. Anything that came due while nothing ran is published by the next run.
 */
export async function publishDueVariants(db: Db, now: Date): Promise<SchedulerRun> {
  const published: SchedulerRun['published'] = [];
  const outcomes: Outcome[] = [];
  for (;;) {
    const ids = await listDueVariantIds(db, now, BATCH);
    for (const id of ids) {
      const claimed = await claimDueVariant(db, id, now);
      if (!claimed) continue;
      published.push(claimed);
      const story = await findStory(db, claimed.storyId);
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
      outcomes.push({
        change: story ? changeOfStory(story) : null,
        events: [event('story.published', claimed, now)],
      });
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
