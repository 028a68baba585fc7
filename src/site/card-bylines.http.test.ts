import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { addPerson } from '../../test/support/people.js';
import { QueryCounter } from '../../test/support/query-counter.js';
import { vnuProblems } from '../../test/support/vnu.js';
import type { Actor, User } from '../accounts/index.js';
import { saveProfile, submitStory } from '../editorial/index.js';
import { findStoryIdBySlug } from '../stories/index.js';

const ORIGIN = 'https://news.example.test';
const LOCALES = ['zh', 'en'];
const SLUGS = Array.from({ length: 10 }, (_, i) => `card-story-${i}`);

describe.each(DIALECTS)('writers named on story cards on %s', (dialect) => {
  let t: TestApp;
  let editor: Actor;
  const writers: User[] = [];
  const queries = new QueryCounter();

  const page = async (path: string) => {
    // Every test reads a fresh render: drop all cached pages first.
    await t.site.contentChanged({ storyIds: [], sectionIds: [], entityIds: [] }, { taxonomy: true });
    queries.reset();
    const response = await t.app.request(`${ORIGIN}${path}`);
    expect(response.status).toBe(200);
    return { html: await response.text(), queries: queries.queries.length };
  };

  const credit = async (slug: string, writer: User) => {
    const storyId = (await findStoryIdBySlug(t.database.db, 'en', slug)) as number;
    for (const locale of LOCALES)
      await submitStory(
        t.database.db,
        editor,
        { storyId, locale, intent: 'save', byline: { authorId: writer.id, translatorId: null } },
        { now: new Date() },
      );
  };

  // The newest two stories lead the front page and the section.
  const creditNewestTwo = async () => {
    await credit('card-story-9', writers[0] as User);
    await credit('card-story-8', writers[1] as User);
  };

  beforeAll(async () => {
    t = await createTestApp(
      dialect,
      { seed: 'stories', stories: SLUGS.map((slug) => buildStory(slug)) },
      undefined,
      { instrument: (db) => db.withPlugin(queries) },
    );
    editor = await addPerson(t, 'editor');
    for (let i = 0; i < SLUGS.length; i++)
      writers.push(await addPerson(t, 'author', { displayName: `Card Writer ${i}` }));
    // The first writer has a public author page; the others keep theirs private.
    await saveProfile(
      t.database.db,
      writers[0] as User,
      { userId: (writers[0] as User).id, slug: 'card-writer', avatarMediaId: null, isPublic: true, bios: {} },
      { now: new Date(), locales: LOCALES },
    );
  });
  afterAll(() => t.destroy());

  it('names no one on cards of stories without a person', async () => {
    const { html } = await page('/en/ai-models/');
    expect(html).not.toContain('class="card-byline"');
  });

  it('names the writers on a story page’s related cards, in the query that reads its byline', async () => {
    const relatedCards = (html: string) => html.slice(html.indexOf('class="related"'));
    const before = await page('/en/ai-models/card-story-0');
    expect(relatedCards(before.html)).not.toContain('class="card-byline"');
    await creditNewestTwo();
    const two = await page('/en/ai-models/card-story-0');
    const related = relatedCards(two.html);
    expect(related).toContain(
      '<span class="card-byline">By <a href="/en/authors/card-writer" rel="author">Card Writer 0</a></span>',
    );
    expect(related).toContain('<span class="card-byline">By Card Writer 1</span>');
    const zh = relatedCards((await page('/zh/ai-models/card-story-0')).html);
    expect(zh).toContain('<span class="card-byline">作者 <a href="/zh/authors/card-writer"');
    // The story's own writer and every related card's: still one query for the people.
    await credit('card-story-0', writers[9] as User);
    for (let i = 1; i < 8; i++) await credit(SLUGS[i] as string, writers[i + 1] as User);
    const all = await page('/en/ai-models/card-story-0');
    expect(relatedCards(all.html).match(/class="card-byline"/g)).toHaveLength(4);
    expect(all.html).toContain('Card Writer 9');
    expect(all.queries).toBe(two.queries);
  });

  it('names the writer on the front page and a section page, linked only to a public page', async () => {
    await creditNewestTwo();
    for (const path of ['/en/', '/en/ai-models/']) {
      const { html } = await page(path);
      expect(html).toContain(
        '<span class="card-byline">By <a href="/en/authors/card-writer" rel="author">Card Writer 0</a></span>',
      );
      expect(html).toContain('<span class="card-byline">By Card Writer 1</span>');
    }
    const zh = await page('/zh/ai-models/');
    expect(zh.html).toContain('<span class="card-byline">作者 <a href="/zh/authors/card-writer"');
  });

  it('reads the names in one query whatever the number of credited cards', async () => {
    await creditNewestTwo();
    const front2 = await page('/en/');
    const section2 = await page('/en/ai-models/');
    for (let i = 0; i < 8; i++) await credit(SLUGS[i] as string, writers[i + 2] as User);
    const front10 = await page('/en/');
    const section10 = await page('/en/ai-models/');
    // The pages do show the ten writers: the count compares like with like.
    expect(section10.html.match(/class="card-byline"/g)).toHaveLength(10);
    expect(front10.queries).toBe(front2.queries);
    expect(section10.queries).toBe(section2.queries);
  });

  it('keeps the front page valid HTML with named cards', async () => {
    await creditNewestTwo();
    const documents = { 'front-en': (await page('/en/')).html, 'front-zh': (await page('/zh/')).html };
    expect(documents['front-en']).toContain('class="card-byline"');
    expect(vnuProblems(documents)).toEqual([]);
  }, 60_000);
});
