import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, contentKey, staffToken } from '../../../test/support/api-client.js';
import { createTestApp, TEST_SITE_URL, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { buildStory } from '../../../test/support/factories.js';
import { createWebhook, listDeliveries } from '../../webhooks/index.js';
import { AdminStoryEnvelope, SavedVariantEnvelope, ScheduledEnvelope } from './schemas.js';

const zhVariant = {
  title: '英伟达发布新一代推理芯片',
  summary: '英伟达公布了面向数据中心推理的新芯片，功耗与成本均明显下降。',
  body: '## 背景\n\n英伟达今天发布了新一代推理芯片，分析人士认为，这将显著降低大模型的部署成本，并影响整个行业的竞争格局。\n',
  faq: [{ question: '新芯片什么时候上市？', answer: '新芯片预计将于明年第一季度开始供货。' }],
  heroAlt: '',
};

const enVariant = {
  title: 'Nvidia unveils a new inference chip',
  summary: 'Nvidia announced a data-centre inference chip that cuts power and cost noticeably.',
  body: '## Background\n\nNvidia released a new generation of inference chips today. Analysts expect it to lower the cost of deploying large models and to reshape competition across the industry.\n',
  faq: [
    {
      question: 'When does the chip ship?',
      answer: 'The chip is expected to ship in the first quarter of next year.',
    },
  ],
  heroAlt: '',
};

describe.each(DIALECTS)('Admin API on %s', (dialect) => {
  let t: TestApp;
  let editor: { token: string; userId: number };
  let translator: { token: string; userId: number };
  let author: { token: string; userId: number };
  let reader: string;
  let storyId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('existing')] });
    editor = await staffToken(t, 'editor');
    translator = await staffToken(t, 'translator', { locales: ['en'] });
    author = await staffToken(t, 'author');
    reader = await contentKey(t);
  });
  afterAll(() => t.destroy());

  const admin = (path: string, token: string, init: { method?: string; body?: unknown } = {}) =>
    apiRequest(t, `/admin/v1${path}`, { token, ...init });

  it('creates a story as a draft with an editor’s token; the editor is its author', async () => {
    const response = await admin('/stories', editor.token, {
      body: {
        section: 'chips',
        sourceLocale: 'zh',
        entities: ['nvidia'],
        sources: [{ url: 'https://news.example.com/chip', publisher: 'Example Wire' }],
        variant: zhVariant,
      },
    });
    expect(response.status).toBe(201);
    const { data } = AdminStoryEnvelope.parse(await response.json());
    storyId = data.id;
    expect(response.headers.get('location')).toBe(`${TEST_SITE_URL}/api/admin/v1/stories/${storyId}`);
    expect(data).toMatchObject({
      section: 'chips',
      sourceLocale: 'zh',
      authorId: editor.userId,
      entities: ['nvidia'],
    });
    expect(data.variants).toEqual([
      expect.objectContaining({ locale: 'zh', title: zhVariant.title, status: 'draft', revision: 1 }),
    ]);
    // A draft is not content yet.
    expect((await apiRequest(t, `/content/v1/stories/${storyId}`, { token: reader })).status).toBe(404);
  });

  it('refuses a body that breaks the schema with 422 and the fields', async () => {
    const response = await admin('/stories', editor.token, {
      body: {
        section: 'chips',
        sourceLocale: 'zh',
        variant: { ...zhVariant, title: '' },
        sources: [{ url: 'ftp://x' }],
      },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { errors: { location: string; field: string }[] };
    expect(problem.errors.map((e) => `${e.location}:${e.field}`).sort()).toEqual([
      'body:sources.0.url',
      'body:variant.title',
    ]);
    // The workflow's own checks (an unknown section) answer in the same shape.
    const unknown = await admin('/stories', editor.token, {
      body: { section: 'no-such-section', sourceLocale: 'zh', variant: zhVariant },
    });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { status: number }).status).toBe(422);
  });

  it('adds a translation with PUT, changes text with PATCH, and refuses a stale revision', async () => {
    const put = await admin(`/stories/${storyId}/variants/en`, translator.token, {
      method: 'PUT',
      body: enVariant,
    });
    expect(put.status).toBe(200);
    const added = SavedVariantEnvelope.parse(await put.json());
    expect(added).toMatchObject({ created: true, saved: true, revision: 1 });
    expect(added.data.variants.map((v) => [v.locale, v.status])).toEqual([
      ['zh', 'draft'],
      ['en', 'draft'],
    ]);

    const patch = await admin(`/stories/${storyId}/variants/zh`, editor.token, {
      method: 'PATCH',
      body: { summary: '英伟达公布了面向数据中心推理的新芯片，功耗与成本都明显下降。' },
    });
    expect(patch.status).toBe(200);
    const patched = SavedVariantEnvelope.parse(await patch.json());
    const zh = patched.data.variants.find((v) => v.locale === 'zh');
    expect(patched.revision).toBe(2);
    expect(zh).toMatchObject({ title: zhVariant.title, body: zhVariant.body, revision: 2 });
    expect(zh?.summary).toContain('都明显下降');

    const stale = await admin(`/stories/${storyId}/variants/zh`, editor.token, {
      method: 'PATCH',
      body: { title: '过时的标题', baseRevision: 1 },
    });
    expect(stale.status).toBe(409);
  });

  it('applies the rule book: a translator edits only their locales and never publishes', async () => {
    const publishing = await admin(`/stories/${storyId}/variants/en/publish`, translator.token, {
      method: 'POST',
    });
    expect(publishing.status).toBe(403);
    expect(await publishing.json()).toMatchObject({ type: 'about:blank', title: 'Forbidden', status: 403 });
    const otherLocale = await admin(`/stories/${storyId}/variants/zh`, translator.token, {
      method: 'PATCH',
      body: { title: '译者不能改中文' },
    });
    expect(otherLocale.status).toBe(403);
    const byAuthor = await admin(`/stories/${storyId}/variants/zh/publish`, author.token, { method: 'POST' });
    expect(byAuthor.status).toBe(403);
    expect(t.events.filter((e) => e.storyId === storyId)).toEqual([]);
  });

  it('publishes with an editor’s token: the Content API, the site and webhooks all see it', async () => {
    const webhook = await createWebhook(
      t.database.db,
      { url: 'https://hooks.example.test/velocity', events: ['story.published'] },
      new Date(),
    );
    const response = await admin(`/stories/${storyId}/variants/zh/publish`, editor.token, { method: 'POST' });
    expect(response.status).toBe(200);
    const { data } = AdminStoryEnvelope.parse(await response.json());
    expect(data.variants.find((v) => v.locale === 'zh')).toMatchObject({ status: 'published' });
    expect(t.events.filter((e) => e.storyId === storyId)).toEqual([
      expect.objectContaining({ type: 'story.published', storyId, locale: 'zh' }),
    ]);

    const content = await apiRequest(t, `/content/v1/stories/${storyId}?locale=zh`, { token: reader });
    expect(content.status).toBe(200);
    const { data: published } = (await content.json()) as { data: { title: string; url: string } };
    expect(published.title).toBe(zhVariant.title);
    const page = await t.get(new URL(published.url).pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(zhVariant.title);

    const [delivery] = await listDeliveries(t.database.db, webhook.id, 5);
    expect(delivery).toMatchObject({ status: 'pending', event: 'story.published' });
    expect(JSON.parse(delivery?.payload ?? '{}')).toMatchObject({
      event: 'story.published',
      storyId,
      locale: 'zh',
      url: published.url,
      title: zhVariant.title,
    });
  });

  it('refuses to publish text that fails quality checks, naming the problems, unless overridden', async () => {
    // An English variant written in Chinese.
    await admin(`/stories/${storyId}/variants/en`, editor.token, {
      method: 'PATCH',
      body: { body: zhVariant.body, summary: zhVariant.summary },
    });
    const blocked = await admin(`/stories/${storyId}/variants/en/publish`, editor.token, { method: 'POST' });
    expect(blocked.status).toBe(422);
    const problem = (await blocked.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors.length).toBeGreaterThan(0);
    expect(problem.errors.some((e) => /language/.test(e.message))).toBe(true);
    await admin(`/stories/${storyId}/variants/en`, editor.token, { method: 'PUT', body: enVariant });
  });

  it('schedules a variant for later, and unpublishes a live one (readers then get 404 here)', async () => {
    const scheduled = await admin(`/stories/${storyId}/variants/en/schedule`, editor.token, {
      body: { publishAt: '2027-01-01T08:00:00+08:00' },
    });
    expect(scheduled.status).toBe(200);
    const body = ScheduledEnvelope.parse(await scheduled.json());
    expect(body.publishAt).toBe('2027-01-01T00:00:00.000Z');
    expect(body.data.variants.find((v) => v.locale === 'en')).toMatchObject({ status: 'scheduled' });
    const past = await admin(`/stories/${storyId}/variants/en/schedule`, editor.token, {
      body: { publishAt: '2020-01-01T00:00:00Z' },
    });
    expect(past.status).toBe(422);

    const unpublished = await admin(`/stories/${storyId}/variants/zh/unpublish`, editor.token, {
      method: 'POST',
    });
    expect(unpublished.status).toBe(200);
    expect(t.events.filter((e) => e.storyId === storyId).map((e) => e.type)).toEqual([
      'story.published',
      'story.unpublished',
    ]);
    expect((await apiRequest(t, `/content/v1/stories/${storyId}?locale=zh`, { token: reader })).status).toBe(
      404,
    );
  });

  it('reads a story whatever its status, and answers 404 for one that does not exist', async () => {
    const response = await admin(`/stories/${storyId}`, translator.token);
    expect(response.status).toBe(200);
    const { data } = AdminStoryEnvelope.parse(await response.json());
    expect(data.variants.map((v) => [v.locale, v.status])).toEqual([
      ['zh', 'unpublished'],
      ['en', 'scheduled'],
    ]);
    const missing = await admin('/stories/987654', editor.token);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ title: 'Not Found', status: 404 });
  });
});
