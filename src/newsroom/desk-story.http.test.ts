import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { deskEnv, type FeedServer, startFeedServer } from '../../test/support/desk-test-feeds.js';
import { signedInAs } from '../../test/support/people.js';
import { findCluster, listClusters } from '../desk/index.js';
import { findStory, findStoryIdBySlug, listEntities } from '../stories/index.js';

// "Start a story" from a cluster: the draft it creates (sources and entities, never the sources'
// text), that a double submit makes one story, and the source material beside the editor.

const NVIDIA = 'Nvidia unveils Rubin inference chip that halves power use';
const OPENAI = 'OpenAI opens its first Asian research office in Tokyo';
const QWEN = '阿里云发布新一代通义千问开源模型';

describe.each(DIALECTS)('starting a story from the desk on %s', (dialect) => {
  let t: TestApp;
  let server: FeedServer;
  let editor: AdminClient;
  let storyId = 0;

  const clusterId = async (title: string) => {
    const { clusters } = await listClusters(
      t.database.db,
      { state: 'all', limit: 100, offset: 0 },
      new Date(),
    );
    return clusters.find((c) => c.title === title)?.id as number;
  };
  const storyCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('stories')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    server = await startFeedServer();
    t = await createTestApp(dialect, { seed: 'demo' }, undefined, { env: deskEnv(server) });
    editor = (await signedInAs(t, 'editor')).browser;
    await editor.get('/admin/sources');
    for (const url of [server.urls.wire, server.urls.chips, server.urls.markup])
      expect((await editor.post('/admin/sources', { url })).status).toBe(303);
  });
  afterAll(async () => {
    await t?.destroy();
    await server?.close();
  });

  it('offers a form prefilled from the cluster: its language, its title, its sources', async () => {
    const id = await clusterId(NVIDIA);
    expect((await editor.get(`/admin/desk/${id}/start`)).status).toBe(200);
    const html = editor.lastHtml;
    expect(html).toMatch(new RegExp(`name="title"[^>]*value="${NVIDIA}"`));
    expect(html).toContain('<option value="en" selected="">English</option>');
    expect(html).toContain('<option value="chips">');
    // The original source first.
    expect(html.indexOf('Daily Wire Tech')).toBeLessThan(html.indexOf('Chip Weekly'));
    expect(html).toContain('<span class="chip">Nvidia</span>');
  });

  it('shows the form again with messages when the section or language is wrong', async () => {
    const id = await clusterId(NVIDIA);
    const none = await editor.post(`/admin/desk/${id}/start`, {
      locale: 'en',
      section: '',
      title: 'Kept title',
    });
    expect(none.status).toBe(422);
    expect(editor.lastHtml).toContain('This is required.');
    expect(editor.lastHtml).toContain('value="Kept title"');
    const wrong = await editor.post(`/admin/desk/${id}/start`, {
      locale: 'fr',
      section: 'chips',
      title: 'x',
    });
    expect(wrong.status).toBe(422);
    expect(editor.lastHtml).toContain('Choose one of the options.');
    expect((await findCluster(t.database.db, id))?.state).toBe('open');
  });

  it('creates a draft with the sources attached and the entities tagged, and marks the cluster', async () => {
    const id = await clusterId(NVIDIA);
    const before = await storyCount();
    await editor.get(`/admin/desk/${id}/start`);
    const response = await editor.post(`/admin/desk/${id}/start`, {
      locale: 'en',
      section: 'chips',
      title: 'Rubin: Nvidia halves the power of inference',
    });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/admin\/stories\/\d+\/en\?notice=created$/);
    storyId = Number(/stories\/(\d+)/.exec(location)?.[1]);
    expect(await storyCount()).toBe(before + 1);

    const story = await findStory(t.database.db, storyId);
    expect(story?.sourceLocale).toBe('en');
    expect(story?.variants).toHaveLength(1);
    expect(story?.variants[0]).toMatchObject({
      status: 'draft',
      title: 'Rubin: Nvidia halves the power of inference',
      bodyMarkdown: '',
    });
    expect(story?.sources.map((s) => [s.url, s.publisher, s.author, s.publishedAt?.slice(0, 16)])).toEqual([
      [
        `${server.origin}/wire/2026/11/28/nvidia-rubin-inference-chip`,
        'Daily Wire Tech',
        'Dana Reyes',
        '2026-11-28T06:30',
      ],
      [`${server.origin}/chips/nvidia-rubin-halves-power`, 'Chip Weekly', 'Lee Park', '2026-11-28T08:10'],
    ]);
    const entities = await listEntities(t.database.db);
    const slugs = story?.entityIds.map((e) => entities.find((x) => x.id === e)?.slug).sort();
    expect(slugs).toEqual(['nvidia', 'tsmc']);

    const cluster = await findCluster(t.database.db, id);
    expect(cluster).toMatchObject({ state: 'started', storyId });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id'])
      .where('action', 'in', ['story.create', 'cluster.start'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'story.create', subject_id: storyId },
      { action: 'cluster.start', subject_id: id },
    ]);
  });

  it('sends a second submit, and the form itself, to the story already started', async () => {
    const id = await clusterId(NVIDIA);
    const before = await storyCount();
    const again = await editor.post(`/admin/desk/${id}/start`, {
      locale: 'en',
      section: 'chips',
      title: 'Again',
    });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`/admin/stories/${storyId}`);
    expect((await editor.get(`/admin/desk/${id}/start`)).headers.get('location')).toBe(
      `/admin/stories/${storyId}`,
    );
    expect(await storyCount()).toBe(before);
    await editor.get('/admin/desk?state=started');
    expect(editor.lastHtml).toContain(`href="/admin/stories/${storyId}">Open the story</a>`);
    expect(editor.lastHtml).not.toContain(`/admin/desk/${id}/ignore`);
    expect((await editor.post(`/admin/desk/${id}/ignore`, {})).status).toBe(409);
  });

  it('makes one story of two submits sent at once', async () => {
    const id = await clusterId(OPENAI);
    const before = await storyCount();
    await editor.get(`/admin/desk/${id}/start`);
    const form = { locale: 'en', section: 'industry', title: 'OpenAI comes to Tokyo' };
    const answers = await Promise.all([
      editor.post(`/admin/desk/${id}/start`, form),
      editor.post(`/admin/desk/${id}/start`, form),
    ]);
    expect(answers.map((a) => a.status)).toEqual([303, 303]);
    expect(await storyCount()).toBe(before + 1);
    const started = (await findCluster(t.database.db, id))?.storyId;
    for (const answer of answers)
      expect(answer.headers.get('location')).toContain(`/admin/stories/${started}`);
  });

  it('shows the source material beside the editor, as reference, never in the body', async () => {
    expect((await editor.get(`/admin/stories/${storyId}/en`)).status).toBe(200);
    const html = editor.lastHtml;
    const panel = html.slice(html.indexOf('id="reference_heading"'));
    expect(panel).toContain('Source material');
    expect(panel).toContain('For reference only');
    expect(panel).toContain('by Dana Reyes');
    expect(panel).toContain('<summary>Summary from the feed</summary>');
    expect(panel).toContain('at half the power of the previous generation');
    expect(panel).toContain(`href="/admin/desk/${await clusterId(NVIDIA)}"`);
    expect(/<textarea id="field_body"[^>]*><\/textarea>/.test(html)).toBe(true);
    // A story that did not come from the desk has no such panel.
    const demo = await findStoryIdBySlug(t.database.db, 'zh', 'nvidia-26b-open-models');
    expect((await editor.get(`/admin/stories/${demo}/zh`)).status).toBe(200);
    expect(editor.lastHtml).not.toContain('id="reference_heading"');
  });

  it('lets an author start a story in Chinese; translators never see the source material', async () => {
    const { browser: author } = await signedInAs(t, 'author');
    const id = await clusterId(QWEN);
    await author.get(`/admin/desk/${id}/start`);
    expect(author.lastHtml).toContain('<option value="zh" selected="">');
    const response = await author.post(`/admin/desk/${id}/start`, {
      locale: 'zh',
      section: 'ai-models',
      title: QWEN,
    });
    expect(response.status).toBe(303);
    const started = (await findCluster(t.database.db, id))?.storyId as number;
    expect((await author.get(`/admin/stories/${started}/zh`)).status).toBe(200);
    expect(author.lastHtml).toContain('id="reference_heading"');

    const { browser: translator } = await signedInAs(t, 'translator', { locales: ['en'] });
    expect((await translator.get(`/admin/stories/${storyId}/en`)).status).toBe(200);
    expect(translator.lastHtml).not.toContain('id="reference_heading"');
    expect(translator.lastHtml).not.toContain('at half the power of the previous generation');
    expect(
      (await translator.post(`/admin/desk/${id}/start`, { locale: 'en', section: 'chips', title: 'x' }))
        .status,
    ).toBe(403);
  });
});
