import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/index.js';
import type { Topic } from '../queries.js';

type Db = Kysely<Database>;

export interface DigestPeriod {
  topics: Topic[];
  /** ISO instant, inclusive. */
  since: string;
  /** ISO instant, exclusive. */
  until: string;
}

/** Timestamps are stored as `toISOString()` text, so bounds must be in that exact form to compare. */
export function normaliseInstant(value: string, name: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${name} is not an ISO instant: ${value}`);
  return date.toISOString();
}

/**
 * Ids of the stories first published in the period that match the topics, newest first.
 * "First published" is the story's `first_published_at`, as on the site's lists: a translation
 * published later does not bring an old story back into a digest. A story matches when its
 * section's key is a section topic or one of its entities' slugs is an entity topic; no topics
 * means every story. The period is a range of the `stories_listing` index.
 */
export async function listDigestStoryIds(db: Db, period: DigestPeriod): Promise<number[]> {
  const sectionKeys = period.topics.filter((t) => t.kind === 'section').map((t) => t.key);
  const entitySlugs = period.topics.filter((t) => t.kind === 'entity').map((t) => t.key);
  let query = db
    .selectFrom('stories')
    .select('stories.id as story_id')
    .where('stories.first_published_at', '>=', period.since)
    .where('stories.first_published_at', '<', period.until);
  if (period.topics.length > 0) {
    query = query.where((eb) =>
      eb.or([
        ...(sectionKeys.length > 0
          ? [
              eb(
                'stories.section_id',
                'in',
                eb.selectFrom('sections').select('sections.id').where('sections.key', 'in', sectionKeys),
              ),
            ]
          : []),
        ...(entitySlugs.length > 0
          ? [
              eb.exists(
                eb
                  .selectFrom('story_entities')
                  .innerJoin('entities', 'entities.id', 'story_entities.entity_id')
                  .select('story_entities.story_id')
                  .whereRef('story_entities.story_id', '=', 'stories.id')
                  .where('entities.slug', 'in', entitySlugs),
              ),
            ]
          : []),
      ]),
    );
  }
  const rows = await query
    .orderBy('stories.first_published_at', 'desc')
    .orderBy('stories.id', 'desc')
    .execute();
  return rows.map((row) => row.story_id);
}
