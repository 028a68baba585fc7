import type { Kysely } from 'kysely';
import type { AdminNoticeKind, Database, ReviewState } from '../platform/database/index.js';

type Db = Kysely<Database>;

// The SQL of review and coordination: a variant's review state, the queue, the team's notes on a
// story and each person's admin notices.

export interface StoryReview {
  storyId: number;
  locale: string;
  state: ReviewState;
  requestedBy: number | null;
  requestedByName: string;
  requestedAt: string;
  decidedBy: number | null;
  decidedByName: string;
  decidedAt: string | null;
  note: string;
}

function reviewQuery(db: Db) {
  return db
    .selectFrom('story_reviews as r')
    .leftJoin('users as requester', 'requester.id', 'r.requested_by')
    .leftJoin('users as decider', 'decider.id', 'r.decided_by')
    .select([
      'r.story_id',
      'r.locale',
      'r.state',
      'r.requested_by',
      'r.requested_at',
      'r.decided_by',
      'r.decided_at',
      'r.note',
      'requester.display_name as requester_name',
      'requester.email as requester_email',
      'decider.display_name as decider_name',
      'decider.email as decider_email',
    ]);
}

type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewQuery>['executeTakeFirstOrThrow']>>;

function toReview(row: ReviewRow): StoryReview {
  return {
    storyId: row.story_id,
    locale: row.locale,
    state: row.state,
    requestedBy: row.requested_by,
    requestedByName: row.requester_name || row.requester_email || '',
    requestedAt: row.requested_at,
    decidedBy: row.decided_by,
    decidedByName: row.decider_name || row.decider_email || '',
    decidedAt: row.decided_at,
    note: row.note,
  };
}

export async function findStoryReview(
  db: Db,
  storyId: number,
  locale: string,
): Promise<StoryReview | undefined> {
  const row = await reviewQuery(db)
    .where('r.story_id', '=', storyId)
    .where('r.locale', '=', locale)
    .executeTakeFirst();
  return row ? toReview(row) : undefined;
}

/** Starts or restarts a variant's review; one row per variant, so a resubmit replaces the last round. */
export async function upsertSubmittedReview(
  db: Db,
  review: { storyId: number; locale: string; requestedBy: number; at: string },
): Promise<void> {
  await db
    .insertInto('story_reviews')
    .values({
      story_id: review.storyId,
      locale: review.locale,
      state: 'submitted',
      requested_by: review.requestedBy,
      requested_at: review.at,
      decided_by: null,
      decided_at: null,
      note: '',
    })
    .onConflict((oc) =>
      oc.columns(['story_id', 'locale']).doUpdateSet({
        state: 'submitted',
        requested_by: review.requestedBy,
        requested_at: review.at,
        decided_by: null,
        decided_at: null,
        note: '',
      }),
    )
    .execute();
}

/**
 * Records a decision only while the review is still `from`: two editors deciding at once, or a
 * double click, change it once; the loser matches no row and is told.
 */
