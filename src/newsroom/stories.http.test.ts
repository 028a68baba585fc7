import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { addUser, listAudit } from '../accounts/index.js';
import { findStory, findStoryIdBySlug, listSections } from '../stories/index.js';

const PASSWORD = 'correct horse battery';
const start = new Date('2026-11-28T09:00:00Z');

const zhText = {
  title: '英伟达发布新一代数据中心芯片',
  summary: '英伟达公布了新一代数据中心芯片，性能大幅提升。',
  body: '## 背景\n\n英伟达今天发布了新一代芯片，这一举措将影响整个行业的发展方向。分析人士认为性能提升明显。\n',
};

describe.each(DIALECTS)('the stories pages on %s', (dialect) => {
  let t: TestApp;
  let clock = start;
  const as: Record<string, AdminClient> = {};

  beforeAll(async () => {
    t = await createTestApp(
      dialect,
      {
        seed: 'stories',
        stories: [
          buildStory('published-both'),
          buildStory('zh-draft', { locales: ['zh'], variant: { status: 'draft', publishedAt: null } }),
          buildStory('chips-news', { section: 'chips', locales: ['zh'] }),
        ],
      },
      () => clock,
    );
    const people = [
      ['editor@example.test', 'editor', []],
      ['author@example.test', 'author', []],
      ['translator@example.test', 'translator', ['en']],
    ] as const;
    for (const [email, role, locales] of people) {
      await addUser(t.database.db, { email, role, locales: [...locales] }, PASSWORD, start);
      as[role] = new AdminClient(t);
      await as[role].signIn(email, PASSWORD);
    }
  });
  afterAll(() => t.destroy());

  const idOf = async (slug: string, locale = 'zh') =>
    (await findStoryIdBySlug(t.database.db, locale, slug)) as number;
  const editor = () => as.editor as AdminClient;

  /** The editor form's fields as stored, so a test changes only what it means to. */
  const formOf = async (storyId: number, locale: string, changes: Record<string, string | string[]> = {}) => {
    const story = await findStory(t.database.db, storyId);
    const variant = story?.variants.find((v) => v.locale === locale);
    return {
      title: variant?.title ?? '',
      slug: variant?.slug ?? '',
      summary: variant?.summary ?? '',
      body: variant?.bodyMarkdown ?? '',
      heroAlt: variant?.heroAlt ?? '',
      faqQuestion: variant?.faq.map((f) => f.question) ?? [],
      faqAnswer: variant?.faq.map((f) => f.answer) ?? [],
      section: (await listSections(t.database.db)).find((s) => s.id === story?.sectionId)?.key ?? '',
      entity: ['nvidia'],
      baseRevision: String(variant?.revision ?? ''),
      ...changes,
    };
  };

  it('lists stories with per-locale status and filters them', async () => {
    const all = await editor().get('/admin/stories');
    expect(all.status).toBe(200);
    const html = editor().lastHtml;
    expect(html).toContain('Nvidia announces the published-both plan');
    expect(html).toContain('英伟达宣布zh-draft计划');
    expect(html).toMatch(/badge-missing/);

    await editor().get('/admin/stories?status=draft');
    expect(editor().lastHtml).toContain('zh-draft');
    expect(editor().lastHtml).not.toContain('published-both');

    await editor().get('/admin/stories?translation=missing&locale=en');
    expect(editor().lastHtml).toContain('chips-news');
    expect(editor().lastHtml).not.toContain('published-both');

    await editor().get(`/admin/stories?q=${encodeURIComponent('chips-news')}`);
    expect(editor().lastHtml).toContain('chips-news');
    expect(editor().lastHtml).not.toContain('zh-draft');

    expect((await editor().get('/admin/stories?status=bogus&page=x')).status).toBe(200);
    expect((await new AdminClient(t).get('/admin/stories')).status).toBe(303);
  });

  it('creates a story, answering a bad form with 422 in the person’s language, nothing lost', async () => {
    expect((await editor().get('/admin/stories/new')).status).toBe(200);
    const bad = await editor().post('/admin/stories/new', {
      section: 'ai-models',
      sourceLocale: 'zh',
      title: '  ',
      slug: '',
      summary: '',
      body: '我写了很多内容，不能丢失。',
    });
    expect(bad.status).toBe(422);
    expect(editor().lastHtml).toContain('This is required.');
    expect(editor().lastHtml).toContain('我写了很多内容，不能丢失。');

    const translator = as.translator as AdminClient;
    await translator.get('/admin/stories');
    expect(
      (await translator.post('/admin/stories/new', { section: 'ai-models', sourceLocale: 'zh', title: 'x' }))
        .status,
    ).toBe(403);

    const created = await editor().post('/admin/stories/new', {
      section: 'ai-models',
      sourceLocale: 'zh',
      slug: 'new-chips',
      ...zhText,
    });
    expect(created.status).toBe(303);
    const id = await idOf('new-chips');
    expect(created.headers.get('location')).toBe(`/admin/stories/${id}/zh?notice=created`);
    expect((await editor().get(`/admin/stories/${id}/zh`)).status).toBe(200);
    expect(editor().lastHtml).toContain(zhText.title);
  });

  it('edits a variant; a bad edit is shown again with 422; FAQ rows move on the server', async () => {
    const id = await idOf('new-chips');
    await editor().get(`/admin/stories/${id}/zh`);
    const withFaq = await editor().post(`/admin/stories/${id}/zh`, {
      ...(await formOf(id, 'zh')),
      faqQuestion: ['第一个问题？', '第二个问题？'],
      faqAnswer: ['第一个回答。', '第二个回答。'],
      intent: 'faq-down:0',
    });
    expect(withFaq.status).toBe(200);
    const html = editor().lastHtml;
    expect(html.indexOf('第二个问题？')).toBeLessThan(html.indexOf('第一个问题？'));

    const bad = await editor().post(`/admin/stories/${id}/zh`, {
      ...(await formOf(id, 'zh')),
      title: '',
      body: '新的正文不会丢失。',
      faqQuestion: ['只有问题？'],
      faqAnswer: [''],
      intent: 'save',
    });
    expect(bad.status).toBe(422);
    expect(editor().lastHtml).toContain('新的正文不会丢失。');
    expect(editor().lastHtml).toContain('aria-invalid="true"');

    const saved = await editor().post(`/admin/stories/${id}/zh`, {
      ...(await formOf(id, 'zh')),
      title: '英伟达新芯片正式亮相',
      faqQuestion: ['新芯片什么时候上市？'],
      faqAnswer: ['新芯片将于明年第一季度上市。'],
      intent: 'save',
    });
    expect(saved.status).toBe(303);
    const zh = (await findStory(t.database.db, id))?.variants[0];
    expect(zh).toMatchObject({ title: '英伟达新芯片正式亮相', revision: 2 });
    expect(zh?.faq).toEqual([{ question: '新芯片什么时候上市？', answer: '新芯片将于明年第一季度上市。' }]);
  });

  it('publishes, then readers get 410 after unpublishing', async () => {
    const id = await idOf('new-chips');
    expect((await t.get('/zh/ai-models/new-chips')).status).toBe(404);
    await editor().get(`/admin/stories/${id}/zh`);
    const published = await editor().post(`/admin/stories/${id}/zh`, {
      ...(await formOf(id, 'zh')),
      intent: 'publish',
    });
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toContain('notice=published');
    expect((await t.get('/zh/ai-models/new-chips')).status).toBe(200);
    expect(t.events).toContainEqual(
      expect.objectContaining({ type: 'story.published', storyId: id, locale: 'zh' }),
    );

    const unpublished = await editor().post(`/admin/stories/${id}/zh`, {
      ...(await formOf(id, 'zh')),
      intent: 'unpublish',
    });
    expect(unpublished.status).toBe(303);
    expect((await t.get('/zh/ai-models/new-chips')).status).toBe(410);
    expect(t.events).toContainEqual(expect.objectContaining({ type: 'story.unpublished', storyId: id }));
  });

  it('refuses a publish with QA findings, then publishes with an override reason logged', async () => {
    const id = await idOf('zh-draft');
    await editor().get(`/admin/stories/${id}/zh`);
    const english = {
      ...(await formOf(id, 'zh')),
      faqQuestion: ['When will the plan start?'],
      faqAnswer: ['The plan starts in the first quarter of next year.'],
    };
    const refused = await editor().post(`/admin/stories/${id}/zh`, { ...english, intent: 'publish' });
    expect(refused.status).toBe(422);
    expect(editor().lastHtml).toContain('FAQ 1, question reads as English, not Chinese');
    expect(editor().lastHtml).toContain('name="qaOverrideReason"');
    // The submit is one transaction: the refused publish saved none of the text either.
    const unchanged = (await findStory(t.database.db, id))?.variants[0];
    expect(unchanged?.status).toBe('draft');
    expect(unchanged?.revision).toBe(Number(english.baseRevision));
    expect(unchanged?.faq.map((f) => f.question)).not.toContain('When will the plan start?');
    // …and the form shown again keeps what was typed.
    expect(editor().lastHtml).toContain('When will the plan start?');

    const overridden = await editor().post(`/admin/stories/${id}/zh`, {
      ...english,
      intent: 'publish',
      qaOverrideReason: 'An interview quoted in English',
    });
    expect(overridden.status).toBe(303);
    const published = (await findStory(t.database.db, id))?.variants[0];
    expect(published?.status).toBe('published');
    expect(published?.faq.map((f) => f.question)).toEqual(['When will the plan start?']);
    const audit = await listAudit(
      t.database.db,
      { action: 'story.qa-override', subjectId: id },
      { limit: 5, offset: 0 },
    );
    expect(audit.entries[0]?.summary).toBe('An interview quoted in English');
  });

  it('checks the role on every route: translators never publish, authors never edit published stories', async () => {
    const id = await idOf('published-both');
    const translator = as.translator as AdminClient;
    expect((await translator.get(`/admin/stories/${id}/en`)).status).toBe(200);
    expect(translator.lastHtml).toContain('source-pane');
    expect(translator.lastHtml).not.toContain('value="publish"');
    expect(
      (await translator.post(`/admin/stories/${id}/en`, { ...(await formOf(id, 'en')), intent: 'publish' }))
        .status,
    ).toBe(403);
    expect(
      (
        await translator.post(`/admin/stories/${id}/zh`, {
          ...(await formOf(id, 'zh')),
          title: '改了',
          intent: 'save',
        })
      ).status,
    ).toBe(403);
    expect((await translator.post(`/admin/stories/${id}/delete`, { confirmed: 'yes' })).status).toBe(403);
    const author = as.author as AdminClient;
    await author.get(`/admin/stories/${id}/zh`);
    expect(
      (
        await author.post(`/admin/stories/${id}/zh`, {
          ...(await formOf(id, 'zh')),
          title: '作者改',
          intent: 'save',
        })
      ).status,
    ).toBe(403);
  });

  it('shows a translator the stale diff and lets them confirm the translation', async () => {
    const id = await idOf('published-both');
    await editor().get(`/admin/stories/${id}/zh`);
    const zhForm = await formOf(id, 'zh');
    expect(
      (
        await editor().post(`/admin/stories/${id}/zh`, {
          ...zhForm,
          body: `${zhForm.body}\n价格将在明年下降。\n`,
          intent: 'save',
        })
      ).status,
    ).toBe(303);
    const translator = as.translator as AdminClient;
    await translator.get(`/admin/stories/${id}/en`);
    expect(translator.lastHtml).toContain('The source changed since this translation');
    expect(translator.lastHtml).toMatch(/<ins>[^<]*价格将在明年下降/);
    const confirmed = await translator.post(`/admin/stories/${id}/en/confirm-translation`, {});
    expect(confirmed.status).toBe(303);
    await translator.get(`/admin/stories/${id}/en`);
    expect(translator.lastHtml).toContain('The translation is current');
  });

  it('keeps history: lists revisions, compares two with ins/del, restores one', async () => {
    const id = await idOf('new-chips');
    expect((await editor().get(`/admin/stories/${id}/revisions?locale=zh`)).status).toBe(200);
    expect(editor().lastHtml).toContain('editor@example.test');
    expect((await editor().get(`/admin/stories/${id}/compare?locale=zh&a=1&b=2`)).status).toBe(200);
    expect(editor().lastHtml).toMatch(/<del>[^<]*英伟达发布新一代数据中心芯片/);
    expect(editor().lastHtml).toMatch(/<ins>[^<]*英伟达新芯片正式亮相/);
    const restored = await editor().post(`/admin/stories/${id}/revisions/restore`, {
      locale: 'zh',
      revision: '1',
    });
    expect(restored.status).toBe(303);
    expect((await findStory(t.database.db, id))?.variants[0]).toMatchObject({
      title: zhText.title,
      revision: 3,
    });
  });

  it('makes a preview link that shows the current text, uncached and unindexed, until it expires', async () => {
    const id = await idOf('new-chips');
    await editor().get(`/admin/stories/${id}/zh`);
    const made = await editor().post(`/admin/stories/${id}/zh/preview-link`, { hours: '1' });
    expect(made.status).toBe(200);
    const path =
      /https:\/\/news\.example\.test(\/preview\/[A-Za-z0-9_-]{43})/.exec(editor().lastHtml)?.[1] ?? '';
    expect(path).not.toBe('');
    const preview = await t.get(path);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('cache-control')).toContain('no-store');
    const html = await preview.text();
    expect(html).toContain('<meta name="robots" content="noindex"');
    expect(html).toContain(zhText.title);
    expect(t.cache.keys().some((key) => key.startsWith('/preview/'))).toBe(false);
    expect((await t.get('/preview/unknown-token')).status).toBe(404);
    clock = new Date(start.getTime() + 61 * 60_000);
    try {
      expect((await t.get(path)).status).toBe(410);
    } finally {
      clock = start;
    }
  });

  it('renders the live preview endpoint from Markdown, escaping raw HTML', async () => {
    await editor().get('/admin/stories');
    const response = await editor().request('/admin/stories/preview-markdown', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': editor().csrf },
      body: new URLSearchParams({
        locale: 'zh',
        body: '## 标题\n\n<script>alert(1)</script> [x](story:nope)',
      }),
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h2');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('nope');
  });

  it('escapes what people type', async () => {
    await editor().get('/admin/stories/new');
    await editor().post('/admin/stories/new', {
      section: 'chips',
      sourceLocale: 'en',
      slug: 'xss-title',
      title: '<img src=x onerror=alert(1)> Chips',
      summary: '',
      body: '',
    });
    await editor().get('/admin/stories?q=chips');
    expect(editor().lastHtml).toContain('&lt;img src=x onerror=alert(1)&gt; Chips');
    expect(editor().lastHtml).not.toContain('<img src=x');
  });

  it('asks before deleting, then deletes', async () => {
    const id = await idOf('xss-title', 'en');
    await editor().get(`/admin/stories/${id}/en`);
    const asked = await editor().post(`/admin/stories/${id}/delete`, {});
    expect(asked.status).toBe(200);
    expect(editor().lastHtml).toContain('Delete this story?');
    const deleted = await editor().post(`/admin/stories/${id}/delete`, { confirmed: 'yes' });
    expect(deleted.status).toBe(303);
    expect(await findStory(t.database.db, id)).toBeUndefined();
    expect((await editor().get(`/admin/stories/${id}/en`)).status).toBe(404);
  });
});
