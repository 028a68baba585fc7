import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { signedInAs } from '../../test/support/people.js';
import { findStory, findStoryIdBySlug, listSections } from '../stories/index.js';

// A Chinese translation saved without a slug gets a short ASCII one from the English title, the
// editor suggests it in the slug field's hint, stored slugs stay as they are, and the new-story
// form's "Written in" starts at the site's default language.

describe.each(DIALECTS)('short slugs for Chinese titles on %s', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      seed: 'stories',
      stories: [
        buildStory('hbm-shortage', {
          locales: ['en'],
          variant: {
            title: 'High-bandwidth memory shortage may run into 2027, squeezing AI accelerator deliveries',
          },
        }),
        buildStory('kept-slug'),
      ],
    });
    ({ browser: editor } = await signedInAs(t, 'editor'));
  });
  afterAll(() => t.destroy());

  it('suggests the English title’s slug for a new zh translation and uses it when the field is left empty', async () => {
    const id = (await findStoryIdBySlug(t.database.db, 'en', 'hbm-shortage')) as number;
    expect((await editor.get(`/admin/stories/${id}/zh`)).status).toBe(200);
    const suggested = 'high-bandwidth-memory-shortage-may-run-into-2027-squeezing';
    expect(editor.lastHtml).toContain(`Suggested short address: ${suggested}`);
    const story = await findStory(t.database.db, id);
    const en = story?.variants.find((v) => v.locale === 'en');
    const section = (await listSections(t.database.db)).find((s) => s.id === story?.sectionId)?.key ?? '';
    const response = await editor.post(`/admin/stories/${id}/zh`, {
      title: '高带宽内存供应紧张或延续至2027年，AI加速卡交付承压',
      slug: '',
      summary: '摘要',
      body: '正文。',
      heroAlt: '',
      section,
      entity: ['nvidia'],
      baseRevision: '',
      translatedFromRevision: String(en?.revision ?? ''),
      intent: 'save',
    });
    expect(response.status).toBe(303);
    const zh = (await findStory(t.database.db, id))?.variants.find((v) => v.locale === 'zh');
    expect(zh?.slug).toBe(suggested);
    // Once the slug is ASCII there is nothing left to suggest.
    await editor.get(`/admin/stories/${id}/zh`);
    expect(editor.lastHtml).not.toContain('Suggested short address');
  });

  it('shows a stored ASCII slug as it is, with nothing to suggest', async () => {
    const id = (await findStoryIdBySlug(t.database.db, 'zh', 'kept-slug')) as number;
    const before = (await findStory(t.database.db, id))?.variants.find((v) => v.locale === 'zh')?.slug;
    await editor.get(`/admin/stories/${id}/zh`);
    expect(editor.lastHtml).toMatch(new RegExp(`name="slug"[^>]*value="${before}"`));
    expect(editor.lastHtml).not.toContain('Suggested short address');
  });

  it('starts "Written in" at the site’s default language (zh), not the admin’s language (en)', async () => {
    expect((await editor.get('/admin/stories/new')).status).toBe(200);
    const select =
      /<select id="[^"]*" name="sourceLocale"[^>]*>([\s\S]*?)<\/select>/.exec(editor.lastHtml)?.[1] ?? '';
    expect(select).toMatch(/<option value="zh" selected="">/);
    expect(select).not.toMatch(/<option value="en" selected="">/);
  });
});
