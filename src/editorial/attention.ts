import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/database/index.js';
import { listReviewQueue } from './review-queries.js';

// What the newsroom's home page lists as needing attention, each read one bounded query that walks
// an index (migration 0016), so the page costs the same with ten stories or a million.

type Db = Kysely<Database>;

/** One variant named on the home page, with what links to it. */
export interface AttentionVariant {
  storyId: number;
  locale: string;
  title: string;
  /** The instant that puts it on the list: last change, or the scheduled publication. */
  at: string;
}

/** Drafts submitted for review and still waiting for an editor's decision, oldest request first. */
export async function listDraftsAwaitingReview(db: Db, limit: number): Promise<AttentionVariant[]> {
  const waiting = await listReviewQueue(db, { limit });
  return waiting.map((w) => ({ storyId: w.storyId, locale: w.locale, title: w.title, at: w.requestedAt }));
}

/** A translation made from an older revision of its source than the current one. */
export interface StaleTranslation extends AttentionVariant {
  sourceLocale: string;
  sourceTitle: string;
}

/**
 * Translations whose source changed since they were made (the stale rule of the story list),
 * the most recently changed sources first: walked from the sources by `updated_at`.
 */
export async function listStaleTranslations(db: Db, limit: number): Promise<StaleTranslation[]> {
  const rows = await db
    .selectFrom('story_variants as s')
    .innerJoin('stories', (join) =>
      join.onRef('stories.id', '=', 's.story_id').onRef('stories.source_locale', '=', 's.locale'),
    )
    .innerJoin('story_variants as t', (join) =>
      join.onRef('t.story_id', '=', 's.story_id').onRef('t.locale', '<>', 's.locale'),
    )
    .select([
      't.story_id',
      't.locale',
      't.title',
      's.locale as source_locale',
      's.title as source_title',
      's.updated_at',
    ])
    .where(sql<boolean>`(t.translated_from_revision is null or t.translated_from_revision < s.revision)`)
    .orderBy('s.updated_at', 'desc')
    .orderBy('s.id', 'desc')
    .orderBy('t.locale')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    storyId: r.story_id,
    locale: r.locale,
    title: r.title,
    at: r.updated_at,
    sourceLocale: r.source_locale,
    sourceTitle: r.source_title,
  }));
}

/** Variants scheduled to go live in [from, to), soonest first. */
export async function listScheduledVariants(
  db: Db,
  window: { from: string; to: string },
  limit: number,
): Promise<AttentionVariant[]> {
  const rows = await db
    .selectFrom('story_variants')
    .select(['story_id', 'locale', 'title', 'publish_at'])
    .where('status', '=', 'scheduled')
    .where('publish_at', '>=', window.from)
    .where('publish_at', '<', window.to)
    .orderBy('publish_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ storyId: r.story_id, locale: r.locale, title: r.title, at: r.publish_at ?? '' }));
}

/** A story with its share count, titled by its source variant. */
export interface SharedStory {
  storyId: number;
  locale: string;
  title: string;
  shares: number;
}

/** The stories shared most, by the share counter readers' share clicks keep. */
export async function listMostSharedStories(db: Db, limit: number): Promise<SharedStory[]> {
  const rows = await db
    .selectFrom('share_counts')
    .innerJoin('stories', 'stories.id', 'share_counts.story_id')
    .innerJoin('story_variants', (join) =>
      join
        .onRef('story_variants.story_id', '=', 'stories.id')
        .onRef('story_variants.locale', '=', 'stories.source_locale'),
    )
    .select(['stories.id', 'story_variants.locale', 'story_variants.title', 'share_counts.count'])
    .where('share_counts.count', '>', 0)
    .orderBy('share_counts.count', 'desc')
    .orderBy('share_counts.story_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ storyId: r.id, locale: r.locale, title: r.title, shares: Number(r.count) }));
}
