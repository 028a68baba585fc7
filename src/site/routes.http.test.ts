import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory, buildVariant } from '../../test/support/factories.js';
import { addPerson } from '../../test/support/people.js';
import type { Actor } from '../accounts/index.js';
import { publish, submitStory, unpublish } from '../editorial/index.js';
import { findStory, findStoryIdBySlug } from '../stories/index.js';

const stories = [
  buildStory('flagship', {
    entities: ['nvidia', 'h200'],
    variant: { publishedAt: '2026-11-27T08:00:00.000Z' },
  }),
  buildStory('zh-only', { locales: ['zh'], section: 'chips' }),
  buildStory('withdrawn'),
  {
    ...buildStory('en-draft'),
    variants: [
      buildVariant('zh', 'en-draft'),
      buildVariant('en', 'en-draft', { status: 'draft', publishedAt: null }),
    ],
  },
  buildStory('never-published', { variant: { status: 'draft', publishedAt: null } }),
  ...Array.from({ length: 13 }, (_, i) =>
    buildStory(`filler-${i + 1}`, { section: 'chips', entities: ['h200'] }),
  ),
];

describe.each(DIALECTS)('public routes on %s', (dialect) => {
  let t: TestApp;
  let storyId: (slug: string) => Promise<number>;
  let editor: Actor;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories });
    storyId = async (slug) => (await findStoryIdBySlug(t.database.db, 'zh', slug)) as number;
    editor = await addPerson(t, 'editor');
    await unpublish(
      t.database.db,
      editor,
      { storyId: await storyId('withdrawn'), locale: 'en' },
      { now: new Date() },
    );
  });
  afterAll(async () => {
    await t.destroy();
  });

  describe('choosing a locale at /', () => {
    it.each([
      [{}, '/zh/'],
      [{ 'accept-language': 'en-US,en;q=0.9' }, '/en/'],
      [{ 'accept-language': 'fr-FR, en;q=0.5' }, '/en/'],
      [{ 'accept-language': 'zh-TW,zh;q=0.9' }, '/zh/'],
      [{ 'accept-language': 'en', cookie: 'velocity_locale=zh' }, '/zh/'],
      [{ cookie: 'velocity_locale=xx', 'accept-language': ';;;garbage' }, '/zh/'],
    ])('%o → %s', async (headers, location) => {
      const response = await t.get('/', { headers });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(location);
    });
  });

  it('serves the front page with ETag and Cache-Control, and a 304 for a matching ETag', async () => {
    const response = await t.get('/en/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('cache-control')).toMatch(/max-age/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const etag = response.headers.get('etag') as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const conditional = await t.get('/en/', { headers: { 'if-none-match': etag } });
    expect(conditional.status).toBe(304);
    expect(await conditional.text()).toBe('');
    expect((await t.get('/en/', { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('answers HEAD without a body', async () => {
    const response = await t.get('/zh/', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    '/fr/',
    '/zh-CN/',
    '/xx/ai-models/flagship',
    '/en/nowhere/',
    '/en/ai-models/nowhere',
    '/en/topics/nobody',
  ])('404 in the reader language for %s', async (path) => {
    const response = await t.get(path);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('<h1');
  });

  it('serves the story in each language with hreflang alternates', async () => {
    const zh = await t.get('/zh/ai-models/flagship');
    expect(zh.status).toBe(200);
    const html = await zh.text();
    expect(html).toContain('hreflang="en"');
    expect(html).toContain('href="https://news.example.test/en/ai-models/flagship"');
    expect(html).toContain('x-default');
    expect(zh.headers.get('content-language')).toMatch(/^zh/);
    expect((await t.get('/en/ai-models/flagship')).status).toBe(200);
  });

  it('shows a story missing in the reader language through the fallback, saying so', async () => {
    const response = await t.get('/en/chips/zh-only');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('lang="zh');
    expect(html).toContain('rel="canonical" href="https://news.example.test/zh/chips/zh-only"');
  });

  it('redirects a wrong section to the story with a 301', async () => {
    const response = await t.get('/en/chips/flagship');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/en/ai-models/flagship');
  });

  it('answers 410 for an unpublished variant and 404 for one never published', async () => {
    expect((await t.get('/en/ai-models/withdrawn')).status).toBe(410);
    expect((await t.get('/zh/ai-models/withdrawn')).status).toBe(200);
    expect((await t.get('/zh/ai-models/never-published')).status).toBe(404);
    const draft = await t.get('/en/ai-models/en-draft');
    expect(draft.status).toBe(200);
    expect(await draft.text()).toContain(
      'rel="canonical" href="https://news.example.test/zh/ai-models/en-draft"',
    );
  });

  it('pages sections by cursor and refuses pages that do not exist', async () => {
    const first = await t.get('/en/chips/');
    expect(first.status).toBe(200);
    const next = /rel="next" href="(\/en\/chips\/\?before=\d{8}T\d{6}\.\d{3}Z_\d+)"/.exec(
      await first.text(),
    )?.[1];
    if (!next) throw new Error('the first page links no older page');
    const second = await t.get(next);
    expect(second.status).toBe(200);
    const html = await second.text();
    expect(html).toContain('rel="prev" href="/en/chips/"');
    expect(html).not.toContain('rel="next"');
    expect(html).toContain(`rel="canonical" href="https://news.example.test${next}"`);
    expect((await t.get('/en/chips/?before=19700101T000000.000Z_1')).status).toBe(404);
    expect((await t.get('/en/chips/?before=20261301T000000.000Z_1')).status).toBe(404);
    expect((await t.get('/en/chips/?before=junk')).status).toBe(404);
    expect((await t.get('/en/chips')).status).toBe(301);
  });

  it('sends numbered page links to the page that starts there now', async () => {
    const first = await t.get('/en/chips/');
    const next = /rel="next" href="([^"]+)"/.exec(await first.text())?.[1];
    const legacy = await t.get('/en/chips/?page=2');
    expect(legacy.status).toBe(302);
    expect(legacy.headers.get('location')).toBe(next);
    expect((await t.get('/en/chips/?page=1')).headers.get('location')).toBe('/en/chips/');
    expect((await t.get('/en/chips/?page=9')).status).toBe(404);
    expect((await t.get('/en/chips/?page=abc')).status).toBe(404);
  });

  it('serves entity and kind hubs', async () => {
    expect((await t.get('/en/topics/nvidia')).status).toBe(200);
    expect((await t.get('/zh/topics/')).status).toBe(200);
    const gpus = await t.get('/en/gpus');
    expect(gpus.status).toBe(200);
    expect(await gpus.text()).toContain('/en/topics/h200');
  });

  it.each([
    ['/zh/feed.xml', /application\/rss\+xml/],
    ['/en/atom.xml', /application\/atom\+xml/],
    ['/en/feed.json', /application\/feed\+json/],
    ['/en/chips/feed.xml', /application\/rss\+xml/],
    ['/zh/topics/nvidia/atom.xml', /application\/atom\+xml/],
    ['/sitemap.xml', /application\/xml/],
    ['/sitemaps/zh.xml', /application\/xml/],
    ['/sitemaps/news.xml', /application\/xml/],
    ['/robots.txt', /text\/plain/],
  ])('serves %s', async (path, type) => {
    const response = await t.get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(type);
  });

  it.each(['/sitemaps/fr.xml', '/en/nowhere/feed.xml', '/en/topics/nobody/feed.json'])(
    '404 for %s',
    async (path) => {
      expect((await t.get(path)).status).toBe(404);
    },
  );

  it('answers 405 with Allow for methods a page does not take', async () => {
    const post = await t.get('/zh/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const get = await t.get(`/share/${await storyId('flagship')}`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('counts a share once per visitor network and day, whatever the User-Agent, and refuses other sites and floods', async () => {
    const id = await storyId('flagship');
    const share = (headers: Record<string, string> = {}) =>
      t.get(`/share/${id}`, { method: 'POST', headers: { 'user-agent': 'test-agent', ...headers } });
    const first = await share();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ count: 1, counted: true });
    expect(await (await share()).json()).toEqual({ count: 1, counted: false });
    expect(await (await share({ 'user-agent': 'another-agent' })).json()).toEqual({
      count: 1,
      counted: false,
    });
    expect((await share({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await t.get('/share/999999', { method: 'POST' })).status).toBe(404);
    expect((await t.get('/share/abc', { method: 'POST' })).status).toBe(404);
    // The page catches up when the background refresh drops pages with an outdated count.
    expect(t.site.refreshShareCounts()).toEqual([id]);
    const page = await (await t.get('/zh/ai-models/flagship')).text();
    expect(page).toMatch(/data-share-count[^>]*>1</);
    let last = 200;
    for (let i = 0; i < 40 && last !== 429; i++) last = (await share({ 'user-agent': 'flood' })).status;
    expect(last).toBe(429);
  });

  it('serves hashed assets for a year and refuses media paths outside the folder', async () => {
    const css = t.site.deps.assets.css.path;
    const response = await t.get(css);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect((await t.get('/assets/site.css')).status).toBe(404);
    expect((await t.get('/media/..%2Fvelocity.db')).status).toBe(404);
    expect((await t.get('/media/missing.webp')).status).toBe(404);
  });

  it('answers old URLs with a 301 after a slug or section change', async () => {
    const id = await storyId('filler-1');
    const en = (await findStory(t.database.db, id))?.variants.find((v) => v.locale === 'en');
    const moved = await submitStory(
      t.database.db,
      editor,
      {
        storyId: id,
        locale: 'en',
        intent: 'save',
        text: {
          title: en?.title ?? '',
          slug: 'filler-one',
          summary: en?.summary,
          body: en?.bodyMarkdown,
          faq: en?.faq,
          heroAlt: en?.heroAlt,
        },
        details: { section: 'ai-models' },
      },
      { now: new Date() },
    );
    if (moved.change) await t.site.contentChanged(moved.change);
    const oldSlug = await t.get('/en/chips/filler-1');
    expect(oldSlug.status).toBe(301);
    expect(oldSlug.headers.get('location')).toBe('/en/ai-models/filler-one');
    const oldSection = await t.get('/zh/chips/filler-1');
    expect(oldSection.headers.get('location')).toBe('/zh/ai-models/filler-1');
  });

  it('drops exactly the cached pages a publish touched', async () => {
    await t.get('/en/');
    await t.get('/en/ai-models/flagship');
    await t.get('/en/chips/filler-5');
    await t.get('/en/topics/nvidia');
    const id = await storyId('en-draft');
    const published = await publish(
      t.database.db,
      editor,
      { storyId: id, locale: 'en' },
      { now: new Date() },
    );
    if (published.change) await t.site.contentChanged(published.change);
    const cached = t.cache.keys();
    expect(cached).not.toContain('/en/');
    expect(cached).not.toContain('/en/topics/nvidia');
    expect(cached).toContain('/en/chips/filler-5');
    const story = await t.get('/en/ai-models/en-draft');
    expect(story.status).toBe(200);
    expect(await story.text()).toContain(
      'rel="canonical" href="https://news.example.test/en/ai-models/en-draft"',
    );
  });
});
