import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importContent, updateStoryMeta } from '../../src/editorial/index.js';
import { exportContent, listMedia, parseExportDocument } from '../../src/stories/index.js';
import { apiRequest, contentKey, staffToken } from '../support/api-client.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, DIALECTS } from '../support/database.js';
import { buildStory } from '../support/factories.js';
import { signedInAs } from '../support/people.js';
import { photo } from '../support/test-images.js';

// Issue 11, "Read correctly by others" and the journeys' export and slug items: each describe
// reproduces one report over HTTP and asserts the answer it must get now.

const WORDS = 'Blackwell inference computing platforms worldwide customers scheduled shipments';
// 200 characters that slugify to 79: the second copy's `-2` only fits once a word of the base is
// cut, which the old duplicate probe did not do, so the third save reused the second's slug.
const LONG_TITLE = `${WORDS} ${WORDS} ${WORDS}`.slice(0, 200);

const enDraft = (title: string) => ({
  section: 'chips',
  sourceLocale: 'en',
  variant: {
    title,
    summary: 'Two chip makers race to ship accelerators.',
    body: '## Background\n\nBoth companies announced new accelerators for data centres this week.\n',
  },
});

describe.each(DIALECTS)('same long title, many stories, one locale, on %s', (dialect) => {
  let t: TestApp;
  let editor: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('existing')] });
    editor = (await staffToken(t, 'editor')).token;
  });
  afterAll(() => t.destroy());

  const create = (title: string) =>
    apiRequest(t, '/admin/v1/stories', { token: editor, body: enDraft(title) });

  async function slugsOf(responses: Response[]): Promise<string[]> {
    const bodies = await Promise.all(responses.map((r) => r.json()));
    return bodies.map((b: { data: { variants: { slug: string }[] } }) => b.data.variants[0]?.slug ?? '');
  }

  it('saves the third (and the tenth) copy of a 200-character title, each under its own slug', async () => {
    expect(LONG_TITLE).toHaveLength(200);
    const responses: Response[] = [];
    for (let i = 0; i < 10; i++) responses.push(await create(LONG_TITLE));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    const slugs = await slugsOf(responses);
    expect(new Set(slugs).size).toBe(10);
    for (const slug of slugs) expect(slug.length).toBeLessThanOrEqual(80);
    expect(slugs[1]).toMatch(/-2$/);
    expect(slugs[2]).toMatch(/-3$/);
    expect(slugs[9]).toMatch(/-10$/);
  });

  it('saves the third copy of a long Chinese title from the admin’s new-story form', async () => {
    const { browser } = await signedInAs(t, 'editor');
    await browser.get('/admin/stories/new');
    const title = '英伟达在本周的开发者大会上发布了新一代数据中心芯片，'.repeat(8).slice(0, 200);
    const locations: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await browser.post('/admin/stories/new', {
        section: 'ai-models',
        sourceLocale: 'zh',
        title,
        slug: '',
        summary: '',
        body: '',
      });
      expect(response.status).toBe(303);
      locations.push(response.headers.get('location') ?? '');
    }
    expect(new Set(locations).size).toBe(3);
    const slugs = await t.database.db
      .selectFrom('story_variants')
      .select('slug')
      .where('title', '=', title)
      .execute();
    expect(new Set(slugs.map((r) => r.slug)).size).toBe(3);
    for (const { slug } of slugs) expect(Array.from(slug).length).toBeLessThanOrEqual(80);
  });

  it('answers saves racing for the same title with 201 or 409, never a 500', async () => {
    const title = `${LONG_TITLE.slice(0, 150)} racing`;
    const responses = await Promise.all(Array.from({ length: 8 }, () => create(title)));
    const statuses = responses.map((r) => r.status);
    for (const status of statuses) expect([201, 409]).toContain(status);
    const saved = responses.filter((r) => r.status === 201);
    expect(saved.length).toBeGreaterThan(0);
    const slugs = await slugsOf(saved);
    expect(new Set(slugs).size).toBe(saved.length);
  });
});

