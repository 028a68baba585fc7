import type { Kysely } from 'kysely';
import { appendChange } from '../platform/change-log.js';
import { type Database, inTransaction } from '../platform/database/index.js';
import type { Outcome } from './outcome.js';
import { retryingSlugRace } from './slug-race.js';

type Db = Kysely<Database>;

export interface WorkflowOptions {
  now: Date;
}

/**
 * Runs one use case's writes as one transaction: everything a person's action changes commits
 * together or not at all, with the change log's row naming what readers will see differ (so every
 * process drops those pages). A lost race for a free slug reruns the whole of it (retryingSlugRace).
 */
export function runUseCase<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return retryingSlugRace(db, () => recordedWrite(db, work));
}

/**
 * One transaction whose result's outcome (the result itself, or its `outcome` field) is appended
 * to the change log before it commits; for writes that pick no slug (names, settings, media).
 */
export function recordedWrite<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return inTransaction(db, async (trx) => {
    const result = await work(trx);
    await recordOutcome(trx, outcomeIn(result));
    return result;
  });
}

/** Appends an outcome's change to the log in `trx`; nothing for an outcome readers cannot see. */
export async function recordOutcome(trx: Db, outcome: Outcome | null | undefined): Promise<void> {
  if (!outcome?.change) return;
  const names = 'reloadNames' in outcome && outcome.reloadNames === true;
  // The process clock: the time only decides when the row is pruned.
  await appendChange(trx, { ...outcome.change, names, shares: [] }, new Date());
}

// Use cases return an Outcome, something extending it, or a record carrying one as `outcome`.
function outcomeIn(result: unknown): Outcome | null {
  if (typeof result !== 'object' || result === null) return null;
  if ('change' in result && 'events' in result) return result as Outcome;
  if ('outcome' in result) return outcomeIn(result.outcome);
  return null;
}
