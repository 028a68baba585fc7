import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { buildStory } from '../../test/support/factories.js';
import { addPerson } from '../../test/support/people.js';
import { submitStory } from '../editorial/index.js';
import { purgeKeysForTags } from '../platform/purge/index.js';
import { findStory, findStoryIdBySlug } from '../stories/index.js';

const stories = [
  buildStory('edge-flagship', { entities: ['nvidia', 'h200'], section: 'chips' }),
  buildStory('edge-other', { entities: ['nvidia'] }),
];

const keysOf = (response: Response, header = 'surrogate-key') =>
  (response.headers.get(header) ?? '').split(header === 'cache-tag' ? ',' : ' ').filter(Boolean);

describe('the headers a cache in front reads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { seed: 'stories', stories }, undefined, {
      env: { CACHE_S_MAXAGE: '600', CACHE_STALE_WHILE_REVALIDATE: '30', CACHE_STALE_IF_ERROR: '3600' },
    });
  });
  afterAll(async () => {
    await t.destroy();
  });

  it.each([
    ['front', '/zh/'],
    ['section', '/en/chips/'],
    ['story', '/zh/chips/edge-flagship'],
    ['entity hub', '/en/topics/nvidia'],
    ['feed', '/zh/feed.xml'],
    ['sitemap index', '/sitemap.xml'],
    ['locale sitemap', '/sitemaps/zh.xml'],
  ])(
    'a %s page may be kept by shared caches for the configured times, under its keys',
    async (_kind, path) => {
      for (const fetchNumber of [1, 2]) {
        // The second answer comes from the render cache and carries the same headers.
        const response = await t.get(path);
        expect(response.status, `${path} (fetch ${fetchNumber})`).toBe(200);
        expect(response.headers.get('cache-control')).toBe(
          'public, max-age=60, s-maxage=600, stale-while-revalidate=30, stale-if-error=3600',
        );
        const keys = keysOf(response);
        expect(keys).toContain('all');
        expect(keysOf(response, 'xkey')).toEqual(keys);
        expect(keysOf(response, 'cache-tag')).toEqual(keys);
      }
    },
  );

  it('files a story page under its story, section, entities and locale', async () => {
    const id = (await findStoryIdBySlug(t.database.db, 'zh', 'edge-flagship')) as number;
    const story = await findStory(t.database.db, id);
    const keys = keysOf(await t.get('/zh/chips/edge-flagship'));
    expect(keys).toEqual(
      expect.arrayContaining([
        `story-${id}`,
        `section-${story?.sectionId}`,
        ...(story?.entityIds ?? []).map((entity) => `entity-${entity}`),
        'locale-zh',
        'site',
        'all',
      ]),
    );
    expect(story?.entityIds).toHaveLength(2);
    expect(keys).not.toContain('locale-en');
    expect(keys.some((key) => key.startsWith('shares'))).toBe(false);
    expect(keys.every((key) => /^[a-z0-9_.-]+$/.test(key))).toBe(true);
  });

  /** Saves the story's English variant under `slug`; the keys the change purges in front. */
  async function renameEnglish(id: number, slug: string): Promise<string[]> {
    const en = (await findStory(t.database.db, id))?.variants.find((v) => v.locale === 'en');
    const saved = await submitStory(
      t.database.db,
      await addPerson(t, 'editor'),
      {
        storyId: id,
        locale: 'en',
        intent: 'save',
        text: {
          title: en?.title ?? '',
          slug,
          summary: en?.summary,
          body: en?.bodyMarkdown,
          faq: en?.faq,
          heroAlt: en?.heroAlt,
        },
        details: { section: 'ai-models' },
      },
      { now: new Date() },
    );
    if (!saved.change) throw new Error(`saving ${slug} changed nothing`);
    await t.site.contentChanged(saved.change);
    // What the platform sends the cache in front after the change (see purgeForChanges).
    return purgeKeysForTags(t.site.changedTags(saved.change));
  }

  it('lets shared caches keep a moved story’s redirect, filed under the story it leads to', async () => {
    const id = (await findStoryIdBySlug(t.database.db, 'en', 'edge-other')) as number;
    await renameEnglish(id, 'edge-other-renamed');
    const redirect = await t.get('/en/ai-models/edge-other');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/en/ai-models/edge-other-renamed');
    expect(redirect.headers.get('cache-control')).toBe(
      'public, max-age=60, s-maxage=600, stale-while-revalidate=30, stale-if-error=3600',
    );
    const keys = keysOf(redirect);
    expect(keys).toEqual(expect.arrayContaining([`story-${id}`, 'locale-en', 'all']));
    expect(keysOf(redirect, 'xkey')).toEqual(keys);

    // Renamed again, the story moves on: the purge that change sends names the old redirect.
    const purged = await renameEnglish(id, 'edge-other-final');
    expect(purged).toContain(`story-${id}`);
    expect((await t.get('/en/ai-models/edge-other')).headers.get('location')).toBe(
      '/en/ai-models/edge-other-final',
    );
  });

  it('lets shared caches keep the trailing-slash redirects, under the locale and `all` only', async () => {
    const redirect = await t.get('/en/chips');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/en/chips/');
    expect(redirect.headers.get('cache-control')).toContain('s-maxage=600');
    expect(keysOf(redirect).sort()).toEqual(['all', 'locale-en']);
  });

  it('keeps admin pages private and without keys', async () => {
    const response = await t.get('/admin/sign-in');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/no-store|private/);
    for (const header of ['surrogate-key', 'xkey', 'cache-tag'])
      expect(response.headers.get(header)).toBeNull();
  });

  it('keeps the newsroom’s redirects out of shared caches', async () => {
    for (const path of ['/admin', '/admin/']) {
      const response = await t.get(path);
      expect(response.status, path).toBeGreaterThanOrEqual(300);
      expect(response.status, path).toBeLessThan(400);
      expect(response.headers.get('cache-control') ?? '', path).not.toContain('s-maxage');
      expect(response.headers.get('surrogate-key'), path).toBeNull();
    }
  });

  it('keeps newsletter pages uncached and without keys', async () => {
    const response = await t.get('/zh/newsletter');
    expect(response.headers.get('cache-control')).toMatch(/no-store|private/);
    expect(response.headers.get('surrogate-key')).toBeNull();
  });
});

describe('surrogate key headers chosen by settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { seed: 'stories', stories }, undefined, {
      env: { SURROGATE_KEY_HEADERS: 'xkey' },
    });
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('sends only the headers asked for, and the default times', async () => {
    const response = await t.get('/zh/');
    expect(response.headers.get('xkey')).toContain('front');
    expect(response.headers.get('surrogate-key')).toBeNull();
    expect(response.headers.get('cache-tag')).toBeNull();
    expect(response.headers.get('cache-control')).toBe(
      'public, max-age=60, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400',
    );
  });
});
