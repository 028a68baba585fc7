import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { eventually } from '../../../test/support/eventually.js';
import { buildStory, seedTaxonomy } from '../../../test/support/factories.js';
import { addActiveSubscribers, newsletterTestDeps } from '../../../test/support/newsletter.js';
import { type CountingSink, startCountingSink } from '../../../test/support/smtp-sink.js';
import { importStories } from '../../editorial/index.js';
import { withDigestComposer } from './index.js';
import { startNewsletterScheduler } from './schedule.js';
import { sendPending } from './sender.js';

const SUBSCRIBERS = 20;
/** The server takes this many messages, then stops answering (a stuck relay). */
const TAKEN_BEFORE_STALL = 3;

// One connection (SMTP_POOL_SIZE 1), two sending lanes: when the server stalls, one message waits
// for its answer on the wire and the next waits for the connection. Both are the server's to take,
// so they stay claimed; the rest of the batch must come back at once.
const IN_FLIGHT = 2;

describe.each(DIALECTS)('a newsletter sender stopped mid-batch on %s', (dialect) => {
  let database: TestDatabase;
  let sink: CountingSink;
  let stalling = true;

  const env = { NEWSLETTER_TIME_ZONES: 'zh=Asia/Shanghai', NEWSLETTER_DOMAIN_PER_MINUTE: '0' };
  const deliveries = () =>
    database.db
      .selectFrom('newsletter_deliveries')
      .select(['id', 'state', 'claimed_by', 'claim_expires_at', 'attempts', 'message_id'])
      .orderBy('id')
      .execute();
  const countByState = (rows: { state: string }[]) => {
    const counts: Record<string, number> = {};
    for (const row of rows) counts[row.state] = (counts[row.state] ?? 0) + 1;
    return counts;
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    sink = await startCountingSink({ stall: () => stalling && sink.accepted.length >= TAKEN_BEFORE_STALL });
    await seedTaxonomy(database.db);
    await importStories(
      database.db,
      [buildStory('stopped-mid-batch', { variant: { publishedAt: '2026-11-27T20:00:00.000Z' } })],
      { now: new Date('2026-11-27T20:00:00.000Z') },
    );
    await addActiveSubscribers(database.db, SUBSCRIBERS, { locale: 'zh' });
  });
  afterAll(async () => {
    sink.releaseStalled();
    await sink.close();
    await database.destroy();
  });

  it('hands back the unsent rest, which a second sender sends at once; each subscriber gets one copy', async () => {
    // Both clocks stay at 09:00 throughout: no lease ever runs out in this test.
    const first = newsletterTestDeps(database.db, { smtpUrl: sink.url, dataDir: database.dataDir, env });
    const second = newsletterTestDeps(database.db, { smtpUrl: sink.url, dataDir: database.dataDir, env });
    const scheduler = startNewsletterScheduler(withDigestComposer(first.deps), { intervalMs: 60_000 });
    try {
      const claimedBy = await eventually(async () => {
        const rows = await deliveries();
        const counts = countByState(rows);
        const stuck = sink.stalled() === 1 && counts.sent === TAKEN_BEFORE_STALL;
        return stuck && counts.sending === SUBSCRIBERS - TAKEN_BEFORE_STALL && rows.at(-1)?.claimed_by;
      }, 'three messages taken, the whole rest of the batch claimed, and the server stuck on the next');
      await scheduler.stop();

      const afterStop = await deliveries();
      expect(countByState(afterStop)).toEqual({
        sent: TAKEN_BEFORE_STALL,
        sending: IN_FLIGHT,
        pending: SUBSCRIBERS - TAKEN_BEFORE_STALL - IN_FLIGHT,
      });
      for (const row of afterStop.filter((r) => r.state === 'sending')) {
        expect(row.claimed_by).toBe(claimedBy);
        expect(row.claim_expires_at).not.toBeNull();
      }
      // Handed back as they were before the claim: nobody's, and not counted as an attempt.
      for (const row of afterStop.filter((r) => r.state === 'pending')) {
        expect(row).toMatchObject({ claimed_by: null, claim_expires_at: null, attempts: 0 });
      }

      stalling = false;
      const tally = await sendPending(second.deps, { untilIdle: true, maxIdleWaitMs: 0 });
      expect(tally).toMatchObject({ sent: SUBSCRIBERS - TAKEN_BEFORE_STALL - IN_FLIGHT, inDoubt: 0 });
      expect(sink.accepted).toHaveLength(SUBSCRIBERS - IN_FLIGHT);

      // The server answers at last: the two messages in flight go through, once each.
      sink.releaseStalled();
      await eventually(
        async () => countByState(await deliveries()).sent === SUBSCRIBERS,
        'the messages in flight recorded as sent',
      );
    } finally {
      await scheduler.stop();
      first.deps.mailer.close();
      second.deps.mailer.close();
    }
    expect(sink.accepted).toHaveLength(SUBSCRIBERS);
    const recipients = new Set(sink.accepted.map((m) => m.recipient));
    expect(recipients.size).toBe(SUBSCRIBERS);
    const messageIds = sink.accepted.map((m) => m.messageId).sort();
    expect(messageIds).toEqual((await deliveries()).map((row) => row.message_id).sort());
  });
});
