import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { addPerson } from '../../test/support/people.js';
import { QueryCounter } from '../../test/support/query-counter.js';
import type { Actor } from '../accounts/index.js';
import { patchVariant, unpublish } from '../editorial/index.js';
import { findStoryIdBySlug } from '../stories/index.js';

const SITE_URL = 'https://news.example.test';
const now = () => new Date();

describe.each(DIALECTS)('the story page on %s', (dialect) => {
  let t: TestApp;
  let editor: Actor;
  const queries = new QueryCounter();
  const get = async (path: string) => {
    queries.reset();
    const response = await t.app.request(`${SITE_URL}${path}`);
    await response.arrayBuffer();
    return {
      status: response.status,
      location: response.headers.get('location'),
      queries: queries.queries.length,
    };
  };

  beforeAll(async () => {
    t = await createTestApp(
      dialect,
      {
        seed: 'stories',
        stories: [
          buildStory('flagship', { entities: ['nvidia', 'h200'] }),
          buildStory('withdrawn'),
          buildStory('moved'),
        ],
      },
      undefined,
      { instrument: (db) => db.withPlugin(queries) },
    );
    editor = await addPerson(t, 'editor');
  });
  afterAll(async () => {
    await t.destroy();
  });
  beforeEach(() => queries.reset());

  it('answers a cached story page without a query, and renders a miss with a few', async () => {
    const miss = await get('/zh/ai-models/flagship');
    expect(miss.status).toBe(200);
    expect(miss.queries).toBeGreaterThan(0);
    const hit = await get('/zh/ai-models/flagship');
    expect(hit).toEqual({ status: 200, location: null, queries: 0 });
  });

  it.each(['/zh/', '/en/ai-models/', '/en/topics/nvidia', '/en/gpus', '/sitemaps/en.xml'])(
    'answers %s from the cache without a query too',
    async (path) => {
      expect((await get(path)).status).toBe(200);
      expect(await get(path)).toEqual({ status: 200, location: null, queries: 0 });
    },
  );

  it('keeps 410 for a withdrawn variant and drops the cached page when it is withdrawn', async () => {
    expect((await get('/en/ai-models/withdrawn')).status).toBe(200);
    const id = (await findStoryIdBySlug(t.database.db, 'en', 'withdrawn')) as number;
    await unpublish(t.database.db, editor, { storyId: id, locale: 'en' }, { now: now() });
    await t.site.contentChanged({ storyIds: [id], sectionIds: [], entityIds: [] });
    expect((await get('/en/ai-models/withdrawn')).status).toBe(410);
    // An answer other than a page is never stored: it is looked up again each time.
    expect((await get('/en/ai-models/withdrawn')).queries).toBeGreaterThan(0);
  });

  it('redirects an old slug to the new address once the cached page is dropped', async () => {
    expect((await get('/en/ai-models/moved')).status).toBe(200);
    const id = (await findStoryIdBySlug(t.database.db, 'en', 'moved')) as number;
    await patchVariant(
      t.database.db,
      editor,
      { storyId: id, locale: 'en', slug: 'moved-on' },
      { now: now() },
    );
    await t.site.contentChanged({ storyIds: [id], sectionIds: [], entityIds: [] });
    expect(await get('/en/ai-models/moved')).toMatchObject({
      status: 301,
      location: '/en/ai-models/moved-on',
    });
    expect((await get('/en/ai-models/moved-on')).status).toBe(200);
  });

  it('answers 404 for a slug no story has had, and redirects a locale without a variant', async () => {
    expect((await get('/zh/ai-models/nothing-here')).status).toBe(404);
    expect((await get('/zh/chips/flagship')).status).toBe(301);
  });
});
