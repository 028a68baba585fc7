import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { newsletterTestDeps, seedDueDigest } from '../../../test/support/newsletter.js';
import type { Database } from '../../platform/database/index.js';
import { claimDeliveries, renewClaims } from './deliveries.js';
import { withDigestComposer } from './index.js';
import { planDueRuns } from './schedule.js';
import { SentRecorder } from './sent-recorder.js';

const SENDER = 'sender-under-test';

describe.each(DIALECTS)('claims held by one sender on %s', (dialect) => {
  let database: TestDatabase;
  let claimedIds: number[];
  const now = new Date();
  const lease = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedDueDigest(database.db, { slug: 'claims', count: 6, locale: 'en', domains: 2 });
    const made = newsletterTestDeps(database.db, {
      smtpUrl: 'smtp://127.0.0.1:9',
      dataDir: database.dataDir,
    });
    made.clock.now = now;
    const deps = withDigestComposer(made.deps);
    await planDueRuns(deps);
    deps.mailer.close();
    const claimed = await claimDeliveries(database.db, {
      senderId: SENDER,
      kind: 'due',
      limit: 6,
      now: now.toISOString(),
      leaseUntil: lease(60),
    });
    claimedIds = claimed.map((row) => row.id).sort((a, b) => a - b);
  });
  afterAll(async () => {
    await database.destroy();
  });

  const leases = async () =>
    new Map(
      (
        await database.db
          .selectFrom('newsletter_deliveries')
          .select(['id', 'claim_expires_at', 'state'])
          .where('id', 'in', claimedIds)
          .execute()
      ).map((row) => [row.id, row]),
    );

  it.runIf(dialect === 'postgres')(
    'renews its leases without waiting for a row another connection is writing',
    async () => {
      expect(claimedIds).toHaveLength(6);
      const [busy, ...rest] = claimedIds as [number, ...number[]];
      // A second connection holds one row, as a concurrent "mark sent" does mid-write; a renewal
      // that waited for it would never return while this transaction waits for the renewal.
      await database.db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('newsletter_deliveries')
          .select('id')
          .where('id', '=', busy)
          .forUpdate()
          .execute();
        await renewClaims(database.db, SENDER, lease(120));
      });
      const after = await leases();
      expect(after.get(busy)?.claim_expires_at).toBe(lease(60));
      for (const id of rest) expect(after.get(id)?.claim_expires_at).toBe(lease(120));
    },
  );

  it('writes accepted messages as sent after a passing database error', async () => {
    let failuresLeft = 2;
    const flaky = database.db.withPlugin({
      transformQuery(args) {
        if (args.node.kind === 'UpdateQueryNode' && failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('deadlock detected');
        }
        return args.node;
      },
      transformResult: async (args) => args.result,
    }) as Kysely<Database>;
    const recorder = new SentRecorder(flaky, () => now.toISOString());
    const [first, second] = claimedIds as [number, number];
    await recorder.record(first);
    await recorder.record(second);
    await recorder.flush();
    expect(failuresLeft).toBe(0);
    const after = await leases();
    expect(after.get(first)?.state).toBe('sent');
    expect(after.get(second)?.state).toBe('sent');
  });
});
