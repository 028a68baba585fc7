import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import { SlugTaken } from '../stories/index.js';

const SLUG_RACE_ATTEMPTS = 3;

/**
 * Runs a write that picks a free slug, again when it lost a race for that slug: two saves of the
 * same title can both find `…-3` free before either commits, and the loser's transaction is void.
 * Run again, it finds the next number. Inside a caller's transaction nothing can be rerun, so the
 * conflict goes up (a 409).
 */
export async function retryingSlugRace<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof SlugTaken) || db.isTransaction || attempt >= SLUG_RACE_ATTEMPTS) throw error;
    }
  }
}
