// npm run bench archive: the front page, a section and an entity hub rendered with the render cache
// off (so every request runs its SQL), at 10,000 and then 100,000 stories in zh and en on a
// SQLite file. The list queries read an index in order and stop after a page, so the times should
// not grow with the archive: the ratio 100k/10k is the figure. Beside them, the SQL alone of the
// list shape used before (every published variant grouped by story, sorted on min(published_at),
// OFFSET paging, plus the count that numbered the pages), run on the same database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { composePlatform } from '../src/cli/compose.js';
import { loadConfig } from '../src/platform/config.js';
import { type Database, migrateToLatest, openDatabase } from '../src/platform/database/index.js';
import { createLogger } from '../src/platform/logger.js';
import { RenderCache } from '../src/platform/render-cache.js';
import { upsertEntity } from '../src/stories/index.js';
import { seedArchive } from '../test/support/archive.js';
import { seedTaxonomy } from '../test/support/factories.js';

const SIZES = [10_000, 100_000];
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
// The old shape takes up to a second a request at 100,000 stories; fewer samples say enough.
const OLD_REQUESTS = Math.max(10, Math.round(REQUESTS / 10));
const WARM_UP = 20;
const ENTITIES = 50;
const PAGE_SIZE = 12;
const now = new Date('2026-11-28T00:00:00Z');

interface Timing {
  medianMs: number;
  p95Ms: number;
}

async function timed(times: number, run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] as number;
  return { medianMs: at(0.5), p95Ms: at(0.95) };
}

// The list query as it was before migration 0009, kept here only to measure against.
function oldListing(db: Kysely<Database>, filter: { sectionId?: number; entityId?: number }) {
  let query = db
    .selectFrom('story_variants')
    .innerJoin('stories', 'stories.id', 'story_variants.story_id')
    .where('story_variants.status', '=', 'published')
    .groupBy('story_variants.story_id');
  if (filter.sectionId !== undefined) query = query.where('stories.section_id', '=', filter.sectionId);
  if (filter.entityId !== undefined) {
    const entityId = filter.entityId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('story_entities')
          .select('story_entities.story_id')
          .whereRef('story_entities.story_id', '=', 'stories.id')
          .where('story_entities.entity_id', '=', entityId),
      ),
    );
  }
  return query;
}

