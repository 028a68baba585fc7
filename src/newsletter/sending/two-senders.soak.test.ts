import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { seedDueDigest } from '../../../test/support/newsletter.js';
import { type CountingSink, startCountingSink } from '../../../test/support/smtp-sink.js';
import { spawnVelocity } from '../../../test/support/velocity-process.js';

const SUBSCRIBERS = 2000;

// Two `velocity newsletter send` processes started together on one database: both plan the same
// due run and both send. Nothing is killed, so nothing is ever in doubt: every message must cross
// the wire exactly once, and both processes must have taken part.
describe.each(DIALECTS)('two senders on one %s database', (dialect) => {
  let database: TestDatabase;
  let sink: CountingSink;

  beforeAll(async () => {
    // A loaded server's pace (5 ms per reply), so the run lasts long enough for both to be busy.
    sink = await startCountingSink({ acceptDelayMs: 5 });
    database = await createTestDatabase(dialect);
    await seedDueDigest(database.db, { slug: 'two-senders', count: SUBSCRIBERS, locale: 'zh', domains: 11 });
  });
  afterAll(async () => {
    await sink.close();
    await database.destroy();
  });

  it(`delivers each of ${SUBSCRIBERS} messages exactly once`, async () => {
    const env = {
      DATA_DIR: database.dataDir,
      // Empty for SQLite, so a DATABASE_URL in the test's own environment does not leak in.
      DATABASE_URL: database.url ?? '',
      SITE_URL: 'https://news.example.test',
      SECRET_KEY: 'two-senders-secret-0123456789',
      SMTP_URL: sink.url,
      SMTP_POOL_SIZE: '4',
      NEWSLETTER_BATCH_SIZE: '50',
      NEWSLETTER_DOMAIN_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
    };
    const senders = [spawnVelocity(['newsletter', 'send'], env), spawnVelocity(['newsletter', 'send'], env)];
    const codes = await Promise.all(senders.map((s) => s.exited));
    // Each sender's own words go into the failure message, which a CI summary keeps.
    const said = senders.map((s, i) => `sender ${i + 1}:\n${s.stdout()}\n${s.stderr()}`).join('\n');
    expect(codes, said).toEqual([0, 0]);

    const perMessage = new Map<string, number>();
    for (const { messageId } of sink.accepted)
      perMessage.set(messageId, (perMessage.get(messageId) ?? 0) + 1);
    expect(sink.accepted).toHaveLength(SUBSCRIBERS);
    expect(perMessage.size).toBe(SUBSCRIBERS);
    expect(new Set(sink.accepted.map((m) => m.recipient)).size).toBe(SUBSCRIBERS);

    const sentBy = senders.map((s) => Number(/Deliveries: (\d+) sent/.exec(s.stdout())?.[1] ?? Number.NaN));
    expect((sentBy[0] ?? 0) + (sentBy[1] ?? 0)).toBe(SUBSCRIBERS);
    expect(Math.min(...sentBy)).toBeGreaterThan(0);

    const issues = await database.db.selectFrom('newsletter_issues').select(['state']).execute();
    expect(issues).toEqual([{ state: 'sent' }]);
  }, 120_000);
});
