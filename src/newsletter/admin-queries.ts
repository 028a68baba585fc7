import type { Kysely, Selectable } from 'kysely';
import {
  containsText,
  type Database,
  type DigestFrequency,
  type SubscriberState,
  type SubscribersTable,
} from '../platform/database/index.js';
import type { Topic } from './queries.js';

type Db = Kysely<Database>;

export const SUBSCRIBER_STATES: readonly SubscriberState[] = [
  'active',
  'pending',
  'unsubscribed',
  'suppressed',
];

export interface SubscriberFilter {
  /** Part of the address, any case. */
  search?: string | undefined;
  state?: SubscriberState | undefined;
  locale?: string | undefined;
}

export interface AdminSubscriber {
  id: number;
  email: string;
  locale: string;
  frequency: DigestFrequency;
  state: SubscriberState;
  topics: Topic[];
  consentRequestedAt: string;
  confirmedAt: string | null;
}

function filtered(db: Db, filter: SubscriberFilter) {
  let query = db.selectFrom('subscribers');
  const search = filter.search?.trim();
  if (search) query = query.where(containsText(db, 'email', search));
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.locale) query = query.where('locale', '=', filter.locale);
  return query;
}

async function topicsOf(db: Db, ids: number[]): Promise<Map<number, Topic[]>> {
  const byId = new Map<number, Topic[]>();
  if (ids.length === 0) return byId;
  const rows = await db
    .selectFrom('subscriber_topics')
    .select(['subscriber_id', 'kind', 'topic_key'])
    .where('subscriber_id', 'in', ids)
    .orderBy('subscriber_id')
    .orderBy('kind')
    .orderBy('topic_key')
    .execute();
  for (const row of rows) {
    const list = byId.get(row.subscriber_id) ?? [];
    list.push({ kind: row.kind, key: row.topic_key });
    byId.set(row.subscriber_id, list);
  }
  return byId;
}

const COLUMNS = [
  'id',
  'email',
  'locale',
  'frequency',
  'state',
  'consent_requested_at',
  'confirmed_at',
] as const;

/** A page of subscribers, by address, and how many match in all. */
export async function listSubscribersForAdmin(
  db: Db,
  filter: SubscriberFilter,
  page: { limit: number; offset: number },
): Promise<{ subscribers: AdminSubscriber[]; total: number }> {
  const query = filtered(db, filter);
  const [rows, count] = await Promise.all([
    query.select(COLUMNS).orderBy('email').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), subscribers: await withTopics(db, rows) };
}

type SubscriberColumns = Pick<
  Selectable<SubscribersTable>,
  'id' | 'email' | 'locale' | 'frequency' | 'state' | 'consent_requested_at' | 'confirmed_at'
>;

async function withTopics(db: Db, rows: SubscriberColumns[]): Promise<AdminSubscriber[]> {
  const topics = await topicsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    locale: row.locale,
    frequency: row.frequency,
    state: row.state,
    topics: topics.get(row.id) ?? [],
    consentRequestedAt: row.consent_requested_at,
    confirmedAt: row.confirmed_at,
  }));
}

/** Every matching subscriber, in pages of `batch`, for the CSV export (memory stays flat). */
export async function* eachSubscriber(
  db: Db,
  filter: SubscriberFilter,
  batch = 500,
): AsyncGenerator<AdminSubscriber[]> {
  let afterId = 0;
  for (;;) {
    const rows = await filtered(db, filter)
      .select(COLUMNS)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(batch)
      .execute();
    if (rows.length === 0) return;
    yield await withTopics(db, rows);
    afterId = rows.at(-1)?.id ?? afterId;
    if (rows.length < batch) return;
  }
}

export interface SubscriberCounts {
  /** Per language and state: the page sums them as it needs. */
  byLocale: { locale: string; state: SubscriberState; count: number }[];
  /** Active subscribers following each topic (those with no topics follow everything). */
  byTopic: { kind: Topic['kind']; key: string; count: number }[];
  byState: Record<SubscriberState, number>;
}

export async function subscriberCounts(db: Db): Promise<SubscriberCounts> {
  const [locales, topics] = await Promise.all([
    db
      .selectFrom('subscribers')
      .select(['locale', 'state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['locale', 'state'])
      .orderBy('locale')
      .execute(),
    db
      .selectFrom('subscriber_topics')
      .innerJoin('subscribers', 'subscribers.id', 'subscriber_topics.subscriber_id')
      .select([
        'subscriber_topics.kind',
        'subscriber_topics.topic_key',
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('subscribers.state', '=', 'active')
      .groupBy(['subscriber_topics.kind', 'subscriber_topics.topic_key'])
      .orderBy('subscriber_topics.kind')
      .orderBy('subscriber_topics.topic_key')
      .execute(),
  ]);
  const byState = { active: 0, pending: 0, unsubscribed: 0, suppressed: 0 };
  for (const row of locales) byState[row.state] += Number(row.n);
  return {
    byLocale: locales.map((row) => ({ locale: row.locale, state: row.state, count: Number(row.n) })),
    byTopic: topics.map((row) => ({ kind: row.kind, key: row.topic_key, count: Number(row.n) })),
    byState,
  };
}

/** The locales that have at least one active subscriber (a manual send plans one run per locale). */
export async function listActiveLocales(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('subscribers')
    .select('locale')
    .where('state', '=', 'active')
    .distinct()
    .orderBy('locale')
    .execute();
  return rows.map((row) => row.locale);
}
