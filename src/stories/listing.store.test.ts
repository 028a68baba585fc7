import { CompiledQuery, type Kysely, type RootOperationNode, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedArchive } from '../../test/support/archive.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { seedTaxonomy } from '../../test/support/factories.js';
import type { Database } from '../platform/database/index.js';
import {
  countPublishedStories,
  type ListedStory,
  type ListingFilter,
  listPublishedStories,
  listPublishedVariantRefs,
} from './index.js';

const now = new Date('2026-11-21T12:00:00Z');
const ARCHIVE = 400;

/** Every SQL statement `run` sends, compiled, so each can be explained. */
async function statementsOf(db: Kysely<Database>, run: (db: Kysely<Database>) => Promise<unknown>) {
  const nodes: RootOperationNode[] = [];
  await run(
    db.withPlugin({
      transformQuery: ({ node }) => {
        nodes.push(node);
        return node;
      },
      transformResult: async ({ result }) => result,
    }),
  );
  return nodes.map((node) => db.getExecutor().compileQuery(node, { queryId: 'plan' }));
}

/** The plan of every statement `run` sends, one text per statement. */
async function plansOf(
  database: TestDatabase,
  run: (db: Kysely<Database>) => Promise<unknown>,
): Promise<string[]> {
  const statements = await statementsOf(database.db, run);
  if (database.dialect === 'sqlite') {
    return Promise.all(
      statements.map(async (s) => {
        const rows = await database.db.executeQuery<{ detail: string }>(
          CompiledQuery.raw(`explain query plan ${s.sql}`, [...s.parameters]),
        );
        return rows.rows.map((r) => r.detail).join('\n');
      }),
    );
  }
  // With a few hundred rows PostgreSQL would rightly read whole tables; with sequential scans
  // priced out, the plan shows whether an index can give the order without a sort.
  return database.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const plans: string[] = [];
    for (const s of statements) {
      const rows = await trx.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain ${s.sql}`, [...s.parameters]),
      );
      plans.push(rows.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    return plans;
  });
}

describe.each(DIALECTS)('story lists on %s', (dialect) => {
  let database: TestDatabase;
  let ids: { chips: number; nvidia: number };
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    await seedArchive(database.db, { stories: ARCHIVE, newest: now, scheduled: 20, batchSize: 100 });
    const chips = await database.db
      .selectFrom('sections')
      .select('id')
      .where('key', '=', 'chips')
      .executeTakeFirstOrThrow();
    const nvidia = await database.db
      .selectFrom('entities')
      .select('id')
      .where('slug', '=', 'nvidia')
      .executeTakeFirstOrThrow();
    ids = { chips: chips.id, nvidia: nvidia.id };
    await sql`analyze`.execute(database.db);
  });
  afterAll(async () => {
    await database.destroy();
  });

  const everyPage = async (filter: Omit<ListingFilter, 'limit'>) => {
    const pages: ListedStory[][] = [];
    let before: ListedStory | undefined;
    for (;;) {
      const page = await listPublishedStories(database.db, {
        ...filter,
        limit: 25,
        ...(before ? { before: { firstPublishedAt: before.firstPublishedAt, storyId: before.storyId } } : {}),
      });
      if (page.length === 0) return pages;
      pages.push(page);
      before = page[page.length - 1];
    }
  };

  it.each<[string, (ids: { chips: number; nvidia: number }) => Omit<ListingFilter, 'limit'>]>([
    ['the front page', () => ({})],
    ['a section', (ids) => ({ sectionId: ids.chips })],
    ['an entity hub', (ids) => ({ entityId: ids.nvidia })],
  ])('pages %s by cursor through what one long list holds, in order', async (_, filterOf) => {
    const filter = filterOf(ids);
    const whole = await listPublishedStories(database.db, { ...filter, limit: ARCHIVE + 1 });
    expect(whole.length).toBe(await countPublishedStories(database.db, filter));
    expect((await everyPage(filter)).flat()).toEqual(whole);
    const sorted = [...whole].sort(
      (a, b) => b.firstPublishedAt.localeCompare(a.firstPublishedAt) || b.storyId - a.storyId,
    );
    expect(whole).toEqual(sorted);
    const middle = whole[40] as ListedStory;
    const newer = await listPublishedStories(database.db, { ...filter, limit: 5, after: middle });
    expect(newer).toEqual(whole.slice(35, 40).reverse());
  });

  describe('plans', () => {
    const sqliteSorts = /USE TEMP B-TREE FOR ORDER BY/;
    // Half-way down the archive: each story is seven minutes older than the one before.
    const cursor = {
      firstPublishedAt: new Date(now.getTime() - 200 * 7 * 60_000).toISOString(),
      storyId: 201,
    };

    it.each<[string, (ids: { chips: number; nvidia: number }) => ListingFilter, string]>([
      ['the front page', () => ({ limit: 13 }), 'stories_listing'],
      ['an older front page', () => ({ limit: 13, before: cursor }), 'stories_listing'],
      ['a section', (ids) => ({ sectionId: ids.chips, limit: 13 }), 'stories_section_listing'],
      [
        'an older section page',
        (ids) => ({ sectionId: ids.chips, limit: 13, before: cursor }),
        'stories_section_listing',
      ],
      ['an entity hub', (ids) => ({ entityId: ids.nvidia, limit: 13 }), 'story_entities_listing'],
      [
        "an entity hub's newer page",
        (ids) => ({ entityId: ids.nvidia, limit: 13, after: cursor }),
        'story_entities_listing',
      ],
    ])('reads %s off its index in order, without sorting the archive', async (_, filterOf, index) => {
      const [plan] = await plansOf(database, (db) => listPublishedStories(db, filterOf(ids)));
      expect(plan).toContain(index);
      if (dialect === 'sqlite') {
        expect(plan).not.toMatch(sqliteSorts);
        expect(plan).not.toMatch(/SCAN story_variants/);
      } else {
        expect(plan).toMatch(/Index (Only )?Scan/);
        expect(plan).not.toMatch(/Sort/);
        expect(plan).not.toMatch(/story_variants/);
      }
    });

    it("finds the sitemap index's latest variant by its index", async () => {
      const [plan] = await plansOf(database, (db) => listPublishedVariantRefs(db, { limit: 1 }));
      expect(plan).toContain('story_variants_published');
      if (dialect === 'sqlite') expect(plan).not.toMatch(sqliteSorts);
      else expect(plan).not.toMatch(/Sort/);
    });

    it('finds due scheduled variants by their index', async () => {
      const { listDueVariantIds } = await import('../editorial/queries.js');
      const [plan] = await plansOf(database, (db) => listDueVariantIds(db, now, 100));
      expect(plan).toContain('story_variants_due');
      if (dialect === 'sqlite') expect(plan).not.toMatch(sqliteSorts);
      else expect(plan).not.toMatch(/Sort/);
    });
  });
});
