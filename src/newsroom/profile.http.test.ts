import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { signedInAs } from '../../test/support/people.js';
import { findProfile } from '../people/index.js';

describe.each(DIALECTS)('public profiles and the admin language on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('profile-story')] });
  });
  afterAll(() => t.destroy());

  it('lets a person fill their own profile, bios per language, and shows it on their page', async () => {
    const { browser, user } = await signedInAs(t, 'author');
    // A nameless account has no author page (its email must never show): this one has a name.
    await t.database.db
      .updateTable('users')
      .set({ display_name: '李华' })
      .where('id', '=', user.id)
      .execute();
    expect((await browser.get('/admin/account')).status).toBe(200);
    const saved = await browser.post('/admin/account', {
      slug: 'Li-Hua',
      isPublic: '1',
      avatarMediaId: '',
      'bio.zh': '写芯片。',
      'bio.en': 'Writes about chips.',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/admin/account?notice=saved');
    expect(await findProfile(t.database.db, user.id)).toEqual({
      userId: user.id,
      slug: 'li-hua',
      avatarMediaId: null,
      isPublic: true,
      bios: { zh: '写芯片。', en: 'Writes about chips.' },
    });
    const page = await t.get('/zh/authors/li-hua');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('写芯片。');
  });

  it('refuses a taken or malformed address with the form again, and a missing CSRF token', async () => {
    const first = await signedInAs(t, 'author');
    await first.browser.get('/admin/account');
    await first.browser.post('/admin/account', { slug: 'taken', isPublic: '1', avatarMediaId: '' });
    const { browser, user } = await signedInAs(t, 'author');
    await browser.get('/admin/account');
    for (const slug of ['taken', 'no spaces']) {
      const refused = await browser.post('/admin/account', { slug, isPublic: '1', avatarMediaId: '' });
      expect(refused.status, slug).toBe(422);
      expect(await refused.text()).toContain('field-invalid');
    }
    const forged = await browser.post('/admin/account', { slug: 'forged', avatarMediaId: '' }, { csrf: '' });
    expect(forged.status).toBe(403);
    expect((await findProfile(t.database.db, user.id))?.slug).toBeNull();
  });

  it("lets editors edit others' profiles, and nobody else", async () => {
    const { user: author } = await signedInAs(t, 'author');
    const other = await signedInAs(t, 'translator');
    await other.browser.get('/admin/account');
    const denied = await other.browser.post(`/admin/people/${author.id}/profile`, {
      slug: 'hijack',
      avatarMediaId: '',
    });
    expect(denied.status).toBe(403);
    expect((await other.browser.get(`/admin/people/${author.id}/profile`)).status).toBe(403);
    const editor = await signedInAs(t, 'editor');
    expect((await editor.browser.get(`/admin/people/${author.id}/profile`)).status).toBe(200);
    const saved = await editor.browser.post(`/admin/people/${author.id}/profile`, {
      slug: 'edited-by-editor',
      avatarMediaId: '',
      'bio.en': 'Set by the desk.',
    });
    expect(saved.status).toBe(303);
    expect((await findProfile(t.database.db, author.id))?.slug).toBe('edited-by-editor');
    expect((await t.get('/admin/account')).status).not.toBe(200);
  });

  it("follows the browser's language until the person chooses one", async () => {
    const { browser } = await signedInAs(t, 'author');
    const zhBrowser = { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' } };
    const before = await (await browser.request('/admin/account', zhBrowser)).text();
    expect(before).toMatch(/<html lang="zh/);
    await browser.post('/admin/account', { uiLocale: 'en', slug: '', avatarMediaId: '' });
    const after = await (await browser.request('/admin/account', zhBrowser)).text();
    expect(after).toMatch(/<html lang="en/);
    expect(after).toContain('Language of the newsroom');
  });
});
