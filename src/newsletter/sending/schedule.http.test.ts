import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { eventually } from '../../../test/support/eventually.js';
import { buildStory, seedTaxonomy } from '../../../test/support/factories.js';
import { addActiveSubscribers, newsletterTestDeps } from '../../../test/support/newsletter.js';
import { type CountingSink, startCountingSink } from '../../../test/support/smtp-sink.js';
import { importStories } from '../../editorial/index.js';
import { ConfigError, loadConfig } from '../../platform/config.js';
import { sendPending, withDigestComposer } from './index.js';
import { latestDueSlot, planDueRuns, startNewsletterScheduler } from './schedule.js';

const config = loadConfig({
  SITE_URL: 'https://news.example.test',
  NEWSLETTER_SEND_HOUR: '8',
  NEWSLETTER_WEEKLY_DAY: 'monday',
  NEWSLETTER_TIME_ZONE: 'UTC',
  NEWSLETTER_TIME_ZONES: 'zh=Asia/Shanghai, en=America/New_York',
});

const slotAt = (frequency: 'daily' | 'weekly', locale: string, iso: string) => {
  const { slot, dueAt } = latestDueSlot(config, frequency, locale, new Date(iso));
  return { slot, dueAt: dueAt.toISOString() };
};

describe('digest send times per time zone', () => {
  it('sends at the configured hour in each locale’s own time zone', () => {
    // 08:00 in Shanghai is midnight UTC.
    expect(slotAt('daily', 'zh', '2026-12-01T00:30:00Z')).toEqual({
      slot: '2026-12-01',
      dueAt: '2026-12-01T00:00:00.000Z',
    });
    expect(slotAt('daily', 'zh', '2026-11-30T23:59:00Z')).toEqual({
      slot: '2026-11-30',
      dueAt: '2026-11-30T00:00:00.000Z',
    });
    // A locale the setting does not name uses NEWSLETTER_TIME_ZONE.
    expect(slotAt('daily', 'ja', '2026-12-01T08:00:00Z')).toEqual({
      slot: '2026-12-01',
      dueAt: '2026-12-01T08:00:00.000Z',
    });
  });

  it('follows daylight-saving time: 08:00 in New York is 13:00 UTC in winter and 12:00 in summer', () => {
    expect(slotAt('daily', 'en', '2026-12-01T14:00:00Z').dueAt).toBe('2026-12-01T13:00:00.000Z');
    expect(slotAt('daily', 'en', '2026-07-01T12:30:00Z').dueAt).toBe('2026-07-01T12:00:00.000Z');
    // The Sunday the clocks go forward (8 March 2026) still has its 08:00, at 12:00 UTC.
    expect(slotAt('daily', 'en', '2026-03-08T12:00:00Z')).toEqual({
      slot: '2026-03-08',
      dueAt: '2026-03-08T12:00:00.000Z',
    });
    expect(slotAt('daily', 'en', '2026-03-08T11:59:00Z').slot).toBe('2026-03-07');
  });

  it('sends weekly digests on the configured day, the latest one at or before now', () => {
    // 1 December 2026 is a Tuesday: the latest Monday 08:00 in Shanghai is 30 November.
    expect(slotAt('weekly', 'zh', '2026-12-01T12:00:00Z')).toEqual({
      slot: '2026-11-30',
      dueAt: '2026-11-30T00:00:00.000Z',
    });
    // On the Monday itself, before the hour, it is still the previous week's.
    expect(slotAt('weekly', 'en', '2026-11-30T12:59:00Z').slot).toBe('2026-11-23');
    expect(slotAt('weekly', 'en', '2026-11-30T13:00:00Z').slot).toBe('2026-11-30');
  });

  it('refuses a time zone that does not exist, naming the setting', () => {
    expect(() => loadConfig({ NEWSLETTER_TIME_ZONE: 'Mars/Olympus_Mons' })).toThrow(
      /NEWSLETTER_TIME_ZONE.*IANA/,
    );
    expect(() => loadConfig({ NEWSLETTER_TIME_ZONES: 'zh=Asia/Beijing' })).toThrow(ConfigError);
    expect(() => loadConfig({ NEWSLETTER_TIME_ZONES: 'zh' })).toThrow(/NEWSLETTER_TIME_ZONES/);
    expect(() => loadConfig({ NEWSLETTER_SEND_HOUR: '24' })).toThrow(/NEWSLETTER_SEND_HOUR/);
  });
});

describe('the newsletter scheduler', () => {
  let database: TestDatabase;
  let sink: CountingSink;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    sink = await startCountingSink();
    await seedTaxonomy(database.db);
    await importStories(
      database.db,
      [buildStory('scheduled', { variant: { publishedAt: '2026-11-27T20:00:00.000Z' } })],
      { now: new Date('2026-11-27T20:00:00.000Z') },
    );
  });
  afterAll(async () => {
    await sink.close();
    await database.destroy();
  });

  it('plans the due digests and sends them on its own, once however many ticks run', async () => {
    await addActiveSubscribers(database.db, 5, { locale: 'zh' });
    await addActiveSubscribers(database.db, 5, { locale: 'en', frequency: 'weekly', prefix: 'weekly' });
    const { deps, clock } = newsletterTestDeps(database.db, {
      smtpUrl: sink.url,
      dataDir: database.dataDir,
      env: { NEWSLETTER_TIME_ZONES: 'zh=Asia/Shanghai', NEWSLETTER_DOMAIN_PER_MINUTE: '0' },
    });
    // Saturday 28 November, 09:00 UTC: the zh daily (00:00 UTC) is due, the weekly (Mondays) is not.
    clock.now = new Date('2026-11-28T09:00:00Z');
    const scheduler = startNewsletterScheduler(withDigestComposer(deps), { intervalMs: 20 });
    try {
      await eventually(() => sink.accepted.length >= 5, 'the five zh digests');
      await scheduler.stop();
      // Whatever tick comes next finds the run already sent.
      await planDueRuns(withDigestComposer(deps));
      await sendPending(deps);
    } finally {
      await scheduler.stop();
      deps.mailer.close();
    }
    expect(sink.accepted.map((m) => m.recipient).sort()).toEqual(
      ['reader-0', 'reader-1', 'reader-2', 'reader-3', 'reader-4'].map((r) => `${r}@example.org`),
    );
    const runs = await database.db
      .selectFrom('newsletter_runs')
      .select(['frequency', 'locale', 'slot'])
      .execute();
    expect(runs.sort((a, b) => a.frequency.localeCompare(b.frequency))).toEqual([
      { frequency: 'daily', locale: 'zh', slot: '2026-11-28' },
      // The latest Monday 08:00 UTC: its week ended before the story of the 27th, so it is empty.
      { frequency: 'weekly', locale: 'en', slot: '2026-11-23' },
    ]);
  });
});
