import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/database/index.js';

export interface ArchiveOptions {
  stories: number;
  /** The newest story's first publication; each older one is a few minutes earlier. */
  newest: Date;
  /** Archive stories seeded already: the new ones continue below them in time. */
  skip?: number;
  /** Scheduled (not yet live) variants added on top, for the scheduler's query. */
  scheduled?: number;
  /** Rows per INSERT statement (SQLite allows 32,766 bound values per statement). */
  batchSize?: number;
}

const MINUTE = 60_000;
const LOCALES = ['zh', 'en'] as const;

/**
 * A large published archive written straight into the tables, in batches in one transaction:
 * the store's import path renders Markdown and checks languages for each variant, far too slow
 * for 100,000 stories. The rows keep the listing rule by construction: each story's
 * `first_published_at` (and its tags') is its zh variant's publication, the earlier of its two.
 * Sections and entities must exist already (`seedTaxonomy`); stories cycle through them.
 */
export async function seedArchive(db: Kysely<Database>, options: ArchiveOptions): Promise<void> {
  const batchSize = options.batchSize ?? 500;
  const sections = await db.selectFrom('sections').select('id').orderBy('id').execute();
  const entities = await db.selectFrom('entities').select('id').orderBy('id').execute();
  if (sections.length === 0 || entities.length < 2) throw new Error('seed the taxonomy first');
  await db.transaction().execute(async (trx) => {
    const first = await trx
      .selectFrom('stories')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    const offset = Number(first?.id ?? 0);
    for (let start = 0; start < options.stories; start += batchSize) {
      const count = Math.min(batchSize, options.stories - start);
      const numbers = Array.from({ length: count }, (_, i) => start + i);
      const skip = options.skip ?? 0;
      const publishedAt = (n: number) =>
        new Date(options.newest.getTime() - (skip + n) * 7 * MINUTE).toISOString();
      const inserted = await trx
        .insertInto('stories')
        .values(
          numbers.map((n) => ({
            section_id: (sections[n % sections.length] as { id: number }).id,
            source_locale: 'zh',
            hero_media_id: null,
            created_at: publishedAt(n),
            updated_at: publishedAt(n),
            first_published_at: publishedAt(n),
          })),
        )
        .returning('id')
        .execute();
      const ids = inserted.map((row) => row.id);
      await trx
        .insertInto('story_variants')
        .values(
          numbers.flatMap((n, i) =>
            LOCALES.map((locale, l) => ({
              story_id: ids[i] as number,
              locale,
              title: locale === 'zh' ? `存档报道 ${offset + n}` : `Archive story ${offset + n}`,
              slug: `archive-${offset + n}`,
              summary: locale === 'zh' ? '一篇存档报道的摘要。' : 'The summary of an archived story.',
              body_markdown: 'Body.',
              body_html: '<p>Body.</p>',
              faq: '[]',
              hero_alt: '',
              status: 'published' as const,
              published_at: new Date(Date.parse(publishedAt(n)) + l * 60 * MINUTE).toISOString(),
              updated_at: publishedAt(n),
              revision: 1,
              translated_from_revision: locale === 'zh' ? null : 1,
            })),
          ),
        )
        .execute();
      await trx
        .insertInto('story_entities')
        .values(
          numbers.flatMap((n, i) => {
            const a = (entities[n % entities.length] as { id: number }).id;
            const b = (entities[(n * 7 + 1) % entities.length] as { id: number }).id;
            return [...new Set([a, b])].map((entityId, position) => ({
              story_id: ids[i] as number,
              entity_id: entityId,
              position,
              first_published_at: publishedAt(n),
            }));
          }),
        )
        .execute();
    }
    const scheduled = options.scheduled ?? 0;
    for (let n = 0; n < scheduled; n++) {
      const story = await trx
        .insertInto('stories')
        .values({
          section_id: (sections[0] as { id: number }).id,
          source_locale: 'en',
          hero_media_id: null,
          created_at: options.newest.toISOString(),
          updated_at: options.newest.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('story_variants')
        .values({
          story_id: story.id,
          locale: 'en',
          title: `Scheduled story ${offset + n}`,
          slug: `scheduled-${offset + n}`,
          summary: '',
          body_markdown: 'Body.',
          faq: '[]',
          hero_alt: '',
          status: 'scheduled',
          publish_at: new Date(options.newest.getTime() + (n + 1) * MINUTE).toISOString(),
          updated_at: options.newest.toISOString(),
          revision: 1,
          translated_from_revision: null,
        })
        .execute();
    }
  });
}
