import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { addActiveSubscribers } from '../../test/support/newsletter.js';
import { editorsByLanguage } from '../../test/support/people.js';
import { findSiteSettings, type SiteSettings, saveSiteSettings } from '../stories/index.js';

// The newsletter pages (issues, an issue, the events, the preview) show their times on the
// newsroom's clocks (a site setting), in either admin language, as the rest of the admin does.

/** Shanghai keeps UTC+8 all year: what the labels say does not depend on the date. */
const ZONE = 'Asia/Shanghai';
const LOCALES = ['en', 'zh'] as const;
const NOW = new Date('2026-11-28T09:00:00Z');

describe.each(DIALECTS)('newsletter times in the newsroom’s zone on %s', (dialect) => {
  let t: TestApp;
  let issueId: number;
  const editors = {} as Record<(typeof LOCALES)[number], AdminClient>;

  beforeAll(async () => {
    t = await createTestApp(
      dialect,
      {
        seed: 'stories',
        stories: [buildStory('planned-one', { variant: { publishedAt: '2026-11-27T20:00:00.000Z' } })],
      },
      () => NOW,
    );
    const signedIn = await editorsByLanguage(t);
    editors.en = signedIn.en.browser;
    editors.zh = signedIn.zh.browser;
    await addActiveSubscribers(t.database.db, 1, { locale: 'en', frequency: 'daily' });
    const outcome = await t.newsletter.admin.planRun({
      frequency: 'daily',
      locale: 'en',
      slot: '2026-11-28',
      kind: 'scheduled',
      dueAt: new Date('2026-11-28T08:00:00Z'),
    });
    issueId = outcome.issues[0]?.id as number;
    await t.database.db
      .insertInto('newsletter_events')
      .values({
        provider: 'sendgrid',
        provider_event_id: 'evt-zone',
        kind: 'soft_bounce',
        email: 'full@example.org',
        subscriber_id: null,
        delivery_id: null,
        message_id: null,
        detail: 'mailbox full',
        action: 'counted',
        occurred_at: '2026-11-27T23:40:00.000Z',
        received_at: '2026-11-27T23:41:00.000Z',
      })
      .execute();
    const settings = (await findSiteSettings(t.database.db)) as SiteSettings;
    await saveSiteSettings(t.database.db, { ...settings, timeZone: ZONE });
  });
  afterAll(() => t?.destroy());

  it.each(LOCALES)(
    'shows the issues’, the issue’s and the events’ times in the zone (%s)',
    async (locale) => {
      const editor = editors[locale];
      const created = '<time datetime="2026-11-28T09:00:00.000Z">2026-11-28 17:00 UTC+8</time>';
      expect((await editor.get('/admin/newsletter')).status).toBe(200);
      expect(editor.lastHtml).toContain(`<html lang="${locale}`);
      expect(editor.lastHtml).toContain(created);
      expect(editor.lastHtml).not.toContain(' UTC</time>');
      expect((await editor.get(`/admin/newsletter/issues/${issueId}`)).status).toBe(200);
      expect(editor.lastHtml).toContain(created);
      expect(editor.lastHtml).not.toContain(' UTC</time>');
      expect((await editor.get('/admin/newsletter/events')).status).toBe(200);
      // Received at 23:41 UTC on the 27th: the 28th in Shanghai.
      expect(editor.lastHtml).toContain(
        '<time datetime="2026-11-27T23:41:00.000Z">2026-11-28 07:41 UTC+8</time>',
      );
      expect(editor.lastHtml).toContain(
        '<time datetime="2026-11-27T23:40:00.000Z">2026-11-28 07:40 UTC+8</time>',
      );
    },
  );

  it.each([
    ['en', '1 story first published from 2026-11-27 17:00 UTC+8 to 2026-11-28 17:00 UTC+8.'],
    ['zh', '2026-11-27 17:00 UTC+8至2026-11-28 17:00 UTC+8首次发布的报道：1篇。'],
  ] as const)('says the preview’s period in the zone (%s)', async (locale, period) => {
    const editor = editors[locale];
    expect((await editor.get('/admin/newsletter/preview')).status).toBe(200);
    expect(editor.lastHtml).toContain(period);
  });
});
