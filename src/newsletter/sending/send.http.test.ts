import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { buildStory, seedTaxonomy } from '../../../test/support/factories.js';
import { addActiveSubscribers, newsletterTestDeps } from '../../../test/support/newsletter.js';
import { type SmtpSink, startCountingSink, startSmtpSink } from '../../../test/support/smtp-sink.js';
import { importStories } from '../../editorial/index.js';
import type { NewsletterDeps } from '../deps.js';
import { deleteSubscriberData, exportSubscriberData } from '../manage.js';
import { recordNewsletterEvent, suppressSubscriber } from '../suppression.js';
import { signToken, verifyToken } from '../tokens.js';
import { claimDeliveries, countDeliveries, markFinished, releaseClaims, requeue } from './deliveries.js';
import { type SendingDeps, withDigestComposer } from './index.js';
import { planDueRuns } from './schedule.js';
import { sendPending } from './sender.js';

const PUBLISHED_IN_PERIOD = '2026-11-27T12:00:00.000Z';

async function deliveriesOf(deps: NewsletterDeps) {
  return deps.db.selectFrom('newsletter_deliveries').selectAll().orderBy('id').execute();
}

describe.each(DIALECTS)('sending digests on %s', (dialect) => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let deps: SendingDeps;
  let clock: { now: Date };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    sink = await startSmtpSink();
    await seedTaxonomy(database.db);
    await importStories(
      database.db,
      [
        buildStory('open-weights', { variant: { publishedAt: PUBLISHED_IN_PERIOD } }),
        buildStory('old-news', { variant: { publishedAt: '2026-11-20T08:00:00.000Z' } }),
      ],
      { now: new Date(PUBLISHED_IN_PERIOD) },
    );
    const made = newsletterTestDeps(database.db, {
      smtpUrl: sink.url,
      dataDir: database.dataDir,
      env: { NEWSLETTER_DOMAIN_PER_MINUTE: '0', SMTP_POOL_SIZE: '2' },
    });
    deps = withDigestComposer(made.deps);
    clock = made.clock;
  });
  afterAll(async () => {
    deps.mailer.close();
    await sink.close();
    await database.destroy();
  });
  beforeEach(async () => {
    sink.received.length = 0;
    clock.now = new Date('2026-11-28T09:00:00Z');
    await database.db.deleteFrom('newsletter_runs').execute();
    await database.db.deleteFrom('newsletter_issues').execute();
    await database.db.deleteFrom('subscribers').execute();
    await database.db.deleteFrom('pacing_slots').execute();
  });

  it('sends each subscriber one digest in their language, with their own links and the bulk-sender headers', async () => {
    const en = await addActiveSubscribers(database.db, 3, { locale: 'en', prefix: 'en' });
    const zh = await addActiveSubscribers(database.db, 2, { locale: 'zh', prefix: 'zh' });
    const [enPlan, zhPlan] = await planDueRuns(deps);
    expect(enPlan?.deliveriesPlanned).toBe(3);
    expect(zhPlan?.deliveriesPlanned).toBe(2);

    const tally = await sendPending(deps, { untilIdle: true });
    expect(tally).toMatchObject({ sent: 5, failed: 0, suppressed: 0, retrying: 0, inDoubt: 0 });
    expect(sink.received).toHaveLength(5);
    const rows = await deliveriesOf(deps);
    for (const mail of sink.received) {
      const [recipient] = mail.recipients;
      const subscriberId = Number(/^\w+-(\d+)@/.exec(recipient ?? '')?.[1]);
      const isZh = recipient?.startsWith('zh-') ?? false;
      const id = (isZh ? zh : en)[subscriberId] as number;
      const headers = mail.parsed.headers;
      expect(headers.get('content-language')).toBe(isZh ? 'zh-Hans' : 'en');
      expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
      const listUnsubscribe = String(mail.raw.match(/^List-Unsubscribe: <([^>]+)>/m)?.[1]);
      const token = listUnsubscribe.split('/').pop() ?? '';
      expect(verifyToken(deps.secret, token, 'unsubscribe', clock.now).subscriberId).toBe(id);
      expect(mail.parsed.messageId).toBe(rows.find((r) => r.subscriber_id === id)?.message_id);
      expect(mail.parsed.text).toContain(listUnsubscribe);
      expect(mail.parsed.html).toContain(listUnsubscribe);
      expect(mail.parsed.html).not.toContain('__VELOCITY_');
      expect(mail.parsed.text).toContain(
        isZh ? '英伟达宣布open-weights计划' : 'Nvidia announces the open-weights plan',
      );
      // The story published before the period belongs to an earlier digest.
      expect(mail.parsed.text).not.toContain('old-news');
    }
    const counts = [...(await countDeliveries(database.db)).values()];
    expect(counts.map((c) => c.sent).sort()).toEqual([2, 3]);
    const issues = await database.db.selectFrom('newsletter_issues').select('state').execute();
    expect(issues.map((i) => i.state)).toEqual(['sent', 'sent']);
  });

  it('plans a slot once however often the scheduler ticks, and the next digest starts where it ended', async () => {
    await addActiveSubscribers(database.db, 4);
    await planDueRuns(deps);
    const again = await planDueRuns(deps);
    expect(again.every((outcome) => outcome.alreadyPlanned)).toBe(true);
    expect(await deliveriesOf(deps)).toHaveLength(4);

    clock.now = new Date('2026-11-29T09:00:00Z');
    await planDueRuns(deps);
    const issues = await database.db
      .selectFrom('newsletter_issues')
      .select(['slot', 'period_start', 'period_end', 'state'])
      .orderBy('slot')
      .execute();
    expect(issues).toEqual([
      {
        slot: '2026-11-28',
        period_start: '2026-11-27T08:00:00.000Z',
        period_end: '2026-11-28T08:00:00.000Z',
        state: 'sending',
      },
      // Nothing was published since: the slot is recorded as empty and no one is sent anything.
      {
        slot: '2026-11-29',
        period_start: '2026-11-28T08:00:00.000Z',
        period_end: '2026-11-29T08:00:00.000Z',
        state: 'empty',
      },
    ]);
    expect(await deliveriesOf(deps)).toHaveLength(4);
  });

  it('sends nothing to a subscriber who left between planning and sending', async () => {
    const [stays, leaves] = await addActiveSubscribers(database.db, 2);
    await planDueRuns(deps);
    await database.db
      .updateTable('subscribers')
      .set({ state: 'unsubscribed' })
      .where('id', '=', leaves as number)
      .execute();
    const tally = await sendPending(deps, { untilIdle: true });
    expect(tally).toMatchObject({ sent: 1, suppressed: 1 });
    expect(sink.received.map((m) => m.recipients[0])).toEqual(['reader-0@example.org']);
    const states = (await deliveriesOf(deps)).map((d) => [d.subscriber_id, d.state]);
    expect(states).toEqual([
      [stays, 'sent'],
      [leaves, 'suppressed'],
    ]);
  });

  it("exports a subscriber's deliveries and bounce events with their data, and erases them with it", async () => {
    const [id] = (await addActiveSubscribers(database.db, 1)) as [number];
    await planDueRuns(deps);
    await sendPending(deps, { untilIdle: true });
    await recordNewsletterEvent(database.db, {
      provider: 'velocity',
      provider_event_id: 'evt-1',
      kind: 'soft_bounce',
      email: 'reader-0@example.org',
      subscriber_id: id,
      delivery_id: null,
      message_id: null,
      detail: 'mailbox full',
      action: 'counted',
      occurred_at: clock.now.toISOString(),
      received_at: clock.now.toISOString(),
    });
    const token = signToken(deps.secret, {
      purpose: 'preferences',
      subscriberId: id,
      expiresAt: Math.floor(clock.now.getTime() / 1000) + 3600,
    });
    const exported = await exportSubscriberData(deps, token);
    expect(exported.deliveries).toMatchObject([{ slot: '2026-11-28', state: 'sent' }]);
    expect(exported.bounceAndComplaintEvents).toMatchObject([
      { kind: 'soft_bounce', detail: 'mailbox full' },
    ]);
    await deleteSubscriberData(deps, token);
    expect(await deliveriesOf(deps)).toHaveLength(0);
    expect(await database.db.selectFrom('newsletter_events').selectAll().execute()).toHaveLength(0);
  });

  it('completes an issue whose every delivery was suppressed by bounces before it went out', async () => {
    const ids = await addActiveSubscribers(database.db, 2);
    await planDueRuns(deps);
    for (const id of ids) await suppressSubscriber(database.db, id, 'hard_bounce', clock.now.toISOString());
    expect(await sendPending(deps, { untilIdle: true })).toMatchObject({ sent: 0, suppressed: 0 });
    expect((await deliveriesOf(deps)).map((d) => d.state)).toEqual(['suppressed', 'suppressed']);
    const [issue] = await database.db.selectFrom('newsletter_issues').select('state').execute();
    expect(issue?.state).toBe('sent');
    expect(sink.received).toHaveLength(0);
  });

  it('starts the soft-bounce count again once a message gets through', async () => {
    const [id] = (await addActiveSubscribers(database.db, 1)) as [number];
    await database.db.updateTable('subscribers').set({ soft_bounces: 2 }).where('id', '=', id).execute();
    await planDueRuns(deps);
    await sendPending(deps, { untilIdle: true });
    const row = await database.db.selectFrom('subscribers').select('soft_bounces').executeTakeFirstOrThrow();
    expect(row.soft_bounces).toBe(0);
  });

  it('takes over a batch whose sender stopped once its lease has run out, with the same Message-IDs', async () => {
    await addActiveSubscribers(database.db, 3);
    await planDueRuns(deps);
    const lease = new Date(clock.now.getTime() + deps.config.NEWSLETTER_CLAIM_SECONDS * 1000).toISOString();
    const claimed = await claimDeliveries(database.db, {
      senderId: 'a-sender-that-died',
      kind: 'due',
      limit: 2,
      now: clock.now.toISOString(),
      leaseUntil: lease,
    });
    expect(claimed).toHaveLength(2);
    // While the lease holds, another sender leaves those rows alone.
    expect(await sendPending(deps, { untilIdle: true, maxIdleWaitMs: 0 })).toMatchObject({
      sent: 1,
      inDoubt: 0,
    });
    clock.now = new Date(new Date(lease).getTime() + 1000);
    expect(await sendPending(deps, { untilIdle: true })).toMatchObject({ sent: 2, inDoubt: 2 });
    const ids = sink.received.map((m) => m.parsed.messageId).sort();
    expect(ids).toEqual((await deliveriesOf(deps)).map((d) => d.message_id).sort());
  });

  it('hands back only its own claims when it stops, and what it took over in doubt stays in doubt', async () => {
    await addActiveSubscribers(database.db, 3);
    await planDueRuns(deps);
    const now = clock.now.toISOString();
    const lease = new Date(clock.now.getTime() + 60_000).toISOString();
    const claim = (senderId: string, kind: 'due' | 'expired', leaseUntil = lease) =>
      claimDeliveries(database.db, { senderId, kind, limit: 1, now, leaseUntil });
    const [others] = await claim('another-sender', 'due');
    await claim('a-sender-that-died', 'due', new Date(clock.now.getTime() - 1000).toISOString());
    const [takenOver] = await claim('stopping-sender', 'expired');
    const [due] = await claim('stopping-sender', 'due');
    if (!others || !takenOver || !due) throw new Error('expected a row for each claim');
    const rows = [others, takenOver, due].map((row) => ({ id: row.id, inDoubt: row === takenOver }));
    await releaseClaims(database.db, 'stopping-sender', rows, now);

    const byId = new Map((await deliveriesOf(deps)).map((row) => [row.id, row]));
    expect(byId.get(others.id)).toMatchObject({ state: 'sending', claimed_by: 'another-sender' });
    expect(byId.get(due.id)).toMatchObject({ state: 'pending', claimed_by: null, attempts: 0 });
    expect(byId.get(takenOver.id)).toMatchObject({ state: 'sending', claimed_by: null, attempts: 1 });
    expect((byId.get(takenOver.id)?.claim_expires_at ?? now) < now).toBe(true);
    // The next sender, with the same clock, sends both at once and still counts the doubt.
    expect(await sendPending(deps, { untilIdle: true, maxIdleWaitMs: 0 })).toMatchObject({
      sent: 2,
      inDoubt: 1,
    });
    expect(sink.received.map((m) => m.parsed.messageId).sort()).toEqual(
      [takenOver.message_id, due.message_id].sort(),
    );
  });

  it('writes no outcome for a row another sender took over after its lease ran out', async () => {
    await addActiveSubscribers(database.db, 1);
    await planDueRuns(deps);
    const now = clock.now.toISOString();
    const lapsed = new Date(clock.now.getTime() - 1000).toISOString();
    const [late] = await claimDeliveries(database.db, {
      senderId: 'slow-sender',
      kind: 'due',
      limit: 1,
      now,
      leaseUntil: lapsed,
    });
    const [takenOver] = await claimDeliveries(database.db, {
      senderId: 'next-sender',
      kind: 'expired',
      limit: 1,
      now,
      leaseUntil: new Date(clock.now.getTime() + 60_000).toISOString(),
    });
    if (!late || takenOver?.id !== late.id) throw new Error('expected the lapsed row to be taken over');
    // The slow sender's server answers at last: neither a retry nor a failure may touch the row now.
    const held = { id: late.id, claimedBy: 'slow-sender' };
    await requeue(database.db, held, { dueAt: now, at: now, error: 'late 451', countsAsAttempt: true });
    await markFinished(database.db, held, 'failed', now, 'late 550');
    const row = (await deliveriesOf(deps)).find((r) => r.id === late.id);
    expect(row).toMatchObject({ state: 'sending', claimed_by: 'next-sender', last_error: null });
    await markFinished(database.db, { id: late.id, claimedBy: 'next-sender' }, 'failed', now, '550');
    expect((await deliveriesOf(deps)).find((r) => r.id === late.id)).toMatchObject({
      state: 'failed',
      claimed_by: null,
    });
  });
});

