import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import { findStoryCards, type Story } from '../stories/index.js';

/**
 * Stories as cards (no bodies), kept in memory: the same recent stories appear as related stories
 * and in lists on most pages, so a page rendered on a cache miss seldom needs to read them again.
 * Any write readers can see empties it (see createSite), like the render cache's tags do for pages.
 */
export class StoryCardCache {
  private readonly cards = new Map<number, Story>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxEntries = 2000,
  ) {}

  /** The stories of `ids` that exist, in the order of `ids`. */
  async get(ids: number[]): Promise<Story[]> {
    const missing = ids.filter((id) => !this.cards.has(id));
    if (missing.length > 0) {
      if (this.cards.size + missing.length > this.maxEntries) this.cards.clear();
      for (const story of await findStoryCards(this.db, missing)) this.cards.set(story.id, story);
    }
    return ids.flatMap((id) => this.cards.get(id) ?? []);
  }

  clear(): void {
    this.cards.clear();
  }
}
