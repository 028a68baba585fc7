import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { deskEnv, type FeedServer, startFeedServer } from '../../test/support/desk-test-feeds.js';
import { signedInAs } from '../../test/support/people.js';
import { vnuProblems } from '../../test/support/vnu.js';
import { listClusters, listFeeds } from '../desk/index.js';

// The desk's pages (inbox, cluster, start a story, sources, and the editor's source material)
// through the Nu Html Checker in both admin languages, forms shown again with errors included:
// zero errors and zero warnings.

describe('admin pages of the desk', () => {
  let t: TestApp;
  let server: FeedServer;
  let owner: AdminClient;
  const pages: Record<string, string> = {};

  const capture = async (name: string, send: () => Promise<Response>, status: number) => {
    const response = await send();
    expect(response.status, name).toBe(status);
    pages[name] = owner.lastHtml;
  };

  beforeAll(async () => {
    server = await startFeedServer();
    t = await createTestApp('sqlite', { seed: 'demo' }, undefined, { env: deskEnv(server) });
    owner = (await signedInAs(t, 'owner')).browser;
    await owner.get('/admin/sources');
    for (const url of [server.urls.wirePage, server.urls.chips, server.urls.markup])
      expect((await owner.post('/admin/sources', { url })).status).toBe(303);
  });
  afterAll(async () => {
    await t?.destroy();
    await server?.close();
  });

  it('are valid HTML in English and Chinese', async () => {
    const { clusters } = await listClusters(
      t.database.db,
      { state: 'all', limit: 10, offset: 0 },
      new Date(),
    );
    const [first, second, third] = clusters;
    const [feed] = await listFeeds(t.database.db);
    let storyPath = '';
    for (const lang of ['en', 'zh']) {
      await t.database.db.updateTable('users').set({ ui_locale: lang }).execute();
      await capture(`${lang}-desk`, () => owner.get('/admin/desk'), 200);
      await capture(
        `${lang}-desk-filtered`,
        () => owner.get('/admin/desk?state=all&language=en&entity=nvidia&from=2026-11-01&to=2026-11-30'),
        200,
      );
      await capture(`${lang}-desk-empty`, () => owner.get('/admin/desk?entity=openai&language=zh'), 200);
      await capture(`${lang}-desk-done`, () => owner.get('/admin/desk?done=ignored'), 200);
      await capture(`${lang}-cluster`, () => owner.get(`/admin/desk/${first?.id}`), 200);
      await capture(
        `${lang}-cluster-422`,
        () => owner.post(`/admin/desk/${first?.id}/snooze`, { preset: 'until', until: 'soon' }),
        422,
      );
      await capture(`${lang}-start`, () => owner.get(`/admin/desk/${second?.id}/start`), 200);
      await capture(
        `${lang}-start-422`,
        () => owner.post(`/admin/desk/${second?.id}/start`, { locale: '', section: '', title: '' }),
        422,
      );
      await capture(
        `${lang}-sources`,
        () => owner.get('/admin/sources?done=imported&added=1&existing=2&skipped=0'),
        200,
      );
      await capture(
        `${lang}-sources-422`,
        () => owner.post('/admin/sources', { url: 'not a url', folder: '' }),
        422,
      );
      await capture(`${lang}-source-delete`, () => owner.get(`/admin/sources/${feed?.id}/delete`), 200);
      if (!storyPath) {
        const started = await owner.post(`/admin/desk/${third?.id}/start`, {
          locale: 'en',
          section: 'chips',
          title: 'A story from the desk',
        });
        storyPath = (started.headers.get('location') ?? '').split('?')[0] as string;
      }
      await capture(`${lang}-editor-reference`, () => owner.get(storyPath), 200);
      await capture(`${lang}-desk-started`, () => owner.get('/admin/desk?state=started'), 200);
    }
    expect(pages['en-editor-reference']).toContain('id="reference_heading"');
    expect(pages['zh-desk']).toContain('<html lang="zh">');
    expect(vnuProblems(pages)).toEqual([]);
  }, 120_000);
});
