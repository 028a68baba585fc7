import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { assertCan } from './access.js';
import { parseInput } from './schema.js';

// The editor's "Story link" button: stories whose title or slug holds the words typed, in one
// language, so the editor can insert `[title](story:id)` without looking the id up by hand.

const LinkSearchSchema = z.object({
  query: z.string().trim().min(1).max(100),
  locale: z.string().min(2).max(35),
  limit: z.number().int().min(1).max(20).default(8),
});

export interface StoryLinkMatch {
  storyId: number;
  title: string;
  slug: string;
  status: string;
}

/** `%`, `_` and `\` typed by a person are matched literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchStoryLinks(
  db: Kysely<Database>,
  actor: Actor,
  input: z.input<typeof LinkSearchSchema>,
): Promise<StoryLinkMatch[]> {
  const { query, locale, limit } = parseInput(LinkSearchSchema, input);
  assertCan(actor, { action: 'story.view' });
  const pattern = likePattern(query.toLowerCase());
  const rows = await db
    .selectFrom('story_variants')
    .select(['story_id', 'title', 'slug', 'status'])
    .where('locale', '=', locale)
    // ESCAPE spelled out: SQLite has no default escape character for LIKE, PostgreSQL's is `\`.
    .where(
      sql<boolean>`(lower(title) like ${pattern} escape '\\' or lower(slug) like ${pattern} escape '\\')`,
    )
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ storyId: r.story_id, title: r.title, slug: r.slug, status: r.status }));
}
