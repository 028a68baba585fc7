import { sql } from 'kysely';
import type { DigestFrequency } from '../platform/database/index.js';
import type { NewsletterDeps } from './deps.js';
import { latestDueSlot } from './sending/index.js';

/** One list's next scheduled digest: when it goes, and to how many active subscribers. */
export interface NextSend {
  frequency: DigestFrequency;
  locale: string;
  dueAt: string;
  subscribers: number;
}

const PERIOD_MS: Record<DigestFrequency, number> = { daily: 86_400_000, weekly: 7 * 86_400_000 };

/**
 * The next scheduled send of each list that has active subscribers, soonest first: the latest
 * slot at or before one period from now is the first after now (the schedule's own rule, so the
 * time zone and send hour are those the sender uses). One grouped count over the active rows.
 */
export async function listNextSends(deps: NewsletterDeps): Promise<NextSend[]> {
  const rows = await deps.db
    .selectFrom('subscribers')
    .select(['locale', 'frequency', sql<number>`count(*)`.as('n')])
    .where('state', '=', 'active')
    .groupBy(['locale', 'frequency'])
    .orderBy('locale')
    .limit(100)
    .execute();
  const now = deps.now();
  const sends = rows.map((row) => {
    const ahead = new Date(now.getTime() + PERIOD_MS[row.frequency]);
    let { dueAt } = latestDueSlot(deps.config, row.frequency, row.locale, ahead);
    // Exactly on the hour now: that run is being planned; the next is one period on.
    if (dueAt.getTime() <= now.getTime()) dueAt = new Date(dueAt.getTime() + PERIOD_MS[row.frequency]);
    return {
      frequency: row.frequency,
      locale: row.locale,
      dueAt: dueAt.toISOString(),
      subscribers: Number(row.n),
    };
  });
  return sends.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.locale.localeCompare(b.locale));
}
