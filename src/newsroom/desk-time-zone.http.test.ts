import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { deskEnv, type FeedServer, startFeedServer } from '../../test/support/desk-test-feeds.js';
import { editorsByLanguage } from '../../test/support/people.js';
import { findCluster, listClusters } from '../desk/index.js';
import { findSiteSettings, type SiteSettings, saveSiteSettings } from '../stories/index.js';

// The desk's times (sources' fetches, items' and clusters' times, snoozes) are shown and typed on
// the newsroom's clocks, as the rest of the admin's are, whichever language the admin is in.

const NVIDIA = 'Nvidia unveils Rubin inference chip that halves power use';
const QWEN = '阿里云发布新一代通义千问开源模型';
/** Shanghai keeps UTC+8 all year: what the labels say does not depend on the date. */
const ZONE = 'Asia/Shanghai';

describe.each(DIALECTS)('desk times in the newsroom’s zone on %s', (dialect) => {
  let t: TestApp;
  let server: FeedServer;
  const editors: Record<'en' | 'zh', AdminClient> = {} as Record<'en' | 'zh', AdminClient>;
  const clock = new Date('2026-11-28T09:00:00Z');

  const clusterId = async (title: string) => {
    const { clusters } = await listClusters(t.database.db, { state: 'all', limit: 100, offset: 0 }, clock);
    return clusters.find((c) => c.title === title)?.id as number;
  };

  beforeAll(async () => {
    server = await startFeedServer();
    t = await createTestApp(dialect, { seed: 'demo' }, () => clock, { env: deskEnv(server) });
    const signedIn = await editorsByLanguage(t);
    editors.en = signedIn.en.browser;
    editors.zh = signedIn.zh.browser;
    await editors.en.get('/admin/sources');
    for (const url of [server.urls.wirePage, server.urls.chips, server.urls.markup])
      expect((await editors.en.post('/admin/sources', { url })).status).toBe(303);
    const settings = (await findSiteSettings(t.database.db)) as SiteSettings;
    await saveSiteSettings(t.database.db, { ...settings, timeZone: ZONE });
  });
  afterAll(async () => {
    await t?.destroy();
    await server?.close();
  });

  it.each(['en', 'zh'] as const)('shows the sources’ fetch times in the zone (%s)', async (locale) => {
    const editor = editors[locale];
    expect((await editor.get('/admin/sources')).status).toBe(200);
    expect(editor.lastHtml).toContain(`<html lang="${locale}`);
    // Fetched at 09:00 UTC, due again 30 minutes later.
    expect(editor.lastHtml).toContain(
      '<time datetime="2026-11-28T09:00:00.000Z">2026-11-28 17:00 UTC+8</time>',
    );
    expect(editor.lastHtml).toContain('2026-11-28 17:30 UTC+8');
    expect(editor.lastHtml).not.toContain(' UTC</time>');
  });

  it.each(['en', 'zh'] as const)('shows the clusters’ and items’ times in the zone (%s)', async (locale) => {
    const editor = editors[locale];
    expect((await editor.get('/admin/desk')).status).toBe(200);
    expect(editor.lastHtml).toContain(
      '<time datetime="2026-11-28T08:10:00.000Z">2026-11-28 16:10 UTC+8</time>',
    );
    expect(editor.lastHtml).not.toContain(' UTC</time>');
    expect((await editor.get(`/admin/desk/${await clusterId(NVIDIA)}`)).status).toBe(200);
    expect(editor.lastHtml).toContain(
      '<time datetime="2026-11-28T08:10:00.000Z">2026-11-28 16:10 UTC+8</time>',
    );
    expect(editor.lastHtml).not.toContain(' UTC</time>');
  });

  it.each([
    ['en', 'Date and time in Asia/Shanghai (UTC+8).', 'Snoozed until 2026-12-01 08:30 UTC+8'],
    ['zh', '日期和时间按Asia/Shanghai（UTC+8）。', '2026-12-01 08:30 UTC+8'],
  ] as const)('reads a snooze typed in the zone, and says so (%s)', async (locale, hint, shown) => {
    const editor = editors[locale];
    const id = await clusterId(QWEN);
    await editor.get(`/admin/desk/${id}`);
    expect(editor.lastHtml).toContain(hint);
    const snoozed = await editor.post(`/admin/desk/${id}/snooze`, {
      preset: 'until',
      until: '2026-12-01T08:30',
    });
    expect(snoozed.status).toBe(303);
    // 08:30 in Shanghai is 00:30 UTC.
    expect((await findCluster(t.database.db, id))?.snoozedUntil).toBe('2026-12-01T00:30:00.000Z');
    await editor.get('/admin/desk?state=snoozed');
    expect(editor.lastHtml).toContain(shown);
    await editor.post(`/admin/desk/${id}/reopen`, {});
  });
});