export async function decideReview(
  db: Db,
  decision: {
    storyId: number;
    locale: string;
    from: ReviewState;
    to: ReviewState;
    decidedBy: number;
    at: string;
    note: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('story_reviews')
    .set({ state: decision.to, decided_by: decision.decidedBy, decided_at: decision.at, note: decision.note })
    .where('story_id', '=', decision.storyId)
    .where('locale', '=', decision.locale)
    .where('state', '=', decision.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Claims the row for a submit: true when it was absent or not already waiting. */
export async function isWaitingForReview(db: Db, storyId: number, locale: string): Promise<boolean> {
  const row = await db
    .selectFrom('story_reviews')
    .select('state')
    .where('story_id', '=', storyId)
    .where('locale', '=', locale)
    .executeTakeFirst();
  return row?.state === 'submitted';
}

export interface QueueEntry {
  storyId: number;
  locale: string;
  title: string;
  requestedByName: string;
  requestedAt: string;
}

/**
 * The drafts waiting for a decision, oldest first (the index story_reviews_queue serves it). A
 * variant an editor published or scheduled without deciding has left the queue: it is no draft.
 */
export async function listReviewQueue(db: Db, options: { limit: number }): Promise<QueueEntry[]> {
  const rows = await reviewQuery(db)
    .innerJoin('story_variants as v', (join) =>
      join.onRef('v.story_id', '=', 'r.story_id').onRef('v.locale', '=', 'r.locale'),
    )
    .select('v.title')
    .where('r.state', '=', 'submitted')
    .where('v.status', '=', 'draft')
    .orderBy('r.requested_at', 'asc')
    .orderBy('r.id', 'asc')
    .limit(options.limit)
    .execute();
  return rows.map((row) => ({
    storyId: row.story_id,
    locale: row.locale,
    title: row.title,
    requestedByName: row.requester_name || row.requester_email || '',
    requestedAt: row.requested_at,
  }));
}

export async function countReviewQueue(db: Db): Promise<number> {
  const row = await db
    .selectFrom('story_reviews as r')
    .innerJoin('story_variants as v', (join) =>
      join.onRef('v.story_id', '=', 'r.story_id').onRef('v.locale', '=', 'r.locale'),
    )
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('r.state', '=', 'submitted')
    .where('v.status', '=', 'draft')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface StoryNote {
  id: number;
  authorName: string;
  body: string;
  createdAt: string;
}

export async function insertStoryNote(
  db: Db,
  note: { storyId: number; userId: number; body: string; at: string },
): Promise<number> {
  const row = await db
    .insertInto('story_notes')
    .values({ story_id: note.storyId, user_id: note.userId, body: note.body, created_at: note.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A story's notes, oldest first, at most `limit` of the newest. */
export async function listStoryNotes(
  db: Db,
  storyId: number,
  options: { limit: number },
): Promise<StoryNote[]> {
  const rows = await db
    .selectFrom('story_notes as n')
    .leftJoin('users as u', 'u.id', 'n.user_id')
    .select(['n.id', 'n.body', 'n.created_at', 'u.display_name', 'u.email'])
    .where('n.story_id', '=', storyId)
    .orderBy('n.id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.reverse().map((row) => ({
    id: row.id,
    authorName: row.display_name || row.email || '',
    body: row.body,
    createdAt: row.created_at,
  }));
}

export interface Recipient {
  id: number;
  email: string;
  displayName: string;
  uiLocale: string;
}

/** Everyone who decides reviews (editors and owners) and may still sign in. */
export async function listReviewers(db: Db): Promise<Recipient[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'ui_locale'])
    .where('role', 'in', ['editor', 'owner'])
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, displayName: r.display_name, uiLocale: r.ui_locale }));
}

export async function findRecipient(db: Db, userId: number): Promise<Recipient | undefined> {
  const r = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'ui_locale'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return r ? { id: r.id, email: r.email, displayName: r.display_name, uiLocale: r.ui_locale } : undefined;
}

export async function insertNotices(
  db: Db,
  notices: {
    userId: number;
    kind: AdminNoticeKind;
    storyId: number;
    locale: string;
    actorName: string;
    note: string;
    at: string;
  }[],
): Promise<void> {
  if (notices.length === 0) return;
  await db
    .insertInto('admin_notices')
    .values(
      notices.map((n) => ({
        user_id: n.userId,
        kind: n.kind,
        story_id: n.storyId,
        locale: n.locale,
        actor_name: n.actorName,
        note: n.note,
        created_at: n.at,
        read_at: null,
      })),
    )
    .execute();
}

export interface AdminNotice {
  id: number;
  kind: AdminNoticeKind;
  storyId: number | null;
  locale: string;
  actorName: string;
  note: string;
  /** The variant's title now (empty once the story is gone). */
  title: string;
  createdAt: string;
  read: boolean;
}

export async function listNotices(
  db: Db,
  userId: number,
  options: { limit: number },
): Promise<AdminNotice[]> {
  const rows = await db
    .selectFrom('admin_notices as n')
    .leftJoin('story_variants as v', (join) =>
      join.onRef('v.story_id', '=', 'n.story_id').onRef('v.locale', '=', 'n.locale'),
    )
    .selectAll('n')
    .select('v.title')
    .where('n.user_id', '=', userId)
    .orderBy('n.id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    storyId: r.story_id,
    locale: r.locale,
    actorName: r.actor_name,
    note: r.note,
    title: r.title ?? '',
    createdAt: r.created_at,
    read: r.read_at !== null,
  }));
}

export async function countUnreadNotices(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('admin_notices')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one notice (or, without `id`, all) of this person read; someone else's is never touched. */
export async function markNoticesRead(db: Db, userId: number, at: string, id?: number): Promise<number> {
  let query = db
    .updateTable('admin_notices')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== undefined) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Read notices older than `before` go; unread ones stay until their person has seen them. */
export async function deleteNoticesReadBefore(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('admin_notices')
    .where('read_at', 'is not', null)
    .where('read_at', '<', before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
