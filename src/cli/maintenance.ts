import type { Kysely } from 'kysely';
import { pruneAccounts } from '../accounts/index.js';
import {
  deleteNoticesReadBefore,
  deletePreviewTokensExpiredBefore,
  pruneAutosaves,
} from '../editorial/index.js';
import { pruneSignupAttempts } from '../newsletter/index.js';
import { pruneChangesBefore } from '../platform/change-log.js';
import { type Database, pruneSharedLimits } from '../platform/database/index.js';
import type { Logger } from '../platform/logger.js';
import { repeatEvery } from '../platform/repeat.js';
import { pruneShareVisits } from '../stories/index.js';

/**
 * How long the change log keeps a row: a follower replays from the last change it applied, so a
 * process cut off from the database for up to this long still learns of every change.
 */
const CHANGE_LOG_KEPT_MS = 24 * 3_600_000;
/** A notice someone has read stays listed (greyed) for a month, then goes. */
const READ_NOTICES_KEPT_MS = 30 * 24 * 3_600_000;

/** How many rows of each kind one prune removed. */
export interface PruneReport {
  sessions: number;
  signInThrottles: number;
  setupLinks: number;
  shareVisits: number;
  signupAttempts: number;
  previewLinks: number;
  /** Autosaved drafts nobody came back to within a month. */
  autosaves: number;
  /** Share and test-send windows, leases and newsletter pacing slots no longer in force. */
  sharedLimits: number;
  changes: number;
  /** Admin notices read more than READ_NOTICES_KEPT_MS ago. */
  readNotices: number;
}

/**
 * Removes what is kept only for a while: expired sessions, sign-in throttles idle for a day,
 * used, voided or expired setup links, share visits of earlier days, newsletter signup attempts
 * older than their hour, expired preview links, shared rate windows and pacing slots past their
 * time, change-log rows older than CHANGE_LOG_KEPT_MS, and admin notices read long ago. Each is one DELETE by time, so several
 * processes running it at once only repeat each other's work.
 */
export async function pruneExpired(db: Kysely<Database>, now: Date): Promise<PruneReport> {
  const accounts = await pruneAccounts(db, now);
  return {
    ...accounts,
    shareVisits: await pruneShareVisits(db, now),
    signupAttempts: await pruneSignupAttempts(db, now),
    previewLinks: await deletePreviewTokensExpiredBefore(db, now),
    autosaves: await pruneAutosaves(db, now),
    sharedLimits: await pruneSharedLimits(db, now.getTime()),
    changes: await pruneChangesBefore(db, new Date(now.getTime() - CHANGE_LOG_KEPT_MS)),
    readNotices: await deleteNoticesReadBefore(db, new Date(now.getTime() - READ_NOTICES_KEPT_MS)),
  };
}

/** Prunes at start and then every `intervalMs`, until stopped (letting a prune under way finish). */
export function startMaintenance(options: {
  db: Kysely<Database>;
  log: Logger;
  now: () => Date;
  intervalMs: number;
  /** Called after each prune (tests wait for it). */
  onPruned?: (report: PruneReport) => void;
}): { stop(): Promise<void> } {
  const tick = async () => {
    try {
      const report = await pruneExpired(options.db, options.now());
      options.log.debug({ removed: report }, 'expired rows pruned');
      options.onPruned?.(report);
    } catch (error) {
      options.log.error({ err: error }, 'pruning expired rows failed; retrying at the next run');
    }
  };
  return repeatEvery(tick, options.intervalMs);
}
