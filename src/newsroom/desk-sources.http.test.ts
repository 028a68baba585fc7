import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { deskEnv, type FeedServer, startFeedServer } from '../../test/support/desk-test-feeds.js';
import { signedInAs } from '../../test/support/people.js';
import { listFeeds } from '../desk/index.js';

// The sources page end to end: following feeds from a real local server (one found through its
// site's home page), their status, "refresh now", pausing, removing, and OPML out and back in.

describe.each(DIALECTS)('the sources page on %s', (dialect) => {
  let t: TestApp;
  let server: FeedServer;
  let editor: AdminClient;

  const feedId = async (url: string) =>
    (await listFeeds(t.database.db)).find((f) => f.feedUrl === url)?.id as number;
  const notice = (html: string) => /<p class="notice [^"]*"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? '';

  beforeAll(async () => {
    server = await startFeedServer();
    t = await createTestApp(dialect, { seed: 'demo' }, undefined, { env: deskEnv(server) });
    editor = (await signedInAs(t, 'editor')).browser;
  });
  afterAll(async () => {
    await t?.destroy();
    await server?.close();
  });

  it('is for owners and editors: authors and translators get 403, and no menu entry', async () => {
    for (const role of ['author', 'translator'] as const) {
      const { browser } = await signedInAs(t, role);
      expect((await browser.get('/admin/sources')).status, role).toBe(403);
      expect((await browser.post('/admin/sources', { url: server.urls.wire })).status, role).toBe(403);
      expect((await browser.get('/admin/sources/export.opml')).status, role).toBe(403);
      await browser.get('/admin/stories');
      expect(browser.lastHtml, role).not.toContain('href="/admin/sources"');
    }
    await editor.get('/admin/stories');
    expect(editor.lastHtml).toContain('href="/admin/sources"');
    expect(editor.lastHtml).toContain('href="/admin/desk"');
  });

  it('refuses a POST without the CSRF token', async () => {
    await editor.get('/admin/sources');
    const response = await editor.post('/admin/sources', { url: server.urls.wire }, { csrf: '' });
    expect(response.status).toBe(403);
    expect(await listFeeds(t.database.db)).toEqual([]);
  });

  it('follows a site by its home page, finding the feed it names', async () => {
    await editor.get('/admin/sources');
    expect(editor.lastHtml).toContain('No sources followed yet.');
    const response = await editor.post('/admin/sources', {
      url: server.urls.wirePage,
      folder: 'News / Wires',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/sources?done=followed&items=2');
    const [feed] = await listFeeds(t.database.db);
    expect(feed).toMatchObject({ feedUrl: server.urls.wire, title: 'Daily Wire Tech', itemCount: 2 });
    expect(feed?.folder).toEqual(['News', 'Wires']);
    await editor.get(response.headers.get('location') as string);
    expect(notice(editor.lastHtml)).toBe('Followed: 2 items taken in.');
  });

  it('keeps what was typed and says why when there is no feed, or the address is wrong', async () => {
    const none = await editor.post('/admin/sources', { url: server.urls.nothing, folder: 'x' });
    expect(none.status).toBe(422);
    expect(editor.lastHtml).toContain('No feed found there');
    expect(editor.lastHtml).toContain(`value="${server.urls.nothing}"`);
    expect(editor.lastHtml).toContain('aria-invalid="true"');
    const missing = await editor.post('/admin/sources', { url: `${server.origin}/gone.xml` });
    expect(missing.status).toBe(422);
    const ftp = await editor.post('/admin/sources', { url: 'ftp://example.com/feed' });
    expect(ftp.status).toBe(422);
    expect(editor.lastHtml).toContain('Enter an http:// or https:// address.');
    const blocked = await editor.post('/admin/sources', { url: 'http://10.1.2.3/feed.xml' });
    expect(blocked.status).toBe(422);
    expect(editor.lastHtml).toContain('private network');
    expect(await listFeeds(t.database.db)).toHaveLength(1);
  });

  it('adds the other feeds; following one twice changes nothing', async () => {
    for (const url of [server.urls.chips, server.urls.markup])
      expect((await editor.post('/admin/sources', { url })).status).toBe(303);
    const again = await editor.post('/admin/sources', { url: server.urls.chips });
    expect(again.headers.get('location')).toBe('/admin/sources?done=already');
    expect((await listFeeds(t.database.db)).map((f) => f.title).sort()).toEqual([
      'Chip Weekly',
      'Daily Wire Tech',
      'Markup Daily',
    ]);
  });

  it('shows each source with its state, times, failures and items', async () => {
    await editor.get('/admin/sources');
    const html = editor.lastHtml;
    for (const title of ['Daily Wire Tech', 'Chip Weekly', 'Markup Daily']) expect(html).toContain(title);
    expect(html).toContain(server.urls.wire);
    expect(html).toContain('Folder: News / Wires');
    expect(html).toContain('<span class="badge badge-published">Active</span>');
    expect(html).toContain('<time datetime="2026-11-28T09:00:00.000Z">2026-11-28 09:00 UTC</time>');
    // Next refresh: 30 minutes after the first fetch.
    expect(html).toContain('2026-11-28 09:30 UTC');
    for (const column of ['Last fetch', 'Last success', 'Next', 'Last error', 'Items'])
      expect(html).toContain(column);
  });

  it('"refresh now" takes in a new item and says so', async () => {
    server.state.wireExtra = true;
    const id = await feedId(server.urls.wire);
    await editor.get('/admin/sources');
    const response = await editor.post(`/admin/sources/${id}/refresh`, {});
    expect(response.status).toBe(303);
    await editor.get(response.headers.get('location') as string);
    expect(notice(editor.lastHtml)).toBe('Refreshed: 1 new item, none joined a cluster.');
    expect((await listFeeds(t.database.db)).find((f) => f.id === id)?.itemCount).toBe(3);
  });

  it('a failed refresh shows the error in the message and the table', async () => {
    server.state.chipsStatus = 500;
    const id = await feedId(server.urls.chips);
    const response = await editor.post(`/admin/sources/${id}/refresh`, {});
    await editor.get(response.headers.get('location') as string);
    expect(notice(editor.lastHtml)).toMatch(/^The refresh failed: .*500/);
    expect(editor.lastHtml).toContain('1 failure');
    expect(editor.lastHtml).toContain('<code>500</code>');
    server.state.chipsStatus = 200;
  });

  it('pauses and resumes a source', async () => {
    const id = await feedId(server.urls.markup);
    expect((await editor.post(`/admin/sources/${id}/pause`, {})).headers.get('location')).toBe(
      '/admin/sources?done=paused',
    );
    expect((await listFeeds(t.database.db)).find((f) => f.id === id)?.state).toBe('paused');
    await editor.get('/admin/sources');
    expect(editor.lastHtml).toContain(`action="/admin/sources/${id}/resume"`);
    expect(editor.lastHtml).toContain('Paused');
    await editor.post(`/admin/sources/${id}/resume`, {});
    expect((await listFeeds(t.database.db)).find((f) => f.id === id)?.state).toBe('active');
  });

  it('exports the sources as an OPML download', async () => {
    const response = await editor.get('/admin/sources/export.opml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/x-opml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="sources-2026-11-28.opml"',
    );
    const opml = await response.text();
    expect(opml).toContain('<opml');
    for (const url of [server.urls.wire, server.urls.chips, server.urls.markup]) expect(opml).toContain(url);
  });

  it('removes a source after a confirmation, then imports the OPML back with counts', async () => {
    const opml = await (await editor.get('/admin/sources/export.opml')).text();
    const id = await feedId(server.urls.markup);
    await editor.get('/admin/sources');
    // Without JavaScript the first POST answers with the confirmation page.
    const asked = await editor.post(`/admin/sources/${id}/delete`, {});
    expect(asked.status).toBe(200);
    expect(editor.lastHtml).toContain('Remove this source?');
    expect(editor.lastHtml).toContain('its 2 items go from the desk');
    const removed = await editor.post(`/admin/sources/${id}/delete`, { confirmed: 'yes' });
    expect(removed.headers.get('location')).toBe('/admin/sources?done=removed');
    expect(await listFeeds(t.database.db)).toHaveLength(2);

    await editor.get('/admin/sources');
    const bytes = new TextEncoder().encode(opml);
    const imported = await editor.upload(
      '/admin/sources/import',
      {},
      { field: 'opml', name: 'sources.opml', type: 'text/x-opml', bytes },
    );
    expect(imported.status).toBe(303);
    await editor.get(imported.headers.get('location') as string);
    expect(notice(editor.lastHtml)).toBe(
      'OPML imported: 1 added, 2 already followed, 0 skipped. New feeds are fetched at the next refresh.',
    );
    expect((await listFeeds(t.database.db)).map((f) => f.feedUrl)).toContain(server.urls.markup);
  });

  it('refuses a file that is not OPML, keeping the page usable', async () => {
    await editor.get('/admin/sources');
    const bytes = new TextEncoder().encode('<html><body>not a list</body></html>');
    const response = await editor.upload(
      '/admin/sources/import',
      {},
      { field: 'opml', name: 'page.html', type: 'text/html', bytes },
    );
    expect(response.status).toBe(422);
    expect(editor.lastHtml).toContain('This file is not an OPML list that can be read.');
    const tooLarge = await editor.upload(
      '/admin/sources/import',
      {},
      { field: 'opml', name: 'big.opml', type: 'text/x-opml', bytes: new Uint8Array(1024 * 1024 + 1) },
    );
    expect(tooLarge.status).toBe(413);
    expect(editor.lastHtml).toContain('at most 1024 KB');
  });

  it('audits every change to the sources', async () => {
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_kind'])
      .where('subject_kind', '=', 'source')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'source.follow',
      'source.follow',
      'source.follow',
      'source.refresh',
      'source.refresh',
      'source.update',
      'source.update',
      'source.unfollow',
      'source.import',
    ]);
  });
});
