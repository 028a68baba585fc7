import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { addPerson, signedInAs } from '../../test/support/people.js';
import { findStory, findStoryIdBySlug, listSections } from '../stories/index.js';

describe.each(DIALECTS)("the story editor's byline on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('byline-story')] });
  });
  afterAll(() => t.destroy());

  const formOf = async (storyId: number, locale: string) => {
    const story = await findStory(t.database.db, storyId);
    const variant = story?.variants.find((v) => v.locale === locale);
    return {
      title: variant?.title ?? '',
      slug: variant?.slug ?? '',
      summary: variant?.summary ?? '',
      body: variant?.bodyMarkdown ?? '',
      heroAlt: variant?.heroAlt ?? '',
      section: (await listSections(t.database.db)).find((s) => s.id === story?.sectionId)?.key ?? '',
      entity: ['nvidia'],
      baseRevision: String(variant?.revision ?? ''),
      intent: 'save',
    };
  };

  it('lets an editor set the author and translator of a translation in the one submit', async () => {
    const id = (await findStoryIdBySlug(t.database.db, 'en', 'byline-story')) as number;
    const writer = await addPerson(t, 'author', { displayName: 'Writer One' });
    const translator = await addPerson(t, 'translator', { displayName: 'Translator One' });
    const { browser } = await signedInAs(t, 'editor');
    const page = await (await browser.get(`/admin/stories/${id}/en`)).text();
    expect(page).toContain('name="bylineAuthor"');
    expect(page).toContain('name="bylineTranslator"');
    const saved = await browser.post(`/admin/stories/${id}/en`, {
      ...(await formOf(id, 'en')),
      bylineAuthor: String(writer.id),
      bylineTranslator: String(translator.id),
    });
    expect(saved.status).toBe(303);
    const en = (await findStory(t.database.db, id))?.variants.find((v) => v.locale === 'en');
    expect([en?.authorId, en?.translatorId]).toEqual([writer.id, translator.id]);
    const html = await (await t.get('/en/ai-models/byline-story')).text();
    expect(html).toContain('Translated by <span class="byline-person">Translator One</span>');
    // The source variant has no translator field.
    expect(await (await browser.get(`/admin/stories/${id}/zh`)).text()).not.toContain(
      'name="bylineTranslator"',
    );
  });

  it('shows an author no byline choice, and ignores one they send', async () => {
    const id = (await findStoryIdBySlug(t.database.db, 'en', 'byline-story')) as number;
    const { browser, user } = await signedInAs(t, 'translator', { locales: ['en'] });
    const page = await (await browser.get(`/admin/stories/${id}/en`)).text();
    expect(page).not.toContain('name="bylineAuthor"');
    await browser.post(`/admin/stories/${id}/en`, {
      ...(await formOf(id, 'en')),
      bylineAuthor: String(user.id),
    });
    const en = (await findStory(t.database.db, id))?.variants.find((v) => v.locale === 'en');
    expect(en?.authorId).not.toBe(user.id);
  });
});
