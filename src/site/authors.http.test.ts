import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { heroForEveryStory } from '../../test/support/hero-media.js';
import { jsonLdOf } from '../../test/support/html-scan.js';
import { addPerson } from '../../test/support/people.js';
import { jsonLdProblems } from '../../test/support/seo-checks.js';
import { readFeed, readSitemap } from '../../test/support/syndication-checks.js';
import { vnuProblems } from '../../test/support/vnu.js';
import type { User } from '../accounts/index.js';
import { saveProfile, submitStory } from '../editorial/index.js';
import { findStory, findStoryIdBySlug } from '../stories/index.js';

const ORIGIN = 'https://news.example.test';
type Json = Record<string, unknown>;

const articleOf = (html: string) =>
  jsonLdOf(html).find((block) => (block as Json)['@type'] === 'NewsArticle') as Json;

describe.each(DIALECTS)('bylines and author pages on %s', (dialect) => {
  let t: TestApp;
  let writer: User;
  let translator: User;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      seed: 'stories',
      stories: [buildStory('credited-story'), buildStory('imported-story', { entities: ['nvidia'] })],
    });
    const db = t.database.db;
    await heroForEveryStory(db);
    const editor = await addPerson(t, 'editor');
    writer = await addPerson(t, 'author', { displayName: 'Ada Writer' });
    translator = await addPerson(t, 'translator', { displayName: '田译' });
    const now = { now: new Date('2026-11-28T08:00:00Z'), locales: ['zh', 'en'] };
    await saveProfile(
      db,
      writer,
      {
        userId: writer.id,
        slug: 'ada',
        avatarMediaId: 1,
        isPublic: true,
        bios: { zh: '写芯片的人。', en: 'Writes about chips.' },
      },
      now,
    );
    // Only an English bio: the Chinese page shows it marked as English.
    await saveProfile(
      db,
      editor,
      {
        userId: translator.id,
        slug: 'tian',
        avatarMediaId: null,
        isPublic: true,
        bios: { en: 'Translates.' },
      },
      now,
    );
    const storyId = (await findStoryIdBySlug(db, 'en', 'credited-story')) as number;
    for (const [locale, translatorId] of [
      ['zh', null],
      ['en', translator.id],
    ] as const) {
      await submitStory(
        db,
        editor,
        { storyId, locale, intent: 'save', byline: { authorId: writer.id, translatorId } },
        now,
      );
    }
    // The names and the media library are read once per change, as a names write makes them be.
    await t.site.contentChanged({ storyIds: [], sectionIds: [], entityIds: [] }, { taxonomy: true });
  });
  afterAll(() => t.destroy());

  it('credits the writer and the translator on the story page, linked to their pages', async () => {
    const html = await (await t.get('/en/ai-models/credited-story')).text();
    expect(html).toMatch(
      /By <a class="byline-person" href="\/en\/authors\/ada" rel="author">Ada Writer<\/a>/,
    );
    expect(html).toMatch(
      /Translated by <a class="byline-person" href="\/en\/authors\/tian" rel="author">田译<\/a>/,
    );
    const zh = await (await t.get('/zh/ai-models/credited-story')).text();
    expect(zh).toMatch(/作者 <a class="byline-person" href="\/zh\/authors\/ada"/);
    expect(zh).not.toContain('译者');
  });

  it('names them as Person with their page in the NewsArticle, the organisation as publisher', async () => {
    const article = articleOf(await (await t.get('/en/ai-models/credited-story')).text());
    expect(jsonLdProblems(article)).toEqual([]);
    expect(article.author).toEqual([
      { '@type': 'Person', name: 'Ada Writer', url: `${ORIGIN}/en/authors/ada` },
    ]);
    expect(article.translator).toEqual([
      { '@type': 'Person', name: '田译', url: `${ORIGIN}/en/authors/tian` },
    ]);
    expect((article.publisher as Json)['@type']).toBe('Organization');
  });

  it('keeps the organisation byline on imported stories without a person', async () => {
    const html = await (await t.get('/en/ai-models/imported-story')).text();
    const article = articleOf(html);
    expect(jsonLdProblems(article)).toEqual([]);
    expect((article.author as Json[])[0]?.['@type']).toBe('Organization');
    expect(article.translator).toBeUndefined();
    expect(html).not.toContain('class="byline"');
  });

  it('serves an author page with avatar, bio in the right language, stories, and edge keys', async () => {
    const response = await t.get('/en/authors/ada');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>Ada Writer</h1>');
    expect(html).toContain('Writes about chips.');
    expect(html).toMatch(/srcset="[^"]*hero-one-480\.webp 480w/);
    expect(html).toContain('href="/en/ai-models/credited-story"');
    expect(html).not.toContain('imported-story');
    expect(response.headers.get('surrogate-key')?.split(' ')).toEqual(
      expect.arrayContaining([`author-${writer.id}`, 'front']),
    );
    const tian = await (await t.get('/zh/authors/tian')).text();
    expect(tian).toMatch(/<p class="page-description author-bio" lang="en">Translates\.<\/p>/);
    // A translator's page lists what they translated, in that language only.
    expect(tian).not.toContain('credited-story');
    expect(await (await t.get('/en/authors/tian')).text()).toContain('href="/en/ai-models/credited-story"');
    if (dialect === 'sqlite') {
      const problems = vnuProblems({ 'en-ada': html, 'zh-tian': tian });
      expect(problems).toEqual([]);
    }
  });

  it("offers the author's stories as feeds an independent parser reads", async () => {
    for (const [file, kind] of [
      ['feed.xml', 'rss'],
      ['atom.xml', 'atom'],
      ['feed.json', 'json-feed'],
    ] as const) {
      const response = await t.get(`/en/authors/ada/${file}`);
      expect(response.status, file).toBe(200);
      const feed = readFeed({ kind, body: await response.text() });
      expect(feed.items.map((i) => i.link)).toEqual([`${ORIGIN}/en/ai-models/credited-story`]);
    }
  });

  it('lists author pages in the sitemap', async () => {
    const sitemap = readSitemap(await (await t.get('/sitemaps/zh.xml')).text());
    const locs = sitemap.kind === 'urlset' ? sitemap.urls.map((u) => u.loc) : [];
    expect(locs).toEqual(expect.arrayContaining([`${ORIGIN}/zh/authors/ada`, `${ORIGIN}/zh/authors/tian`]));
  });

  it('answers 404 for unknown and private authors', async () => {
    expect((await t.get('/en/authors/nobody')).status).toBe(404);
    expect((await t.get('/en/authors/Bad%20Slug')).status).toBe(404);
    expect((await t.get('/en/authors/nobody/feed.xml')).status).toBe(404);
    await saveProfile(
      t.database.db,
      writer,
      { userId: writer.id, slug: 'ada', avatarMediaId: null, isPublic: false, bios: {} },
      { now: new Date(), locales: ['zh', 'en'] },
    );
    await t.site.contentChanged({ storyIds: [], sectionIds: [], entityIds: [] }, { taxonomy: true });
    expect((await t.get('/en/authors/ada')).status).toBe(404);
    const storyId = (await findStoryIdBySlug(t.database.db, 'en', 'credited-story')) as number;
    expect((await findStory(t.database.db, storyId))?.variants.every((v) => v.authorId === writer.id)).toBe(
      true,
    );
    // Still credited by name, no longer linked.
    const html = await (await t.get('/en/ai-models/credited-story')).text();
    expect(html).toContain('<span class="byline-person">Ada Writer</span>');
    expect(articleOf(html).author).toEqual([{ '@type': 'Person', name: 'Ada Writer' }]);
  });
});
