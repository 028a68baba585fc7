import type { Kysely } from 'kysely';
import { type Database, inTransaction } from '../platform/database/index.js';
import { retryingSlugRace } from './slug-race.js';

type Db = Kysely<Database>;

export interface WorkflowOptions {
  now: Date;
}

/**
 * Runs one use case's writes as one transaction: everything a person's action changes commits
 * together or not at all. A lost race for a free slug reruns the whole of it (retryingSlugRace).
 */
export function runUseCase<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return retryingSlugRace(db, () => inTransaction(db, work));
}