describe.each(DIALECTS)('SMTP failures on %s', (dialect) => {
  let database: TestDatabase;
  let deps: SendingDeps;
  let clock: { now: Date };
  let sink: Awaited<ReturnType<typeof startCountingSink>>;
  const busy = new Set<string>();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    sink = await startCountingSink({
      refuse: (address) =>
        address.startsWith('gone-')
          ? { code: 550, message: '5.1.1 No such mailbox' }
          : busy.has(address)
            ? { code: 451, message: '4.3.0 Try again later' }
            : null,
    });
    await seedTaxonomy(database.db);
    await importStories(
      database.db,
      [buildStory('chips', { variant: { publishedAt: PUBLISHED_IN_PERIOD } })],
      {
        now: new Date(PUBLISHED_IN_PERIOD),
      },
    );
    const made = newsletterTestDeps(database.db, {
      smtpUrl: sink.url,
      dataDir: database.dataDir,
      env: {
        NEWSLETTER_DOMAIN_PER_MINUTE: '6',
        NEWSLETTER_MAX_ATTEMPTS: '3',
        NEWSLETTER_RETRY_SECONDS: '60',
      },
    });
    deps = withDigestComposer(made.deps);
    clock = made.clock;
  });
  afterAll(async () => {
    deps.mailer.close();
    await sink.close();
    await database.destroy();
  });
  afterEach(async () => {
    busy.clear();
    sink.accepted.length = 0;
    await database.db.deleteFrom('newsletter_runs').execute();
    await database.db.deleteFrom('newsletter_issues').execute();
    await database.db.deleteFrom('newsletter_events').execute();
    await database.db.deleteFrom('subscribers').execute();
    await database.db.deleteFrom('pacing_slots').execute();
  });

  it('retries a temporary refusal with a growing backoff, then gives up and records why', async () => {
    clock.now = new Date('2026-11-28T09:00:00Z');
    const [id] = await addActiveSubscribers(database.db, 1, { prefix: 'busy' });
    busy.add('busy-0@example.org');
    await planDueRuns(deps);
    const dueTimes: string[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const tally = await sendPending(deps, { untilIdle: true, maxIdleWaitMs: 0 });
      const [row] = await deliveriesOf(deps);
      expect(row?.attempts).toBe(attempt);
      if (attempt < 3) {
        expect(tally.retrying).toBe(1);
        expect(row?.state).toBe('pending');
        expect(row?.last_error).toContain('451');
        dueTimes.push(row?.next_attempt_at ?? '');
        clock.now = new Date(row?.next_attempt_at ?? '');
      } else {
        expect(tally.failed).toBe(1);
        expect(row?.state).toBe('failed');
      }
    }
    // 60 s, then 240 s.
    expect(dueTimes).toEqual(['2026-11-28T09:01:00.000Z', '2026-11-28T09:05:00.000Z']);
    const events = await database.db.selectFrom('newsletter_events').selectAll().execute();
    expect(events).toMatchObject([{ kind: 'smtp_temporary', action: 'failed', subscriber_id: id }]);
    const subscriber = await database.db.selectFrom('subscribers').select('state').executeTakeFirstOrThrow();
    expect(subscriber.state).toBe('active');
    expect(sink.accepted).toHaveLength(0);
  });

  it('suppresses an address the receiving server refuses for good, and sends it nothing more', async () => {
    clock.now = new Date('2026-11-28T09:00:00Z');
    await addActiveSubscribers(database.db, 1, { prefix: 'gone' });
    await planDueRuns(deps);
    expect(await sendPending(deps, { untilIdle: true })).toMatchObject({ sent: 0, failed: 1 });
    const subscriber = await database.db
      .selectFrom('subscribers')
      .select(['state', 'suppression_reason'])
      .executeTakeFirstOrThrow();
    expect(subscriber).toEqual({ state: 'suppressed', suppression_reason: 'smtp_permanent' });
    const [event] = await database.db.selectFrom('newsletter_events').selectAll().execute();
    expect(event).toMatchObject({
      kind: 'smtp_permanent',
      action: 'suppressed',
      email: 'gone-0@example.org',
    });
    expect(event?.detail).toContain('550');
  });

  it('paces messages to one recipient domain and hands the rest back to the queue', async () => {
    clock.now = new Date('2026-11-28T09:00:00Z');
    await addActiveSubscribers(database.db, 3, { domain: 'big-provider.example' });
    await addActiveSubscribers(database.db, 2, { domain: (n) => `small-${n}.example`, prefix: 'other' });
    await planDueRuns(deps);
    const tally = await sendPending(deps, { untilIdle: true, maxIdleWaitMs: 0 });
    // Six a minute is one every ten seconds: one for the busy domain now, one for each other.
    expect(tally).toMatchObject({ sent: 3, deferred: 2 });
    expect(sink.accepted.filter((m) => m.recipient.endsWith('@big-provider.example'))).toHaveLength(1);
    const waiting = (await deliveriesOf(deps)).filter((d) => d.state === 'pending');
    expect(waiting).toHaveLength(2);
    for (const row of waiting) {
      expect(row.attempts).toBe(0);
      expect(row.next_attempt_at > clock.now.toISOString()).toBe(true);
    }
  });
});
