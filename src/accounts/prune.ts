import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import { deleteExpiredSessions, deleteSetupTokensBefore } from './queries.js';
import { deleteStaleThrottles } from './throttle.js';

/**
 * What accounts keep only for a while: expired sessions, sign-in throttles nobody touched for a
 * day, and one-time links once used, voided or expired. Returns how many rows of each went.
 */
export async function pruneAccounts(
  db: Kysely<Database>,
  now: Date,
): Promise<{ sessions: number; signInThrottles: number; setupLinks: number }> {
  return {
    sessions: await deleteExpiredSessions(db, now),
    signInThrottles: await deleteStaleThrottles(db, now),
    setupLinks: await deleteSetupTokensBefore(db, now),
  };
}
