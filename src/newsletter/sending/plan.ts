import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DigestFrequency, IssueKind } from '../../platform/database/index.js';
import type { Topic } from '../queries.js';
import { insertDeliveries, type NewDelivery } from './deliveries.js';
import {
  ensureRun,
  findIssue,
  type IssueRow,
  insertIssue,
  markRunPlanned,
  previousPeriodEnd,
  type RunKey,
  topicKey,
  topicsOfKey,
} from './issues.js';

type Db = Kysely<Database>;

/** Subscribers read per query while planning: memory stays flat however long the list is. */
const PAGE_SIZE = 1000;
const DAY_MS = 86_400_000;
const PERIOD_MS: Record<DigestFrequency, number> = { daily: DAY_MS, weekly: 7 * DAY_MS };
/**
 * The furthest back an issue reaches when its list had no issue for a long time (a new topic
 * set, or a server that was down): the digest stays a digest, not an archive.
 */
const LOOKBACK_PERIODS = 7;

export interface ComposedIssue {
  subject: string;
  html: string;
  text: string;
  storyIds: number[];
}

export interface IssueRequest {
  locale: string;
  frequency: DigestFrequency;
  topics: Topic[];
  since: string;
  until: string;
}

/** Composes one list's issue for a period; null when nothing was published in it. */
export type ComposeIssue = (request: IssueRequest) => Promise<ComposedIssue | null>;

export interface PlanDeps {
  db: Db;
  compose: ComposeIssue;
  secret: string;
  /** The From address's domain: the right-hand side of every Message-ID. */
  messageIdDomain: string;
  now: () => Date;
}

export interface RunRequest extends RunKey {
  kind: IssueKind;
  /** The scheduled instant: the end of the period, the same for every planner of this run. */
  dueAt: Date;
}

export interface PlanOutcome {
  issues: IssueRow[];
  /** Deliveries this planner created; zero when another planner, or an earlier attempt, had. */
  deliveriesPlanned: number;
  alreadyPlanned: boolean;
}

/**
 * A delivery's Message-ID, derived from the issue and the subscriber only: every attempt, by any
 * sender, carries the same one, so a message resent after a crash is recognisably the same mail.
 */
function deliveryMessageId(
  deps: Pick<PlanDeps, 'secret' | 'messageIdDomain'>,
  issueId: number,
  subscriberId: number,
) {
  const tag = createHmac('sha256', deps.secret)
    .update(`newsletter-message-id.${issueId}.${subscriberId}`)
    .digest('base64url')
    .slice(0, 12);
  return `<${issueId}.${subscriberId}.${tag}@${deps.messageIdDomain}>`;
}

/**
 * Plans one run: composes an issue for every topic set among the run's active subscribers and
 * creates one pending delivery per subscriber. Every step is idempotent (unique keys and
 * ON CONFLICT DO NOTHING), so a planner that dies half-way is run again, and two workers planning
 * at once produce one set of deliveries.
 */
export async function planRun(deps: PlanDeps, request: RunRequest): Promise<PlanOutcome> {
  const dueAt = request.dueAt.toISOString();
  const run = await ensureRun(deps.db, { ...request, dueAt });
  if (run.planned_at) return { issues: [], deliveriesPlanned: 0, alreadyPlanned: true };
  const issuesByTopics = new Map<string, IssueRow>();
  let deliveriesPlanned = 0;
  let afterId = 0;
  for (;;) {
    const page = await activeSubscribersPage(deps.db, request, dueAt, afterId);
    if (page.length === 0) break;
    afterId = page[page.length - 1]?.id ?? afterId;
    const topics = await topicsOf(
      deps.db,
      page.map((s) => s.id),
    );
    const deliveries: NewDelivery[] = [];
    for (const subscriber of page) {
      const key = topicKey(topics.get(subscriber.id) ?? []);
      let issue = issuesByTopics.get(key);
      if (!issue) {
        issue = await ensureIssue(deps, request, key);
        issuesByTopics.set(key, issue);
      }
      if (issue.state === 'empty') continue;
      deliveries.push({
        issueId: issue.id,
        subscriberId: subscriber.id,
        messageId: deliveryMessageId(deps, issue.id, subscriber.id),
      });
    }
    await insertDeliveries(deps.db, deliveries, deps.now().toISOString());
    deliveriesPlanned += deliveries.length;
  }
  await markRunPlanned(deps.db, request, deps.now().toISOString());
  return { issues: [...issuesByTopics.values()], deliveriesPlanned, alreadyPlanned: false };
}

async function activeSubscribersPage(db: Db, request: RunRequest, dueAt: string, afterId: number) {
  return (
    db
      .selectFrom('subscribers')
      .select('id')
      .where('state', '=', 'active')
      .where('locale', '=', request.locale)
      .where('frequency', '=', request.frequency)
      // Someone who confirmed after the slot's instant starts with the next issue.
      .where('confirmed_at', '<=', dueAt)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(PAGE_SIZE)
      .execute()
  );
}

async function topicsOf(db: Db, subscriberIds: number[]): Promise<Map<number, Topic[]>> {
  const topics = new Map<number, Topic[]>();
  if (subscriberIds.length === 0) return topics;
  const rows = await db
    .selectFrom('subscriber_topics')
    .select(['subscriber_id', 'kind', 'topic_key'])
    .where('subscriber_id', 'in', subscriberIds)
    .execute();
  for (const row of rows) {
    const list = topics.get(row.subscriber_id) ?? [];
    list.push({ kind: row.kind, key: row.topic_key });
    topics.set(row.subscriber_id, list);
  }
  return topics;
}

/** The run's issue for one topic set: found, or composed and stored (as `empty` when nothing is new). */
async function ensureIssue(deps: PlanDeps, request: RunRequest, key: string): Promise<IssueRow> {
  const listKey = { frequency: request.frequency, locale: request.locale, slot: request.slot, topicKey: key };
  const existing = await findIssue(deps.db, listKey);
  if (existing) return existing;
  const until = request.dueAt.toISOString();
  const earliest = new Date(
    request.dueAt.getTime() - LOOKBACK_PERIODS * PERIOD_MS[request.frequency],
  ).toISOString();
  const previousEnd = await previousPeriodEnd(deps.db, listKey);
  // ISO instants compare as text.
  const since =
    previousEnd === undefined
      ? new Date(request.dueAt.getTime() - PERIOD_MS[request.frequency]).toISOString()
      : ([previousEnd, earliest].sort()[1] ?? previousEnd);
  const composed =
    since < until
      ? await deps.compose({
          locale: request.locale,
          frequency: request.frequency,
          topics: topicsOfKey(key),
          since,
          until,
        })
      : null;
  return insertIssue(deps.db, {
    kind: request.kind,
    frequency: request.frequency,
    locale: request.locale,
    topic_key: key,
    slot: request.slot,
    period_start: since,
    period_end: until,
    subject: composed?.subject ?? '',
    html: composed?.html ?? '',
    text: composed?.text ?? '',
    story_ids: JSON.stringify(composed?.storyIds ?? []),
    state: composed ? 'sending' : 'empty',
    created_at: deps.now().toISOString(),
  });
}
