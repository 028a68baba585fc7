import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { editorsByLanguage } from '../../test/support/people.js';
import { findSiteSettings, type SiteSettings, saveSiteSettings } from '../stories/index.js';

// The home page's calendar is on the newsroom's clocks: a story due at 20:00 UTC on Monday is due
// at 04:00 on Tuesday in Shanghai, and sits on Tuesday.

const NOW = new Date('2026-11-28T09:00:00Z');

describe.each(DIALECTS)('the home page’s calendar in the newsroom’s zone on %s', (dialect) => {
  let t: TestApp;
  const editors = {} as Record<'en' | 'zh', AdminClient>;

  beforeAll(async () => {
    t = await createTestApp(
      dialect,
      {
        seed: 'stories',
        stories: [
          buildStory('late-monday', {
            locales: ['en'],
            variant: { status: 'scheduled', publishedAt: null, publishAt: '2026-11-30T20:00:00.000Z' },
          }),
        ],
      },
      () => NOW,
    );
    const signedIn = await editorsByLanguage(t);
    editors.en = signedIn.en.browser;
    editors.zh = signedIn.zh.browser;
    const settings = (await findSiteSettings(t.database.db)) as SiteSettings;
    await saveSiteSettings(t.database.db, { ...settings, timeZone: 'Asia/Shanghai' });
  });
  afterAll(() => t.destroy());

  it.each([
    ['en', 'Scheduled stories, times in Asia/Shanghai', '4:00'],
    ['zh', '定时发布的文章，时间为Asia/Shanghai', '04:00'],
  ] as const)(
    'places and times the scheduled story on the zone’s day (%s)',
    async (locale, caption, time) => {
      const editor = editors[locale];
      expect((await editor.get('/admin')).status).toBe(200);
      const html = editor.lastHtml;
      const start = html.indexOf('data-home-panel="calendar"');
      const calendar = html.slice(start, html.indexOf('</section>', start));
      expect(calendar).toContain(caption);
      const tuesday = calendar.slice(
        calendar.indexOf('datetime="2026-12-01"'),
        calendar.indexOf('datetime="2026-12-02"'),
      );
      expect(tuesday).toContain('late-monday');
      expect(tuesday).toContain(`datetime="2026-11-30T20:00:00.000Z">${time}`);
    },
  );
});
