import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { addPerson } from '../../test/support/people.js';
import { saveProfile, submitStory } from '../editorial/index.js';
import { findStoryIdBySlug } from '../stories/index.js';

// An author page lists more stories than one page holds: the pages, read by their links in
// either direction, show each story once, and a cursor the site did not write finds no page.

const BASE = '/en/authors/prolific';
/** Two pages of twelve and a short third; stories share publication times in pairs. */
const COUNT = 27;
const SLUGS = Array.from({ length: COUNT }, (_, i) => `prolific-${String(i).padStart(2, '0')}`);
const publishedAt = (i: number) => `2026-10-${String(1 + Math.floor(i / 2)).padStart(2, '0')}T08:00:00.000Z`;

interface Page {
  path: string;
  stories: string[];
  next?: string;
  prev?: string;
}

describe.each(DIALECTS)('paging through an author’s stories on %s', (dialect) => {
  let t: TestApp;
  /** Newest first, ties by the later story first: the lists' order. */
  let expected: string[];

  const page = async (path: string): Promise<Page> => {
    const response = await t.get(path);
    expect(response.status, path).toBe(200);
    const html = await response.text();
    const stories = [...html.matchAll(/class="card-title"><a href="\/en\/ai-models\/([^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    const next = /rel="next" href="([^"]+)"/.exec(html)?.[1];
    const prev = /rel="prev" href="([^"]+)"/.exec(html)?.[1];
    return { path, stories, ...(next ? { next } : {}), ...(prev ? { prev } : {}) };
  };

  /** Follows one kind of link from `start` until a page has none (and at most ten pages). */
  const walk = async (start: string, link: 'next' | 'prev'): Promise<Page[]> => {
    const pages = [await page(start)];
    for (let last = pages[0]; last?.[link] && pages.length < 10; last = pages.at(-1))
      pages.push(await page(last[link] as string));
    return pages;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      seed: 'stories',
      stories: SLUGS.map((slug, i) => buildStory(slug, { variant: { publishedAt: publishedAt(i) } })),
    });
    const db = t.database.db;
    const editor = await addPerson(t, 'editor');
    const writer = await addPerson(t, 'author', { displayName: 'Prolific Writer' });
    await saveProfile(
      db,
      writer,
      {
        userId: writer.id,
        slug: 'prolific',
        avatarMediaId: null,
        isPublic: true,
        bios: { en: 'Writes a lot.' },
      },
      { now: new Date(), locales: ['zh', 'en'] },
    );
    const ids = new Map<string, number>();
    for (const slug of SLUGS) {
      const storyId = (await findStoryIdBySlug(db, 'en', slug)) as number;
      ids.set(slug, storyId);
      await submitStory(
        db,
        editor,
        { storyId, locale: 'en', intent: 'save', byline: { authorId: writer.id, translatorId: null } },
        { now: new Date() },
      );
    }
    expected = SLUGS.map((slug, i) => ({ slug, at: publishedAt(i), id: ids.get(slug) as number }))
      .sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id)
      .map((s) => s.slug);
    await t.site.contentChanged({ storyIds: [], sectionIds: [], entityIds: [] }, { taxonomy: true });
  });
  afterAll(() => t.destroy());

  it('reads every story once, in order, following the older-page links', async () => {
    const pages = await walk(BASE, 'next');
    expect(pages.map((p) => p.stories.length)).toEqual([12, 12, 3]);
    expect(pages.flatMap((p) => p.stories)).toEqual(expected);
    expect(pages[0]?.prev).toBeUndefined();
    expect(pages.at(-1)?.next).toBeUndefined();
    for (const p of pages.slice(1))
      expect(p.path).toMatch(/^\/en\/authors\/prolific\?before=\d{8}T\d{6}\.\d{3}Z_\d+$/);
  });

  it('comes back through the same pages following the newer-page links, to the bare address', async () => {
    const forward = await walk(BASE, 'next');
    const back = await walk(forward.at(-1)?.path as string, 'prev');
    expect(back.map((p) => p.stories)).toEqual(forward.map((p) => p.stories).reverse());
    // The newest page is the author's address itself, not a cursor naming it.
    expect(back.at(-1)?.path).toBe(BASE);
  });

  it('starts a page right after the story a cursor names, ties broken by id', async () => {
    const [first] = await walk(BASE, 'next');
    const second = await page(first?.next as string);
    // The cursor is the last story of the first page: the second starts with the one after it.
    expect(second.stories[0]).toBe(expected[12]);
    expect(second.prev).toBe(BASE);
  });

  it.each([
    ['junk', 'junk'],
    ['the extended ISO form', '2026-10-01T08:00:00.000Z_1'],
    ['month 13', '20261301T080000.000Z_1'],
    ['30 February', '20260230T080000.000Z_1'],
    ['an unsafe id', '20261001T080000.000Z_9999999999999999'],
    ['a cursor older than every story', '19700101T000000.000Z_1'],
  ])('answers a cursor that is %s with a 404', async (_, cursor) => {
    const response = await t.get(`${BASE}?before=${encodeURIComponent(cursor)}`);
    expect(response.status).toBe(404);
  });
});
