import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { signedInAs } from '../../test/support/people.js';
import { findSiteSettings, findStory, findStoryIdBySlug, listSections } from '../stories/index.js';

// The newsroom's time zone: an owner sets it in the site settings (checked, CSRF-guarded), the
// schedule input is read on its clocks and stored in UTC, and admin times are shown on them.

describe.each(DIALECTS)('the newsroom’s time zone on %s', (dialect) => {
  let t: TestApp;
  let owner: AdminClient;
  let editor: AdminClient;

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      seed: 'stories',
      stories: [buildStory('zoned', { variant: { status: 'draft', publishedAt: null } })],
    });
    ({ browser: owner } = await signedInAs(t, 'owner'));
    ({ browser: editor } = await signedInAs(t, 'editor'));
  });
  afterAll(() => t.destroy());

  const settingsForm = (timeZone: string) => ({
    locales: 'zh, en',
    defaultLocale: 'zh',
    'name.zh': '测试站',
    'name.en': 'Velocity Test',
    nav: ['ai-models', 'chips'],
    timeZone,
  });

  const storyForm = async (changes: Record<string, string>) => {
    const id = (await findStoryIdBySlug(t.database.db, 'zh', 'zoned')) as number;
    const story = await findStory(t.database.db, id);
    const zh = story?.variants.find((v) => v.locale === 'zh');
    const section = (await listSections(t.database.db)).find((s) => s.id === story?.sectionId)?.key ?? '';
    return {
      id,
      form: {
        title: zh?.title ?? '',
        slug: zh?.slug ?? '',
        summary: zh?.summary ?? '',
        body: zh?.bodyMarkdown ?? '',
        heroAlt: zh?.heroAlt ?? '',
        section,
        entity: ['nvidia'],
        baseRevision: String(zh?.revision ?? ''),
        ...changes,
      },
    };
  };

  it('offers the zones in the settings, refuses one Intl does not know and a post without CSRF', async () => {
    expect((await owner.get('/admin/settings')).status).toBe(200);
    expect(owner.lastHtml).toContain('<option value="UTC" selected="">');
    expect(owner.lastHtml).toContain('<option value="Europe/Berlin">Europe/Berlin (UTC+1)</option>');
    const refused = await owner.post('/admin/settings', settingsForm('Mars/Olympus_Mons'));
    expect(refused.status).toBe(422);
    expect(owner.lastHtml).toContain('Choose a time zone from the list.');
    await owner.get('/admin/settings');
    const forged = await owner.post('/admin/settings', settingsForm('Europe/Berlin'), { csrf: '' });
    expect(forged.status).toBe(403);
    expect((await findSiteSettings(t.database.db))?.timeZone).toBeUndefined();
  });

  it('reads 09:00 typed in Berlin as 07:00 UTC in summer, shows it back as 09:00, and in the list', async () => {
    await owner.get('/admin/settings');
    expect((await owner.post('/admin/settings', settingsForm('Europe/Berlin'))).status).toBe(303);
    expect((await findSiteSettings(t.database.db))?.timeZone).toBe('Europe/Berlin');

    const { id, form } = await storyForm({ publishAt: '2027-07-01T09:00', intent: 'schedule' });
    await editor.get(`/admin/stories/${id}/zh`);
    expect(editor.lastHtml).toContain('Time in Europe/Berlin (UTC+1).');
    expect((await editor.post(`/admin/stories/${id}/zh`, form)).status).toBe(303);
    const zh = (await findStory(t.database.db, id))?.variants.find((v) => v.locale === 'zh');
    expect(zh).toMatchObject({ status: 'scheduled', publishAt: '2027-07-01T07:00:00.000Z' });

    await editor.get(`/admin/stories/${id}/zh`);
    expect(editor.lastHtml).toContain('value="2027-07-01T09:00"');
    expect(editor.lastHtml).toContain('2027-07-01 09:00 UTC+2');
    await editor.get('/admin/stories?status=scheduled');
    expect(editor.lastHtml).toContain(
      '<time class="muted" datetime="2027-07-01T07:00:00.000Z">2027-07-01 09:00 UTC+2</time>',
    );
  });

  it('refuses a time the spring-forward change skips, with a message that says so', async () => {
    const { id, form } = await storyForm({ publishAt: '2027-03-28T02:30', intent: 'schedule' });
    await editor.get(`/admin/stories/${id}/zh`);
    const response = await editor.post(`/admin/stories/${id}/zh`, form);
    expect(response.status).toBe(422);
    expect(editor.lastHtml).toContain('That time does not exist in the newsroom’s time zone');
    const zh = (await findStory(t.database.db, id))?.variants.find((v) => v.locale === 'zh');
    expect(zh?.publishAt).toBe('2027-07-01T07:00:00.000Z');
  });

  it('reads the same 09:00 as 01:00 UTC once the newsroom is in Shanghai', async () => {
    await owner.get('/admin/settings');
    expect((await owner.post('/admin/settings', settingsForm('Asia/Shanghai'))).status).toBe(303);
    const { id, form } = await storyForm({ publishAt: '2027-07-01T09:00', intent: 'schedule' });
    await editor.get(`/admin/stories/${id}/zh`);
    expect((await editor.post(`/admin/stories/${id}/zh`, form)).status).toBe(303);
    const zh = (await findStory(t.database.db, id))?.variants.find((v) => v.locale === 'zh');
    expect(zh?.publishAt).toBe('2027-07-01T01:00:00.000Z');
    await editor.get(`/admin/stories/${id}/revisions?locale=zh`);
    expect(editor.lastHtml).toContain('UTC+8');
  });
});