async function oldListPage(
  db: Kysely<Database>,
  filter: { sectionId?: number; entityId?: number },
  limit: number,
  offset: number,
) {
  return oldListing(db, filter)
    .select([
      'story_variants.story_id',
      sql<string>`min(story_variants.published_at)`.as('first_published_at'),
    ])
    .orderBy('first_published_at', 'desc')
    .orderBy('story_variants.story_id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

async function oldCount(db: Kysely<Database>, filter: { sectionId?: number; entityId?: number }) {
  return db
    .selectFrom(oldListing(db, filter).select('story_variants.story_id').as('listed'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
}

// BENCH_DATABASE_URL=postgres://… runs it on PostgreSQL instead, in a schema of its own.
const databaseUrl = process.env.BENCH_DATABASE_URL;
const pgSchema = `archive_bench_${process.pid}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-archive-bench-'));
async function asAdmin(url: string, statement: ReturnType<typeof sql>): Promise<void> {
  const admin = openDatabase({ databaseUrl: url });
  await statement.execute(admin.db);
  await admin.close();
}
if (databaseUrl) await asAdmin(databaseUrl, sql`create schema ${sql.id(pgSchema)}`);
const handle = databaseUrl
  ? openDatabase({ databaseUrl, pgSchema })
  : openDatabase({ sqliteFile: path.join(dataDir, 'velocity.db') });
const { db } = handle;
console.log(`on ${handle.dialect}`);
try {
  await migrateToLatest(db as never, handle.dialect);
  await seedTaxonomy(db);
  for (let i = 0; i < ENTITIES; i++) {
    await upsertEntity(
      db,
      {
        slug: `bench-entity-${i}`,
        kind: 'company',
        translations: {
          zh: { name: `公司${i}`, aliases: [], description: '' },
          en: { name: `Company ${i}`, aliases: [], description: '' },
        },
      },
      now,
    );
  }
  const chips = await db
    .selectFrom('sections')
    .select('id')
    .where('key', '=', 'chips')
    .executeTakeFirstOrThrow();
  const nvidia = await db
    .selectFrom('entities')
    .select('id')
    .where('slug', '=', 'nvidia')
    .executeTakeFirstOrThrow();
  const sectionIds = (await db.selectFrom('sections').select('id').execute()).map((s) => s.id);

  const config = loadConfig({
    SITE_URL: 'https://news.example.test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  });
  const results: { stories: number; rows: [string, Timing][] }[] = [];
  let seeded = 0;
  for (const size of SIZES) {
    const start = Date.now();
    // Older stories are added below the newest ones, so the first pages show the same stories.
    await seedArchive(db, { stories: size - seeded, newest: now, skip: seeded, batchSize: 500 });
    seeded = size;
    await sql`analyze`.execute(db);
    console.log(`${size} stories seeded (${((Date.now() - start) / 1000).toFixed(1)} s)`);

    // A cache of no entries stores nothing: every request renders and runs its SQL.
    const { app, mailer } = await composePlatform({
      db,
      config,
      cache: new RenderCache(0),
      log: createLogger('silent'),
      secret: 'bench-secret-key-0123456789',
      now: () => now,
    });
    const get = async (pathname: string) => {
      const response = await app.request(`https://news.example.test${pathname}`);
      if (response.status !== 200) throw new Error(`${pathname}: ${response.status}`);
      return response.text();
    };
    const first = await get('/en/chips/');
    if (!first.includes('/en/chips/archive-')) throw new Error('the section page lists no archive story');
    const older = /rel="next" href="([^"]+)"/.exec(first)?.[1];
    if (!older) throw new Error('the section page links no older page');
    // A page deep in the archive: where page 400 of the old numbering started.
    const deepStart = await oldListPage(db, { sectionId: chips.id }, 1, 400 * PAGE_SIZE - 1);
    const deep = `/en/chips/?before=${String(deepStart[0]?.first_published_at).replace(/[-:]/g, '')}_${deepStart[0]?.story_id}`;
    const rows: [string, Timing][] = [
      ['front page', await timed(REQUESTS, () => get('/en/'))],
      ['section page', await timed(REQUESTS, () => get('/en/chips/'))],
      ['section, 2nd page', await timed(REQUESTS, () => get(older))],
      ['section, page 400', await timed(REQUESTS, () => get(deep))],
      ['entity hub', await timed(REQUESTS, () => get('/en/topics/nvidia'))],
      [
        'old SQL: front page',
        await timed(OLD_REQUESTS, async () => {
          await oldListPage(db, {}, 7, 0);
          for (const sectionId of sectionIds) await oldListPage(db, { sectionId }, 4, 0);
        }),
      ],
      [
        'old SQL: section page',
        await timed(OLD_REQUESTS, async () => {
          await oldListPage(db, { sectionId: chips.id }, PAGE_SIZE, 0);
          await oldCount(db, { sectionId: chips.id });
        }),
      ],
      [
        'old SQL: section, page 400',
        await timed(OLD_REQUESTS, () => oldListPage(db, { sectionId: chips.id }, PAGE_SIZE, 399 * PAGE_SIZE)),
      ],
      [
        'old SQL: entity hub',
        await timed(OLD_REQUESTS, async () => {
          await oldListPage(db, { entityId: nvidia.id }, PAGE_SIZE, 0);
          await oldCount(db, { entityId: nvidia.id });
        }),
      ],
    ];
    mailer.close();
    results.push({ stories: size, rows });
  }

  const [small, large] = results;
  if (!small || !large) throw new Error('both archive sizes must run');
  const ms = (value: number) => value.toFixed(2).padStart(9);
  console.log('');
  console.log(`render times with the render cache off, ${REQUESTS} requests each (median / p95, ms):`);
  console.log(
    `${''.padEnd(28)}${'10k median'.padStart(11)}${'p95'.padStart(9)}${'100k median'.padStart(13)}${'p95'.padStart(9)}   100k/10k`,
  );
  small.rows.forEach(([name, at10k], index) => {
    const at100k = (large.rows[index] as [string, Timing])[1];
    console.log(
      `${name.padEnd(28)}${ms(at10k.medianMs)}  ${ms(at10k.p95Ms)}    ${ms(at100k.medianMs)}  ${ms(at100k.p95Ms)}   ${(at100k.medianMs / at10k.medianMs).toFixed(2)}`,
    );
  });
} finally {
  await handle.close();
  if (databaseUrl) await asAdmin(databaseUrl, sql`drop schema ${sql.id(pgSchema)} cascade`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