describe.each(DIALECTS)('a source date entered as a date, exported from %s and imported', (dialect) => {
  let t: TestApp;
  let editor: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('existing')] });
    editor = (await staffToken(t, 'editor')).token;
  });
  afterAll(() => t.destroy());

  it.each(DIALECTS)('into a fresh %s database comes back the same', async (target) => {
    const created = await apiRequest(t, '/admin/v1/stories', {
      token: editor,
      body: {
        ...enDraft(`Dated sources into ${target}`),
        sources: [
          // What the editor's date field sends, and a feed's date-time with its own offset.
          { url: 'https://news.example.com/dated', publisher: 'Example Wire', publishedAt: '2026-12-06' },
          { url: 'https://news.example.com/timed', publishedAt: '2026-12-06T08:30:00+08:00' },
        ],
      },
    });
    expect(created.status).toBe(201);

    // What `velocity export` writes and `velocity import` reads: the document as JSON text.
    const text = JSON.stringify(await exportContent(t.database.db, new Date()));
    const exported = JSON.parse(text);
    const dated = exported.stories.find((s: { sources: { url: string }[] }) =>
      s.sources.some((source) => source.url === 'https://news.example.com/dated'),
    );
    expect(dated.sources.map((s: { publishedAt: string }) => s.publishedAt)).toEqual([
      '2026-12-06',
      '2026-12-06T08:30:00+08:00',
    ]);

    const fresh = await createTestDatabase(target);
    try {
      await importContent(fresh.db, parseExportDocument(JSON.parse(text)), { now: new Date() });
      const again = await exportContent(fresh.db, new Date(exported.exportedAt));
      expect(JSON.parse(JSON.stringify(again))).toEqual(exported);
    } finally {
      await fresh.destroy();
    }
  });
});

interface ApiImage {
  url: string;
  width: number;
  height: number;
  renditions: { url: string; width: number; height: number }[];
}

describe.each(DIALECTS)('the Content API image of an uploaded hero, on %s', (dialect) => {
  let t: TestApp;
  let storyId: number;
  let reader: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('hero-story')] });
    const { browser, user } = await signedInAs(t, 'editor');
    await browser.get('/admin/media');
    // 1700×957: scaled to 800 wide the encoder makes it 451 tall, where the ratio says 450.4.
    const bytes = await (await photo(1700, 957)).jpeg({ quality: 85 }).toBuffer();
    const uploaded = await browser.upload(
      '/admin/media/upload',
      { credit: 'Photo: Test Agency' },
      { name: 'hero.jpg', type: 'image/jpeg', bytes },
    );
    expect(uploaded.status).toBe(303);
    const [media] = await listMedia(t.database.db);
    const story = await t.database.db.selectFrom('stories').select('id').executeTakeFirstOrThrow();
    storyId = story.id;
    await updateStoryMeta(
      t.database.db,
      user,
      { storyId, heroMediaId: media?.id ?? null },
      { now: new Date() },
    );
    reader = await contentKey(t);
  });
  afterAll(() => t.destroy());

  /** The pixel size of the file a URL of the API serves, as sharp reads it. */
  async function servedSize(url: string): Promise<{ width?: number; height?: number }> {
    const response = await t.get(new URL(url).pathname);
    expect(response.status).toBe(200);
    const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    return { width: metadata.width, height: metadata.height };
  }

  async function check(image: ApiImage): Promise<void> {
    expect(image.width).toBe(800);
    expect(await servedSize(image.url)).toEqual({ width: image.width, height: image.height });
    expect(image.renditions.map((r) => r.width)).toEqual([480, 800, 1200, 1600]);
    for (const rendition of image.renditions)
      expect(await servedSize(rendition.url)).toEqual({ width: rendition.width, height: rendition.height });
  }

  it('gives the size of the file `url` links to, in the story and in the list', async () => {
    const one = await apiRequest(t, `/content/v1/stories/${storyId}?locale=en`, { token: reader });
    expect(one.status).toBe(200);
    const { data } = (await one.json()) as { data: { image: ApiImage } };
    expect(data.image).toMatchObject({ width: 800, height: 451 });
    await check(data.image);

    const list = await apiRequest(t, '/content/v1/stories?locale=en', { token: reader });
    const listed = (await list.json()) as { data: { id: number; image: ApiImage }[] };
    const summary = listed.data.find((s) => s.id === storyId);
    expect(summary?.image).toEqual(data.image);
  });
});
