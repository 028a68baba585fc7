import { type Kysely, sql } from 'kysely';
import { containsText, type Database, type VariantStatus } from '../platform/database/index.js';
import { type FaqItem, updateFirstPublished } from '../stories/index.js';

type Db = Kysely<Database>;

// The editorial workflow's own SQL: authorship, revisions, preview links, the scheduler's claims
// and the newsroom's story list. Content itself is written through the stories feature.

export async function findAuthorId(db: Db, storyId: number): Promise<number | null> {
  const row = await db.selectFrom('stories').select('author_id').where('id', '=', storyId).executeTakeFirst();
  return row?.author_id ?? null;
}

export async function updateAuthorId(db: Db, storyId: number, userId: number): Promise<void> {
  await db.updateTable('stories').set({ author_id: userId }).where('id', '=', storyId).execute();
  // The byline of the variants written so far credits the story's author unless someone else was named.
  await db
    .updateTable('story_variants')
    .set({ author_id: userId })
    .where('story_id', '=', storyId)
    .where('author_id', 'is', null)
    .execute();
}

/**
 * Takes the variant for one save: succeeds only while it is still at `revision`. On PostgreSQL the
 * UPDATE also locks the row until the transaction ends, so a concurrent save of the same revision
 * waits, then matches nothing and is told of the conflict instead of overwriting.
 */
