import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { signedInAs } from '../../test/support/people.js';
import { QueryCounter } from '../../test/support/query-counter.js';
import { findStory, findStoryIdBySlug, listSections } from '../stories/index.js';

// What the editor costs in queries: its page reads the story once (issue 12: it read it twice for
// a translation, with the site settings twice); a submit reads it for the form, once inside its
// transaction, and once more only when going live must judge the text it just saved. The story
// read is a query of the variants alone; the navigation's review count joins them with reviews.

describe.each(DIALECTS)('the story editor’s reads on %s', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  const counter = new QueryCounter();

  beforeAll(async () => {
    t = await createTestApp(
      dialect,
      {
        seed: 'stories',
        stories: [buildStory('counted', { variant: { status: 'draft', publishedAt: null } })],
      },
      undefined,
      { instrument: (db) => db.withPlugin(counter) },
    );
    ({ browser: editor } = await signedInAs(t, 'editor'));
  });
  afterAll(() => t.destroy());

  it('reads the story once for the editor page, source or translation', async () => {
    const id = (await findStoryIdBySlug(t.database.db, 'zh', 'counted')) as number;
    for (const locale of ['zh', 'en']) {
      counter.reset();
      expect((await editor.get(`/admin/stories/${id}/${locale}`)).status).toBe(200);
      expect(counter.reads('story_variants', { alone: true })).toBe(1);
      expect(counter.reads('settings')).toBe(1);
    }
  });

  it('reads the story three times for a submit that saves and publishes, and its live times once', async () => {
    const id = (await findStoryIdBySlug(t.database.db, 'zh', 'counted')) as number;
    await editor.get(`/admin/stories/${id}/zh`);
    const story = await findStory(t.database.db, id);
    const zh = story?.variants.find((v) => v.locale === 'zh');
    const section = (await listSections(t.database.db)).find((s) => s.id === story?.sectionId)?.key ?? '';
    counter.reset();
    const saved = await editor.post(`/admin/stories/${id}/zh`, {
      title: `${zh?.title}（更新）`,
      slug: zh?.slug ?? '',
      summary: zh?.summary ?? '',
      body: zh?.bodyMarkdown ?? '',
      heroAlt: zh?.heroAlt ?? '',
      faqQuestion: zh?.faq.map((f) => f.question) ?? [],
      faqAnswer: zh?.faq.map((f) => f.answer) ?? [],
      section,
      entity: ['nvidia'],
      baseRevision: String(zh?.revision ?? ''),
      intent: 'publish',
    });
    expect(saved.status).toBe(303);
    // Three reads of the story, and one of its live variants' publication times, which place the
    // story in the lists (updateFirstPublished).
    expect(counter.reads('story_variants', { alone: true })).toBe(4);
    expect((await findStory(t.database.db, id))?.variants.find((v) => v.locale === 'zh')?.status).toBe(
      'published',
    );
  });
});
