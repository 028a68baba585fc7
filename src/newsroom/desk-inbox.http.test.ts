import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { deskEnv, type FeedServer, startFeedServer } from '../../test/support/desk-test-feeds.js';
import { signedInAs } from '../../test/support/people.js';
import { findCluster, listClusters, listFeeds } from '../desk/index.js';

// The desk's inbox and cluster pages over feeds followed through the admin: one cluster with two
// sources, the filters, triage (ignore, snooze, reopen) and who may do what.

const NVIDIA = 'Nvidia unveils Rubin inference chip that halves power use';
const OPENAI = 'OpenAI opens its first Asian research office in Tokyo';
const QWEN = '阿里云发布新一代通义千问开源模型';
/** As the page's HTML has it: the markup in the feed's title comes out escaped. */
const MARKUP = 'Chip startup &lt;img src=x onerror=alert(1)&gt; raises funds';

describe.each(DIALECTS)('the desk on %s', (dialect) => {
  let t: TestApp;
  let server: FeedServer;
  let editor: AdminClient;
  let clock = new Date('2026-11-28T09:00:00Z');

  const clusterId = async (title: string) => {
    const { clusters } = await listClusters(t.database.db, { state: 'all', limit: 100, offset: 0 }, clock);
    return clusters.find((c) => c.title === title)?.id as number;
  };
  /** The titles of the clusters a page lists, in order. */
  const listed = (html: string) =>
    [...html.matchAll(/<h2 id="cluster_\d+_title" class="desk-cluster-title"><a [^>]*>([^<]*)<\/a>/g)].map(
      (m) => m[1],
    );
  const inbox = async (query = '') => {
    expect((await editor.get(`/admin/desk${query}`)).status).toBe(200);
    return listed(editor.lastHtml);
  };

  beforeAll(async () => {
    server = await startFeedServer();
    t = await createTestApp(dialect, { seed: 'demo' }, () => clock, { env: deskEnv(server) });
    editor = (await signedInAs(t, 'editor')).browser;
    await editor.get('/admin/sources');
    for (const url of [server.urls.wirePage, server.urls.chips, server.urls.markup])
      expect((await editor.post('/admin/sources', { url })).status).toBe(303);
  });
  afterAll(async () => {
    await t?.destroy();
    await server?.close();
  });

  it('lists the clusters newest first; the same news from two feeds is one cluster', async () => {
    expect(await inbox()).toEqual([NVIDIA, OPENAI, QWEN, MARKUP]);
    const html = editor.lastHtml;
    expect(html).toContain('4 clusters');
    expect(html).toContain('2 items from 2 sources');
    const nvidia = html.slice(html.indexOf(NVIDIA), html.indexOf(OPENAI));
    expect(nvidia).toContain('Chip Weekly');
    expect(nvidia).toContain('Nvidia unveils the Rubin inference chip, halving power use');
    expect(nvidia).toContain(
      `href="${server.origin}/chips/nvidia-rubin-halves-power" rel="noopener noreferrer"`,
    );
    expect(nvidia).toContain('English');
    // The wire published first; nothing links elsewhere, so it is the most original too.
    const wireLine =
      /<li><span class="desk-publisher">Daily Wire Tech<\/span>.*?<\/li>/.exec(nvidia)?.[0] ?? '';
    expect(wireLine).toContain('Earliest');
    expect(wireLine).toContain('Most original');
    const chipsLine = /<li><span class="desk-publisher">Chip Weekly<\/span>.*?<\/li>/.exec(nvidia)?.[0] ?? '';
    expect(chipsLine).not.toContain('Earliest');
    expect(chipsLine).toContain('<time datetime="2026-11-28T08:10:00.000Z">2026-11-28 08:10 UTC</time>');
  });

  it('escapes markup from a feed title', async () => {
    await inbox();
    expect(editor.lastHtml).toContain(MARKUP);
    expect(editor.lastHtml).not.toContain('<img src=x');
  });

  it('filters by source, language, entity and dates, keeping the choices in the form', async () => {
    const chips = (await listFeeds(t.database.db)).find((f) => f.title === 'Chip Weekly')?.id;
    expect(await inbox(`?source=${chips}`)).toEqual([NVIDIA]);
    expect(editor.lastHtml).toContain(`<option value="${chips}" selected="">Chip Weekly</option>`);
    expect(await inbox('?language=zh')).toEqual([QWEN]);
    expect(await inbox('?language=en')).toHaveLength(3);
    expect(await inbox('?entity=openai')).toEqual([OPENAI]);
    expect(await inbox('?entity=nvidia')).toEqual([NVIDIA]);
    expect(editor.lastHtml).toContain('<option value="nvidia" selected="">Nvidia</option>');
    expect(await inbox('?entity=no-such-entity')).toEqual([]);
    expect(await inbox('?from=2026-11-27')).toEqual([NVIDIA, OPENAI]);
    expect(await inbox('?to=2026-11-26')).toEqual([QWEN, MARKUP]);
    expect(await inbox('?from=2026-11-27&to=2026-11-27&language=en')).toEqual([OPENAI]);
    // Nonsense in the query string is ignored, not an error.
    expect(await inbox('?state=everything&source=abc&from=yesterday')).toHaveLength(4);
  });

  it('shows a cluster with each item, its text folded, byline, link and entities', async () => {
    const id = await clusterId(NVIDIA);
    expect((await editor.get(`/admin/desk/${id}`)).status).toBe(200);
    const html = editor.lastHtml;
    expect(html).toContain(`<h1 lang="en">${NVIDIA}</h1>`);
    expect(html).toContain('What the sources say (2)');
    expect(html).toContain('by Dana Reyes');
    expect(html).toContain('by Lee Park');
    expect(html).toContain('<details class="desk-text"><summary>Summary from the feed</summary>');
    expect(html).toContain('at half the power of the previous generation');
    expect(html).toContain(
      `href="${server.origin}/wire/2026/11/28/nvidia-rubin-inference-chip" rel="noopener noreferrer"`,
    );
    expect(html).toMatch(/Entities found:.*<span class="chip">Nvidia<\/span>/s);
    expect(html).toContain('<span class="chip">TSMC</span>');
    expect((await editor.get('/admin/desk/99999')).status).toBe(404);
  });

  it('ignores a cluster, lists it under "ignored", and reopens it', async () => {
    const id = await clusterId(OPENAI);
    await inbox('?language=en');
    const ignored = await editor.post(`/admin/desk/${id}/ignore`, { return: '/admin/desk?language=en' });
    expect(ignored.status).toBe(303);
    expect(ignored.headers.get('location')).toBe('/admin/desk?language=en&done=ignored');
    await editor.get(ignored.headers.get('location') as string);
    expect(editor.lastHtml).toContain('Ignored: it no longer shows among the open clusters.');
    expect(listed(editor.lastHtml)).not.toContain(OPENAI);
    expect(await inbox('?state=ignored')).toEqual([OPENAI]);
    const reopened = await editor.post(`/admin/desk/${id}/reopen`, { return: 'https://evil.example/' });
    expect(reopened.headers.get('location')).toBe('/admin/desk?done=reopened');
    expect(await inbox()).toContain(OPENAI);
  });

  it('snoozes for a preset time or until a chosen time, and refuses a time in the past', async () => {
    const id = await clusterId(QWEN);
    await editor.get(`/admin/desk/${id}`);
    const past = await editor.post(`/admin/desk/${id}/snooze`, {
      preset: 'until',
      until: '2026-11-01T10:00',
    });
    expect(past.status).toBe(422);
    expect(editor.lastHtml).toContain('Choose a time in the future.');
    expect(editor.lastHtml).toContain('value="2026-11-01T10:00"');
    const chosen = await editor.post(`/admin/desk/${id}/snooze`, {
      preset: 'until',
      until: '2026-12-01T08:30',
      return: `/admin/desk/${id}`,
    });
    expect(chosen.headers.get('location')).toBe(`/admin/desk/${id}?done=snoozed`);
    expect((await findCluster(t.database.db, id))?.snoozedUntil).toBe('2026-12-01T08:30:00.000Z');
    await editor.post(`/admin/desk/${id}/snooze`, { preset: '4h' });
    expect((await findCluster(t.database.db, id))?.snoozedUntil).toBe('2026-11-28T13:00:00.000Z');
    expect(await inbox()).not.toContain(QWEN);
    expect(await inbox('?state=snoozed')).toEqual([QWEN]);
    expect(editor.lastHtml).toContain('Snoozed until 2026-11-28 13:00 UTC');
    // Once the time has come, it is open again.
    clock = new Date('2026-11-28T13:30:00Z');
    expect(await inbox()).toContain(QWEN);
    expect(await inbox('?state=snoozed')).toEqual([]);
    clock = new Date('2026-11-28T09:00:00Z');
  });

  it('refuses triage without the CSRF token', async () => {
    const id = await clusterId(NVIDIA);
    await editor.get('/admin/desk');
    expect((await editor.post(`/admin/desk/${id}/ignore`, {}, { csrf: '' })).status).toBe(403);
    expect((await findCluster(t.database.db, id))?.state).toBe('open');
  });

  it('lets authors read the desk and start stories, but not triage', async () => {
    const { browser: author } = await signedInAs(t, 'author');
    expect((await author.get('/admin/desk')).status).toBe(200);
    expect(author.lastHtml).toContain('Start a story');
    expect(author.lastHtml).not.toContain('/ignore"');
    expect(author.lastHtml).not.toContain('href="/admin/sources"');
    const id = await clusterId(NVIDIA);
    expect((await author.get(`/admin/desk/${id}`)).status).toBe(200);
    expect((await author.post(`/admin/desk/${id}/ignore`, {})).status).toBe(403);
    expect((await findCluster(t.database.db, id))?.state).toBe('open');
  });

  it('shows translators nothing of the desk', async () => {
    const { browser: translator } = await signedInAs(t, 'translator');
    const id = await clusterId(NVIDIA);
    for (const path of ['/admin/desk', `/admin/desk/${id}`, `/admin/desk/${id}/start`])
      expect((await translator.get(path)).status, path).toBe(403);
    expect((await translator.post(`/admin/desk/${id}/snooze`, { preset: '1d' })).status).toBe(403);
    await translator.get('/admin/stories');
    expect(translator.lastHtml).not.toContain('href="/admin/desk"');
  });

  it('audits triage', async () => {
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('subject_kind', '=', 'cluster')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.action, JSON.parse(r.details).to])).toEqual([
      ['cluster.triage', 'ignored'],
      ['cluster.triage', 'open'],
      ['cluster.triage', 'snoozed'],
      ['cluster.triage', 'snoozed'],
    ]);
  });
});
