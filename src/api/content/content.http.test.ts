import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, contentKey } from '../../../test/support/api-client.js';
import { createTestApp, TEST_SITE_URL, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { buildStory, buildVariant } from '../../../test/support/factories.js';
import type { StoryInput } from '../../stories/index.js';
import { EntityList, SectionList, StoryEnvelope, StoryPage } from './schemas.js';

const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}T08:00:00.000Z`;

function story(slug: string, options: Parameters<typeof buildStory>[1] & { day: number }): StoryInput {
  return buildStory(slug, { ...options, variant: { publishedAt: day(options.day), ...options.variant } });
}

const stories: StoryInput[] = [
  story('alpha', { day: 10 }),
  // Chinese only: an English reader gets it through the fallback rule (en → zh).
  story('beta', { day: 11, locales: ['zh'], section: 'chips', entities: ['h200'] }),
  {
    ...story('gamma', { day: 12, entities: ['nvidia', 'h200'] }),
    variants: [
      buildVariant('zh', 'gamma', {
        publishedAt: day(12),
        body: '## 背景\n\n英伟达今天宣布了新的计划，详见[上一篇报道](story:alpha)，这一举措将影响整个行业的发展方向。\n',
      }),
      buildVariant('en', 'gamma', { status: 'draft' }),
    ],
  },
  // Never published: invisible to the Content API.
  story('draft-only', { day: 13, variant: { status: 'draft', publishedAt: null } }),
  story('epsilon', { day: 14, section: 'chips' }),
  story('zeta', { day: 15 }),
];

describe.each(DIALECTS)('Content API on %s', (dialect) => {
  let t: TestApp;
  let key: string;
  let ids: Record<string, number>;
  const get = (path: string) => apiRequest(t, `/content/v1${path}`, { token: key });

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories });
    key = await contentKey(t);
    const rows = await t.database.db
      .selectFrom('story_variants')
      .select(['story_id', 'slug'])
      .where('locale', '=', 'zh')
      .execute();
    ids = Object.fromEntries(rows.map((r) => [r.slug, r.story_id]));
  });
  afterAll(() => t.destroy());

  it('lists published stories newest first, with the total, in the requested locale', async () => {
    const response = await get('/stories?locale=en');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const page = StoryPage.parse(await response.json());
    expect(page.data.map((s) => s.slug)).toEqual(['zeta', 'epsilon', 'gamma', 'beta', 'alpha']);
    expect(page).toMatchObject({ page: 1, limit: 20, total: 5, totalPages: 1 });
    const [zeta] = page.data;
    expect(zeta).toMatchObject({
      id: ids.zeta,
      locale: 'en',
      requestedLocale: 'en',
      isFallback: false,
      title: 'Nvidia announces the zeta plan',
      url: `${TEST_SITE_URL}/en/ai-models/zeta`,
      section: { key: 'ai-models', name: 'AI models', url: `${TEST_SITE_URL}/en/ai-models/` },
      entities: [
        { slug: 'nvidia', kind: 'company', name: 'Nvidia', url: `${TEST_SITE_URL}/en/topics/nvidia` },
      ],
      publishedAt: day(15),
      image: null,
    });
  });

  it('falls back as the site does: a story missing in English comes in Chinese, linked under /en/', async () => {
    const page = StoryPage.parse(await (await get('/stories?locale=en')).json());
    const beta = page.data.find((s) => s.slug === 'beta');
    expect(beta).toMatchObject({
      locale: 'zh',
      requestedLocale: 'en',
      isFallback: true,
      title: '英伟达宣布beta计划',
      url: `${TEST_SITE_URL}/en/chips/beta`,
      section: { key: 'chips', name: 'Chips' },
    });
    // gamma's English variant is a draft: the Chinese one stands in.
    expect(page.data.find((s) => s.slug === 'gamma')).toMatchObject({ locale: 'zh', isFallback: true });
    // The site answers the fallback URL the API gave (with the Chinese text and a notice).
    expect((await t.get('/en/chips/beta')).status).toBe(200);
  });

  it('pages with page and limit', async () => {
    const first = StoryPage.parse(await (await get('/stories?locale=zh&limit=2')).json());
    const second = StoryPage.parse(await (await get('/stories?locale=zh&limit=2&page=2')).json());
    const third = StoryPage.parse(await (await get('/stories?locale=zh&limit=2&page=3')).json());
    const beyond = StoryPage.parse(await (await get('/stories?locale=zh&limit=2&page=4')).json());
    expect([first, second, third].map((p) => p.data.map((s) => s.slug))).toEqual([
      ['zeta', 'epsilon'],
      ['gamma', 'beta'],
      ['alpha'],
    ]);
    expect(second).toMatchObject({ page: 2, limit: 2, total: 5, totalPages: 3 });
    expect(beyond.data).toEqual([]);
  });

  it('filters by section (key or slug) and by entity', async () => {
    const chips = StoryPage.parse(await (await get('/stories?locale=en&section=chips')).json());
    expect(chips.data.map((s) => s.slug)).toEqual(['epsilon', 'beta']);
    expect(chips.total).toBe(2);
    const h200 = StoryPage.parse(await (await get('/stories?locale=en&entity=h200')).json());
    expect(h200.data.map((s) => s.slug)).toEqual(['gamma', 'beta']);
    const both = StoryPage.parse(
      await (await get('/stories?locale=zh&section=ai-models&entity=h200')).json(),
    );
    expect(both.data.map((s) => s.slug)).toEqual(['gamma']);
    expect(both.total).toBe(1);
  });

  it('answers 422 naming the field for a bad filter, locale or page', async () => {
    for (const [query, field] of [
      ['section=nope', 'section'],
      ['entity=nope', 'entity'],
      ['locale=fr', 'locale'],
      ['page=0', 'page'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
    ]) {
      const response = await get(`/stories?${query}`);
      expect(response.status, query).toBe(422);
      const problem = (await response.json()) as { errors: { location: string; field: string }[] };
      expect(problem.errors, query).toEqual([expect.objectContaining({ location: 'query', field })]);
    }
  });

  it('defaults to the site’s default locale', async () => {
    const page = StoryPage.parse(await (await get('/stories?limit=1')).json());
    expect(page.data[0]).toMatchObject({ locale: 'zh', requestedLocale: 'zh', title: '英伟达宣布zeta计划' });
  });

  it('reads one story with its body as HTML (absolute links) and Markdown, FAQ, sources, translations', async () => {
    const response = await get(`/stories/${ids.gamma}?locale=zh`);
    expect(response.status).toBe(200);
    const { data } = StoryEnvelope.parse(await response.json());
    expect(data).toMatchObject({ id: ids.gamma, locale: 'zh', isFallback: false, slug: 'gamma' });
    expect(data.bodyMarkdown).toContain('(story:alpha)');
    expect(data.bodyHtml).toContain('<h2');
    expect(data.bodyHtml).toContain(`href="${TEST_SITE_URL}/zh/ai-models/alpha"`);
    expect(data.bodyHtml).not.toMatch(/href="\//);
    expect(data.faq).toEqual([
      {
        question: '这项计划什么时候开始？',
        answerMarkdown: '计划将于明年第一季度开始实施。',
        answerHtml: expect.stringContaining('计划将于明年第一季度开始实施。'),
      },
    ]);
    expect(data.sources).toEqual([
      {
        url: 'https://news.example.com/gamma',
        publisher: 'Example Wire',
        author: 'A. Writer',
        publishedAt: '2026-11-19T10:00:00.000Z',
      },
    ]);
    // Only the published variant is a translation a reader can open.
    expect(data.translations).toEqual([{ locale: 'zh', url: `${TEST_SITE_URL}/zh/ai-models/gamma` }]);
    expect(data.entities.map((e) => e.slug)).toEqual(['nvidia', 'h200']);
  });

  it('reads a story in a locale it lacks through the fallback', async () => {
    const { data } = StoryEnvelope.parse(await (await get(`/stories/${ids.beta}?locale=en`)).json());
    expect(data).toMatchObject({ locale: 'zh', isFallback: true, url: `${TEST_SITE_URL}/en/chips/beta` });
    expect(data.bodyMarkdown).toContain('## 背景');
  });

  it('answers 404 for an unpublished or unknown story, and 422 for an id that is not one', async () => {
    for (const id of [ids['draft-only'], 999_999]) {
      const response = await get(`/stories/${id}?locale=en`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    const bad = await get('/stories/abc');
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({ location: 'path', field: 'id' }),
    ]);
  });

  it('lists sections in navigation order with names in the locale', async () => {
    const zh = SectionList.parse(await (await get('/sections?locale=zh')).json());
    expect(zh.data.map((s) => [s.key, s.name, s.url])).toEqual([
      ['ai-models', 'AI模型', `${TEST_SITE_URL}/zh/ai-models/`],
      ['chips', '芯片', `${TEST_SITE_URL}/zh/chips/`],
    ]);
    const en = SectionList.parse(await (await get('/sections?locale=en')).json());
    expect(en.data.map((s) => s.description)).toEqual(['Models and research', 'Chips and compute']);
  });

  it('lists entities with names per locale, filtered by kind, with published story counts', async () => {
    const all = EntityList.parse(await (await get('/entities?locale=zh')).json());
    expect(all.data.map((e) => [e.slug, e.name, e.storyCount])).toEqual([
      ['h200', 'H200', 2],
      ['nvidia', '英伟达', 4],
    ]);
    const gpus = EntityList.parse(await (await get('/entities?locale=en&kind=gpu')).json());
    expect(gpus.data).toEqual([
      {
        slug: 'h200',
        kind: 'gpu',
        name: 'H200',
        url: `${TEST_SITE_URL}/en/topics/h200`,
        aliases: [],
        description: 'A data-centre GPU.',
        storyCount: 2,
      },
    ]);
    expect((await get('/entities?kind=spaceship')).status).toBe(422);
  });
});
