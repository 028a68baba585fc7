import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { eventually } from '../../../test/support/eventually.js';
import { seedDueDigest } from '../../../test/support/newsletter.js';
import { type CountingSink, startCountingSink } from '../../../test/support/smtp-sink.js';
import { spawnVelocity } from '../../../test/support/velocity-process.js';

// The crash check: `velocity newsletter send`, the real command in a process of its own,
// killed with SIGKILL at random points while it plans and sends to 2,000 subscribers, restarted
// each time until it finishes, twenty times over. Every subscriber must end with exactly one
// message in their mailbox.
//
// What "one message" means at the SMTP level: a message the server has taken but whose 250 reply
// the sender never read is, to the sender, in doubt. No protocol lets it find out, so it sends it
// again with the same Message-ID, which is what mailbox providers deduplicate on. The test
// therefore counts mailbox copies by Message-ID (each subscriber: exactly one) and, separately,
// checks that a transmission was repeated only for a delivery taken over from a killed sender,
// never twice by one sender.

const RUNS = 20;
const SUBSCRIBERS = 2000;
const KILLS_PER_RUN = 3;

interface RunFigures {
  kills: number;
  killedBeforeSending: number;
  transmissions: number;
  resentInDoubt: number;
}

// Only to pick a random moment for the next SIGKILL; nothing waits on time to prove a result.
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the sink holds `count` messages, or when the sender exits first. */
async function untilAccepted(sink: CountingSink, count: number, exited: Promise<unknown>) {
  let done = false;
  void exited.then(() => {
    done = true;
  });
  await eventually(() => done || sink.accepted.length >= count, `${count} accepted messages`, {
    intervalMs: 1,
    timeoutMs: 120_000,
  });
}

async function sendWithKills(database: TestDatabase, sink: CountingSink, run: number): Promise<RunFigures> {
  const env = {
    DATA_DIR: database.dataDir,
    // SQLite, even where the test's own environment names a PostgreSQL database.
    DATABASE_URL: '',
    SITE_URL: 'https://news.example.test',
    SECRET_KEY: 'crash-test-secret-0123456789',
    SMTP_URL: sink.url,
    SMTP_POOL_SIZE: '4',
    NEWSLETTER_BATCH_SIZE: '50',
    NEWSLETTER_CLAIM_SECONDS: '1',
    NEWSLETTER_DOMAIN_PER_MINUTE: '0',
    LOG_LEVEL: 'silent',
  };
  const figures: RunFigures = { kills: 0, killedBeforeSending: 0, transmissions: 0, resentInDoubt: 0 };
  for (;;) {
    const before = sink.accepted.length;
    const sender = spawnVelocity(['newsletter', 'send'], env);
    const { child, exited } = sender;
    if (figures.kills < KILLS_PER_RUN) {
      // Every fourth run is first killed at a random moment of start-up and planning; the other
      // kills land after a random number of the remaining messages have been accepted.
      if (figures.kills === 0 && run % 4 === 0) {
        await Promise.race([pause(300 + Math.random() * 2000), exited]);
        if (sink.accepted.length === before) figures.killedBeforeSending += 1;
      } else {
        const remaining = SUBSCRIBERS - new Set(sink.accepted.map((m) => m.recipient)).size;
        await untilAccepted(sink, before + 1 + Math.floor(Math.random() * remaining * 0.5), exited);
        await pause(Math.random() * 3);
      }
      if (child.exitCode === null && child.kill('SIGKILL')) {
        figures.kills += 1;
        await exited;
        continue;
      }
    }
    const code = await exited;
    if (code !== 0) console.error(sender.stderr());
    expect(code).toBe(0);
    break;
  }
  figures.transmissions = sink.accepted.length;
  return figures;
}

describe('sending survives SIGKILL at random points', () => {
  let sink: CountingSink;
  beforeAll(async () => {
    sink = await startCountingSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  it(
    `delivers exactly one message per subscriber in ${RUNS} killed and restarted sends to ${SUBSCRIBERS}`,
    async () => {
      const totals = { kills: 0, killedBeforeSending: 0, transmissions: 0, resent: 0, inDoubtDeliveries: 0 };
      for (let run = 0; run < RUNS; run++) {
        const database = await createTestDatabase('sqlite');
        try {
          const ids = await seedDueDigest(database.db, {
            slug: `crash-${run}`,
            count: SUBSCRIBERS,
            locale: 'en',
            domains: 7,
          });
          sink.accepted.length = 0;

          const figures = await sendWithKills(database, sink, run);

          const deliveries = await database.db
            .selectFrom('newsletter_deliveries')
            .select(['subscriber_id', 'state', 'message_id', 'attempts'])
            .execute();
          expect(deliveries).toHaveLength(SUBSCRIBERS);
          expect(deliveries.every((d) => d.state === 'sent')).toBe(true);
          expect(new Set(deliveries.map((d) => d.subscriber_id))).toEqual(new Set(ids));

          // The mailbox view: every subscriber has exactly one message, by Message-ID.
          const mailbox = new Map<string, Set<string>>();
          const transmissions = new Map<string, number>();
          for (const { recipient, messageId } of sink.accepted) {
            mailbox.set(recipient, (mailbox.get(recipient) ?? new Set()).add(messageId));
            transmissions.set(messageId, (transmissions.get(messageId) ?? 0) + 1);
          }
          expect(mailbox.size).toBe(SUBSCRIBERS);
          expect([...mailbox.values()].every((messageIds) => messageIds.size === 1)).toBe(true);

          // The wire view: a message went out again only when a killed sender held it in doubt.
          // Each transmission needs a claim of its own (attempts counts them), so no sender ever
          // sent a message twice, and no message was sent more often than senders were killed.
          const byMessageId = new Map(deliveries.map((d) => [d.message_id, d]));
          const resent = [...transmissions].filter(([, count]) => count > 1);
          for (const [messageId, count] of resent) {
            const attempts = byMessageId.get(messageId)?.attempts ?? 0;
            expect(count).toBeLessThanOrEqual(attempts);
            expect(count).toBeLessThanOrEqual(1 + figures.kills);
          }
          const inDoubt = deliveries.filter((d) => d.attempts > 1).length;
          expect(resent.length).toBeLessThanOrEqual(inDoubt);

          totals.kills += figures.kills;
          totals.killedBeforeSending += figures.killedBeforeSending;
          totals.transmissions += figures.transmissions;
          totals.resent += resent.length;
          totals.inDoubtDeliveries += inDoubt;
        } finally {
          await database.destroy();
        }
      }
      expect(totals.kills).toBeGreaterThanOrEqual(RUNS * 2);
      console.log(
        `crash test: ${RUNS} runs × ${SUBSCRIBERS} subscribers, ${totals.kills} SIGKILLs (${totals.killedBeforeSending} before the first message), ` +
          `${totals.transmissions} transmissions, ${totals.inDoubtDeliveries} deliveries taken over in doubt, ${totals.resent} of them resent`,
      );
    },
    15 * 60_000,
  );
});
