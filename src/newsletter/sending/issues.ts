import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  Database,
  DigestFrequency,
  IssueKind,
  NewsletterIssuesTable,
  NewsletterRunsTable,
} from '../../platform/database/index.js';
import type { Topic } from '../queries.js';

type Db = Kysely<Database>;

export type IssueRow = Selectable<NewsletterIssuesTable>;
export type RunRow = Selectable<NewsletterRunsTable>;

/** One daily or weekly list of one locale over one slot. */
export interface RunKey {
  frequency: DigestFrequency;
  locale: string;
  slot: string;
}

/**
 * The list a subscriber's topics put them on: `section:models,entity:nvidia` (sorted, so the same
 * set always gives the same key), or `` for subscribers who follow everything.
 */
export function topicKey(topics: Topic[]): string {
  return [...new Set(topics.map((t) => `${t.kind}:${t.key}`))].sort().join(',');
}

export function topicsOfKey(key: string): Topic[] {
  if (key === '') return [];
  return key.split(',').map((part) => {
    const [kind, ...rest] = part.split(':');
    return { kind: kind as Topic['kind'], key: rest.join(':') };
  });
}

async function findRun(db: Db, key: RunKey): Promise<RunRow | undefined> {
  return db
    .selectFrom('newsletter_runs')
    .selectAll()
    .where('frequency', '=', key.frequency)
    .where('locale', '=', key.locale)
    .where('slot', '=', key.slot)
    .executeTakeFirst();
}

/** Records the run unless another planner did already; either way the run exists afterwards. */
export async function ensureRun(db: Db, key: RunKey & { kind: IssueKind; dueAt: string }): Promise<RunRow> {
  await db
    .insertInto('newsletter_runs')
    .values({
      frequency: key.frequency,
      locale: key.locale,
      slot: key.slot,
      kind: key.kind,
      due_at: key.dueAt,
    })
    .onConflict((oc) => oc.columns(['frequency', 'locale', 'slot']).doNothing())
    .execute();
  const run = await findRun(db, key);
  if (!run) throw new Error(`newsletter run ${key.frequency}/${key.locale}/${key.slot} vanished`);
  return run;
}

export async function markRunPlanned(db: Db, key: RunKey, at: string): Promise<void> {
  await db
    .updateTable('newsletter_runs')
    .set({ planned_at: at })
    .where('frequency', '=', key.frequency)
    .where('locale', '=', key.locale)
    .where('slot', '=', key.slot)
    .where('planned_at', 'is', null)
    .execute();
}

export async function findIssue(db: Db, key: RunKey & { topicKey: string }): Promise<IssueRow | undefined> {
  return db
    .selectFrom('newsletter_issues')
    .selectAll()
    .where('frequency', '=', key.frequency)
    .where('locale', '=', key.locale)
    .where('topic_key', '=', key.topicKey)
    .where('slot', '=', key.slot)
    .executeTakeFirst();
}

export async function findIssueById(db: Db, id: number): Promise<IssueRow | undefined> {
  return db.selectFrom('newsletter_issues').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Where the list's previous issue (sent or empty) ended: the next one starts there. */
export async function previousPeriodEnd(
  db: Db,
  key: RunKey & { topicKey: string },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('newsletter_issues')
    .select((eb) => eb.fn.max('period_end').as('end'))
    .where('frequency', '=', key.frequency)
    .where('locale', '=', key.locale)
    .where('topic_key', '=', key.topicKey)
    .where('slot', '!=', key.slot)
    .executeTakeFirst();
  return typeof row?.end === 'string' ? row.end : undefined;
}

export type NewIssue = Omit<NewsletterIssuesTable, 'id' | 'completed_at'>;

/** Stores a composed issue unless a concurrent planner stored the same one; returns the stored row. */
export async function insertIssue(db: Db, issue: NewIssue): Promise<IssueRow> {
  await db
    .insertInto('newsletter_issues')
    .values(issue)
    .onConflict((oc) => oc.columns(['frequency', 'locale', 'topic_key', 'slot']).doNothing())
    .execute();
  const stored = await findIssue(db, { ...issue, topicKey: issue.topic_key });
  if (!stored) throw new Error(`newsletter issue for ${issue.locale}/${issue.slot} vanished`);
  return stored;
}

/**
 * Marks `sending` issues `sent` once their run is fully planned and no delivery is left to try.
 * Checked after each batch for its issues, and for all when a sender runs out of work (an issue
 * whose last deliveries were suppressed by a bounce never reaches a batch).
 */
export async function completeIssues(db: Db, issueIds: number[] | 'all', at: string): Promise<void> {
  if (issueIds !== 'all' && issueIds.length === 0) return;
  let query = db.updateTable('newsletter_issues').set({ state: 'sent', completed_at: at });
  if (issueIds !== 'all') query = query.where('id', 'in', issueIds);
  await query
    .where('state', '=', 'sending')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('newsletter_deliveries')
            .select(sql<number>`1`.as('one'))
            .whereRef('newsletter_deliveries.issue_id', '=', 'newsletter_issues.id')
            .where('newsletter_deliveries.state', 'in', ['pending', 'sending']),
        ),
      ),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('newsletter_runs')
          .select(sql<number>`1`.as('one'))
          .whereRef('newsletter_runs.frequency', '=', 'newsletter_issues.frequency')
          .whereRef('newsletter_runs.locale', '=', 'newsletter_issues.locale')
          .whereRef('newsletter_runs.slot', '=', 'newsletter_issues.slot')
          .where('newsletter_runs.planned_at', 'is not', null),
      ),
    )
    .execute();
}

/** Issues newest first, for the admin and `velocity newsletter status`. */
export async function listIssues(db: Db, options: { limit: number; offset?: number }): Promise<IssueRow[]> {
  return db
    .selectFrom('newsletter_issues')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
}