export async function claimVariantRevision(db: Db, variantId: number, revision: number): Promise<boolean> {
  const result = await db
    .updateTable('story_variants')
    .set({ revision })
    .where('id', '=', variantId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface RevisionRow {
  id: number;
  storyId: number;
  locale: string;
  revision: number;
  title: string;
  slug: string;
  summary: string;
  body: string;
  faq: FaqItem[];
  heroAlt: string;
  savedAt: string;
  savedBy: { id: number; email: string; displayName: string } | null;
}

/** Snapshots a revision; with `ifMissing`, an existing snapshot of it is kept (and no error). */
export async function insertRevision(
  db: Db,
  row: Omit<RevisionRow, 'id' | 'savedBy'> & { savedBy: number | null },
  options: { ifMissing?: boolean } = {},
): Promise<void> {
  const insert = db.insertInto('story_revisions').values({
    story_id: row.storyId,
    locale: row.locale,
    revision: row.revision,
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    body_markdown: row.body,
    faq: JSON.stringify(row.faq),
    hero_alt: row.heroAlt,
    saved_by: row.savedBy,
    saved_at: row.savedAt,
  });
  if (options.ifMissing) {
    await insert.onConflict((oc) => oc.columns(['story_id', 'locale', 'revision']).doNothing()).execute();
  } else {
    await insert.execute();
  }
}

function revisionsOf(db: Db) {
  return db
    .selectFrom('story_revisions')
    .leftJoin('users', 'users.id', 'story_revisions.saved_by')
    .select([
      'story_revisions.id',
      'story_revisions.story_id',
      'story_revisions.locale',
      'story_revisions.revision',
      'story_revisions.title',
      'story_revisions.slug',
      'story_revisions.summary',
      'story_revisions.body_markdown',
      'story_revisions.faq',
      'story_revisions.hero_alt',
      'story_revisions.saved_at',
      'story_revisions.saved_by',
      'users.email',
      'users.display_name',
    ]);
}

type RevisionSelect = Awaited<ReturnType<ReturnType<typeof revisionsOf>['execute']>>[number];

function toRevision(row: RevisionSelect): RevisionRow {
  return {
    id: row.id,
    storyId: row.story_id,
    locale: row.locale,
    revision: row.revision,
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    body: row.body_markdown,
    faq: JSON.parse(row.faq) as FaqItem[],
    heroAlt: row.hero_alt,
    savedAt: row.saved_at,
    savedBy:
      row.saved_by !== null && row.email !== null
        ? { id: row.saved_by, email: row.email, displayName: row.display_name ?? '' }
        : null,
  };
}

export async function findRevision(
  db: Db,
  storyId: number,
  locale: string,
  revision: number,
): Promise<RevisionRow | undefined> {
  const row = await revisionsOf(db)
    .where('story_revisions.story_id', '=', storyId)
    .where('story_revisions.locale', '=', locale)
    .where('story_revisions.revision', '=', revision)
    .executeTakeFirst();
  return row && toRevision(row);
}

/** Newest first; every locale unless one is given. */
export async function listRevisionRows(db: Db, storyId: number, locale?: string): Promise<RevisionRow[]> {
  let query = revisionsOf(db).where('story_revisions.story_id', '=', storyId);
  if (locale !== undefined) query = query.where('story_revisions.locale', '=', locale);
  const rows = await query
    .orderBy('story_revisions.locale')
    .orderBy('story_revisions.revision', 'desc')
    .execute();
  return rows.map(toRevision);
}

// Preview links ---------------------------------------------------------------------------------

export async function insertPreviewToken(
  db: Db,
  token: {
    hash: string;
    storyId: number;
    locale: string;
    createdBy: number;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('preview_tokens')
    .values({
      token_hash: token.hash,
      story_id: token.storyId,
      locale: token.locale,
      created_by: token.createdBy,
      created_at: token.createdAt.toISOString(),
      expires_at: token.expiresAt.toISOString(),
    })
    .execute();
}

export async function findPreviewToken(
  db: Db,
  hash: string,
): Promise<{ storyId: number; locale: string; expiresAt: string } | undefined> {
  const row = await db
    .selectFrom('preview_tokens')
    .select(['story_id', 'locale', 'expires_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  return row && { storyId: row.story_id, locale: row.locale, expiresAt: row.expires_at };
}

export async function deletePreviewTokensExpiredBefore(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('preview_tokens')
    .where('expires_at', '<', before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// The scheduler ----------------------------------------------------------------------------------

/** Scheduled variants due at `now`, oldest first. Only candidates: each is then claimed. */
export async function listDueVariantIds(db: Db, now: Date, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('story_variants')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('publish_at', '<=', now.toISOString())
    .orderBy('publish_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Publishes one due variant if it is still scheduled and due. The condition sits in the UPDATE
 * itself, so of two schedulers (two processes, or two ticks) racing for the same variant exactly
 * one gets a row back; the other's UPDATE matches nothing. Timestamps are ISO strings in UTC, so
 * `publish_at <= now` compares as text on both dialects. The winner then updates the story's
 * place in lists; the caller runs both in its transaction (see publishDueVariant).
 */
export async function claimDueVariant(
  db: Db,
  variantId: number,
  now: Date,
): Promise<{ storyId: number; locale: string } | undefined> {
  const nowIso = now.toISOString();
  const claimed = await claimScheduledVariant(db, variantId, nowIso);
  if (claimed) await updateFirstPublished(db, [claimed.storyId]);
  return claimed;
}

async function claimScheduledVariant(
  db: Db,
  variantId: number,
  nowIso: string,
): Promise<{ storyId: number; locale: string } | undefined> {
  const row = await db
    .updateTable('story_variants')
    .set({
      status: 'published',
      // A variant published before keeps its first publication date (feeds and lists order by it).
      published_at: sql<string>`coalesce(published_at, ${nowIso})`,
      publish_at: null,
      updated_at: nowIso,
    })
    .where('id', '=', variantId)
    .where('status', '=', 'scheduled')
    .where('publish_at', '<=', nowIso)
    .returning(['story_id', 'locale'])
    .executeTakeFirst();
  return row && { storyId: row.story_id, locale: row.locale };
}

// The newsroom's list of stories ----------------------------------------------------------------

export interface DeskQuery {
  sectionId?: number | undefined;
  status?: VariantStatus | undefined;
  locale?: string | undefined;
  translation?: 'missing' | 'stale' | 'current' | undefined;
  query?: string | undefined;
  /** The site's enabled locales: what "missing" is measured against. */
  enabledLocales: string[];
  limit: number;
  offset: number;
}

// Stories matching the desk's filters. Translation state is per non-source variant: stale when it
// was made from an older revision of the source variant than the current one (or from an unknown
// one); missing when an enabled locale (the chosen one, or any) has no variant; current when
// neither holds. All of it stays in SQL so that paging and counting agree.
function deskStories(db: Db, filter: DeskQuery) {
  let query = db.selectFrom('stories');
  if (filter.sectionId !== undefined) query = query.where('stories.section_id', '=', filter.sectionId);
  const { locale, status } = filter;
  // With a translation filter, the locale says which translation is meant (and "missing in en"
  // must not also require an en variant); otherwise it asks for a variant in that locale.
  const variantLocale = filter.translation === undefined ? locale : status !== undefined ? locale : undefined;
  if (variantLocale !== undefined || status !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('story_variants as v')
          .select('v.id')
          .whereRef('v.story_id', '=', 'stories.id')
          .$if(variantLocale !== undefined, (q) => q.where('v.locale', '=', variantLocale as string))
          .$if(status !== undefined, (q) => q.where('v.status', '=', status as VariantStatus)),
      ),
    );
  }
  if (filter.query) {
    const text = filter.query;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('story_variants as v')
          .select('v.id')
          .whereRef('v.story_id', '=', 'stories.id')
          .where(containsText(db, 'v.title', text)),
      ),
    );
  }
  const staleExists = sql<boolean>`exists (
    select 1 from story_variants t
    join story_variants s on s.story_id = t.story_id and s.locale = stories.source_locale
    where t.story_id = stories.id and t.locale <> stories.source_locale
      ${locale !== undefined ? sql`and t.locale = ${locale}` : sql``}
      and (t.translated_from_revision is null or t.translated_from_revision < s.revision))`;
  const locales = locale !== undefined ? [locale] : filter.enabledLocales;
  const missing =
    locales.length === 0
      ? sql<boolean>`1 = 0`
      : sql<boolean>`(select count(*) from story_variants m
          where m.story_id = stories.id and m.locale in (${sql.join(locales)})) < ${locales.length}`;
  if (filter.translation === 'stale') query = query.where(staleExists);
  if (filter.translation === 'missing') query = query.where(missing);
  if (filter.translation === 'current') {
    query = query.where(sql<boolean>`not ${staleExists}`).where(sql<boolean>`not ${missing}`);
  }
  return query;
}

/** One page of story ids, most recently updated first, and how many match in all. */
export async function listDeskStoryIds(db: Db, filter: DeskQuery): Promise<{ ids: number[]; total: number }> {
  const [rows, count] = await Promise.all([
    deskStories(db, filter)
      .select('stories.id')
      .orderBy('stories.updated_at', 'desc')
      .orderBy('stories.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    deskStories(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}

export async function listStoryAuthors(
  db: Db,
  storyIds: number[],
): Promise<Map<number, { id: number; email: string; displayName: string }>> {
  if (storyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('stories')
    .innerJoin('users', 'users.id', 'stories.author_id')
    .select(['stories.id as story_id', 'users.id', 'users.email', 'users.display_name'])
    .where('stories.id', 'in', storyIds)
    .execute();
  return new Map(
    rows.map((r) => [r.story_id, { id: r.id, email: r.email, displayName: r.display_name }] as const),
  );
}
