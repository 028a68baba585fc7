import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import type { QueueDepth } from '../platform/metrics.js';

type Due = { depth: number | string | bigint; oldest: string | null } | undefined;

/**
 * What each background queue has due now, for the metrics scrape. One aggregate per queue over
 * the columns the workers' own "what is due" indexes cover, so a scrape costs four index range
 * scans. Rows a worker holds under a lease still count: they are due work not yet done.
 */
export async function queueDepths(db: Kysely<Database>, now: Date): Promise<QueueDepth[]> {
  const at = now.toISOString();
  const [scheduled, webhooks, feeds, newsletter, runs] = await Promise.all([
    db
      .selectFrom('story_variants')
      .select((eb) => [eb.fn.countAll().as('depth'), eb.fn.min('publish_at').as('oldest')])
      .where('status', '=', 'scheduled')
      .where('publish_at', '<=', at)
      .executeTakeFirst() as Promise<Due>,
    db
      .selectFrom('webhook_deliveries')
      .select((eb) => [eb.fn.countAll().as('depth'), eb.fn.min('next_attempt_at').as('oldest')])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .executeTakeFirst() as Promise<Due>,
    db
      .selectFrom('followed_feeds')
      .select((eb) => [eb.fn.countAll().as('depth'), eb.fn.min('next_fetch_at').as('oldest')])
      .where('state', '=', 'active')
      .where('next_fetch_at', '<=', at)
      .executeTakeFirst() as Promise<Due>,
    db
      .selectFrom('newsletter_deliveries')
      .select((eb) => [eb.fn.countAll().as('depth'), eb.fn.min('next_attempt_at').as('oldest')])
      .where('state', 'in', ['pending', 'sending'])
      .where('next_attempt_at', '<=', at)
      .executeTakeFirst() as Promise<Due>,
    db
      .selectFrom('newsletter_runs')
      .select((eb) => [eb.fn.countAll().as('depth'), eb.fn.min('due_at').as('oldest')])
      .where('planned_at', 'is', null)
      .where('due_at', '<=', at)
      .executeTakeFirst() as Promise<Due>,
  ]);
  const entry = (queue: string, due: Due): QueueDepth => ({
    queue,
    depth: Number(due?.depth ?? 0),
    oldestAgeSeconds: due?.oldest ? Math.max(0, (now.getTime() - Date.parse(due.oldest)) / 1000) : 0,
  });
  return [
    entry('scheduled-publishing', scheduled),
    entry('webhook-deliveries', webhooks),
    entry('desk-feeds', feeds),
    entry('newsletter-deliveries', newsletter),
    entry('newsletter-runs', runs),
  ];
}
