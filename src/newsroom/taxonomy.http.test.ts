import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { signedInAs } from '../../test/support/people.js';
import { findSiteSettings, listEntities, listSections } from '../stories/index.js';

const auditActions = async (t: TestApp, action: string) =>
  (await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()).map(
    (row) => ({
      ...row,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }),
  );

describe.each(DIALECTS)('sections, entities and site settings in the admin on %s', (dialect) => {
  let t: TestApp;
  let owner: AdminClient;
  let editor: AdminClient;
  let author: AdminClient;
  let translator: AdminClient;

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      seed: 'stories',
      stories: [buildStory('one', { entities: ['nvidia'] })],
    });
    ({ browser: owner } = await signedInAs(t, 'owner'));
    ({ browser: editor } = await signedInAs(t, 'editor'));
    ({ browser: author } = await signedInAs(t, 'author'));
    ({ browser: translator } = await signedInAs(t, 'translator', { locales: ['en'] }));
  });
  afterAll(() => t.destroy());

  describe('sections', () => {
    it('lists the sections with their names and addresses per locale', async () => {
      expect((await editor.get('/admin/sections')).status).toBe(200);
      expect(editor.lastHtml).toContain('<a href="/admin/sections/1">ai-models</a>');
      expect(editor.lastHtml).toContain('<span lang="zh">AI模型</span> <code>/zh/ai-models/</code>');
    });

    it('creates a section, making the English slug from its name, and the site serves it at once', async () => {
      expect((await editor.get('/admin/sections/new')).status).toBe(200);
      expect(editor.lastHtml).toContain('name="name.zh"');
      expect(editor.lastHtml).toContain('lang="en"');
      const response = await editor.post('/admin/sections', {
        key: 'industry',
        position: '',
        'name.zh': '产业',
        'slug.zh': 'industry',
        'description.zh': '公司与市场',
        'name.en': 'Industry News',
        'slug.en': '',
        'description.en': '',
      });
      expect(response.status).toBe(303);
      const section = (await listSections(t.database.db)).find((s) => s.key === 'industry');
      expect(response.headers.get('location')).toBe(`/admin/sections/${section?.id}?notice=saved`);
      expect(section).toMatchObject({
        position: 3,
        translations: {
          zh: { name: '产业', slug: 'industry', description: '公司与市场' },
          en: { name: 'Industry News', slug: 'industry-news', description: '' },
        },
      });
      expect((await t.get('/en/industry-news/')).status).toBe(200);
      const [entry] = await auditActions(t, 'section.save');
      expect(entry).toMatchObject({ subject_kind: 'section', subject_id: section?.id, summary: 'industry' });
      expect(entry?.details).toMatchObject({ created: true });
    });

    it('shows the form again with 422 and messages: bad slug, reserved slug, taken key, no default name', async () => {
      await editor.get('/admin/sections/new');
      const response = await editor.post('/admin/sections', {
        key: 'ai-models',
        'name.zh': '',
        'slug.zh': '',
        'name.en': 'Deals',
        'slug.en': 'Big Deals!',
        'description.en': 'Mergers',
      });
      expect(response.status).toBe(422);
      const html = editor.lastHtml;
      expect(html).toContain('Another section already has this key.');
      expect(html).toContain('Use lower-case letters, digits and single hyphens, such as “big-deals”.');
      expect(html).toContain('This is required.');
      expect(html).toContain('aria-invalid="true"');
      // What was typed comes back.
      expect(html).toContain('value="Big Deals!"');
      expect(html).toContain('Mergers</textarea>');

      await editor.post('/admin/sections', { key: 'hubs', 'name.zh': '中心', 'slug.zh': 'gpus' });
      expect(editor.lastHtml).toContain('The site uses this address for its own pages');
      expect((await listSections(t.database.db)).map((s) => s.key)).not.toContain('hubs');
    });

    it('renames a section in one locale; the public pages show the new name', async () => {
      expect(await (await t.get('/en/')).text()).toContain('AI models');
      await editor.get('/admin/sections/1');
      expect(editor.lastHtml).toContain('<code>ai-models</code>');
      const response = await editor.post('/admin/sections/1', {
        position: '1',
        'name.zh': 'AI模型',
        'slug.zh': 'ai-models',
        'description.zh': '模型与研究',
        'name.en': 'Models & Research',
        'slug.en': 'ai-models',
        'description.en': 'Models and research',
      });
      expect(response.status).toBe(303);
      expect(await (await t.get('/en/')).text()).toContain('Models &amp; Research');
      expect((await t.get('/en/ai-models/one')).status).toBe(200);
    });

    it('refuses a slug another section uses in the same locale', async () => {
      await editor.get('/admin/sections/1');
      const response = await editor.post('/admin/sections/1', {
        'name.zh': 'AI模型',
        'slug.zh': 'chips',
        'name.en': 'AI models',
        'slug.en': 'ai-models',
      });
      expect(response.status).toBe(422);
      expect(editor.lastHtml).toContain('The section “chips” already uses this slug in this language.');
    });

    it('is refused to authors and translators', async () => {
      for (const browser of [author, translator]) {
        expect((await browser.get('/admin/sections')).status).toBe(403);
        expect((await browser.get('/admin/sections/1')).status).toBe(403);
        expect((await browser.post('/admin/sections', { key: 'x', 'name.zh': 'x' })).status).toBe(403);
        expect((await browser.post('/admin/sections/1', { 'name.zh': 'hacked' })).status).toBe(403);
      }
      expect((await listSections(t.database.db)).map((s) => s.key)).not.toContain('x');
    });
  });

  describe('entities', () => {
    it('creates an entity with aliases split on commas and new lines, and its hub page answers', async () => {
      await editor.get('/admin/entities/new');
      expect(editor.lastHtml).toContain('<option value="gpu">GPU</option>');
      const response = await editor.post('/admin/entities', {
        slug: 'amd',
        kind: 'company',
        'name.zh': '超威',
        'aliases.zh': 'AMD，超微\n超威半导体',
        'description.zh': '芯片公司。',
        'name.en': 'AMD',
        'aliases.en': 'Advanced Micro Devices',
        'description.en': 'A chip maker.',
      });
      expect(response.status).toBe(303);
      const amd = (await listEntities(t.database.db)).find((e) => e.slug === 'amd');
      expect(amd?.translations.zh?.aliases).toEqual(['AMD', '超微', '超威半导体']);
      expect(amd?.translations.en?.aliases).toEqual(['Advanced Micro Devices']);
      expect((await t.get('/en/topics/amd')).status).toBe(200);
      expect((await auditActions(t, 'entity.save')).at(-1)?.summary).toBe('amd');
    });

    it('finds entities by name, alias or slug, in any case and width, and by kind', async () => {
      await editor.get('/admin/entities?q=%E8%B6%85%E5%BE%AE');
      expect(editor.lastHtml).toContain('<a href="/admin/entities/');
      expect(editor.lastHtml).toContain('>amd</a>');
      expect(editor.lastHtml).not.toContain('>nvidia</a>');
      await editor.get(`/admin/entities?q=${encodeURIComponent('ＮＶＩＤＩＡ')}`);
      expect(editor.lastHtml).toContain('>nvidia</a>');
      expect(editor.lastHtml).toContain('1 entity');
      await editor.get('/admin/entities?kind=gpu');
      expect(editor.lastHtml).toContain('>h200</a>');
      expect(editor.lastHtml).not.toContain('>nvidia</a>');
      await editor.get('/admin/entities?q=nothing-like-this');
      expect(editor.lastHtml).toContain('No entities match.');
    });

    it('edits an entity (kind and names; the slug stays), and refuses errors with 422', async () => {
      const nvidia = (await listEntities(t.database.db)).find((e) => e.slug === 'nvidia');
      await editor.get(`/admin/entities/${nvidia?.id}`);
      expect(editor.lastHtml).toContain('NVIDIA</textarea>');
      const bad = await editor.post(`/admin/entities/${nvidia?.id}`, {
        kind: 'planet',
        'name.zh': '',
        'aliases.zh': 'NVIDIA',
      });
      expect(bad.status).toBe(422);
      expect(editor.lastHtml).toContain('Choose a kind from the list.');
      expect(editor.lastHtml).toContain('This is required.');
      expect(editor.lastHtml).toContain('<code>nvidia</code>');
      const good = await editor.post(`/admin/entities/${nvidia?.id}`, {
        slug: 'not-nvidia',
        kind: 'company',
        'name.zh': '英伟达',
        'aliases.zh': 'NVIDIA, 辉达',
        'name.en': 'NVIDIA Corporation',
        'aliases.en': '英伟达',
      });
      expect(good.status).toBe(303);
      const saved = (await listEntities(t.database.db)).find((e) => e.id === nvidia?.id);
      expect(saved).toMatchObject({ slug: 'nvidia', translations: { zh: { aliases: ['NVIDIA', '辉达'] } } });
      expect(await (await t.get('/en/topics/nvidia')).text()).toContain('NVIDIA Corporation');
    });

    it('refuses a new entity whose slug is taken', async () => {
      await editor.get('/admin/entities/new');
      const response = await editor.post('/admin/entities', {
        slug: 'nvidia',
        kind: 'company',
        'name.zh': '英伟达二号',
      });
      expect(response.status).toBe(422);
      expect(editor.lastHtml).toContain('Another entity already has this slug.');
    });

    it('is refused to authors and translators', async () => {
      for (const browser of [author, translator]) {
        expect((await browser.get('/admin/entities')).status).toBe(403);
        expect(
          (await browser.post('/admin/entities', { slug: 'evil', kind: 'topic', 'name.zh': 'x' })).status,
        ).toBe(403);
      }
      expect((await listEntities(t.database.db)).map((e) => e.slug)).not.toContain('evil');
    });
  });

  describe('deleting', () => {
    it('refuses a section that holds stories, and deletes an empty one with its pages', async () => {
      const sections = await listSections(t.database.db);
      const inUse = sections.find((s) => s.key === 'ai-models');
      expect((await editor.post(`/admin/sections/${inUse?.id}/delete`, {})).status).toBe(409);
      // Refused on the section's own form, which still shows the section as it was.
      expect(editor.lastHtml).toMatch(/still holds \d+ stor(y|ies)/);
      expect(editor.lastHtml).toContain(`action="/admin/sections/${inUse?.id}/delete"`);
      await editor.post('/admin/sections', {
        key: 'short-lived',
        position: '',
        'name.zh': '短命',
        'name.en': 'Brief',
      });
      const empty = (await listSections(t.database.db)).find((s) => s.key === 'short-lived');
      await editor.get(`/admin/sections/${empty?.id}`);
      expect(editor.lastHtml).toContain(`action="/admin/sections/${empty?.id}/delete"`);
      expect((await t.get('/en/brief/')).status).toBe(200);
      const response = await editor.post(`/admin/sections/${empty?.id}/delete`, {});
      expect(response.headers.get('location')).toBe('/admin/sections?notice=deleted');
      expect((await t.get('/en/brief/')).status).toBe(404);
      expect((await auditActions(t, 'section.delete')).map((e) => e.summary)).toEqual(['short-lived']);
    });

    it('deletes an entity: its hub page goes, and the cached story page no longer lists it', async () => {
      await editor.post('/admin/entities', {
        slug: 'fleeting',
        kind: 'topic',
        'name.zh': '转瞬',
        'name.en': 'Fleeting',
      });
      const fleeting = (await listEntities(t.database.db)).find((e) => e.slug === 'fleeting');
      expect((await t.get('/en/topics/fleeting')).status).toBe(200);
      const nvidia = (await listEntities(t.database.db)).find((e) => e.slug === 'nvidia');
      const story = await (await t.get('/en/ai-models/one')).text();
      expect(story).toContain('/en/topics/nvidia');
      await editor.post(`/admin/entities/${fleeting?.id}/delete`, {});
      await editor.post(`/admin/entities/${nvidia?.id}/delete`, {});
      expect((await t.get('/en/topics/fleeting')).status).toBe(404);
      expect(await (await t.get('/en/ai-models/one')).text()).not.toContain('/en/topics/nvidia');
      expect((await auditActions(t, 'entity.delete')).map((e) => e.summary)).toEqual(['fleeting', 'nvidia']);
    });
  });

  describe('site settings', () => {
    it('are for owners only', async () => {
      for (const browser of [editor, author, translator]) {
        expect((await browser.get('/admin/settings')).status).toBe(403);
        expect((await browser.post('/admin/settings', { locales: 'en', defaultLocale: 'en' })).status).toBe(
          403,
        );
      }
    });

    it('shows the form filled from the saved settings', async () => {
      expect((await owner.get('/admin/settings')).status).toBe(200);
      expect(owner.lastHtml).toContain('value="zh, en"');
      expect(owner.lastHtml).toContain('value="测试站"');
      expect(owner.lastHtml).toContain('<input type="checkbox" name="nav" value="ai-models" checked=""');
    });

    it('refuses a bad locale, a default outside the list and a fallback to itself with 422, saving nothing', async () => {
      await owner.get('/admin/settings');
      const response = await owner.post('/admin/settings', {
        locales: 'zh, english',
        defaultLocale: 'zh',
        'name.zh': '测试站',
      });
      expect(response.status).toBe(422);
      expect(owner.lastHtml).toContain('Not a language tag: english.');
      await owner.post('/admin/settings', {
        locales: 'zh, en',
        defaultLocale: 'fr',
        'name.zh': '测试站',
        'fallbacks.en': 'en',
      });
      expect(owner.lastHtml).toContain('The default language must be one of the site’s languages.');
      expect(owner.lastHtml).toContain('Use other languages of the site only: en.');
      expect((await findSiteSettings(t.database.db))?.defaultLocale).toBe('zh');
    });

    it('saves name, tagline, navigation order and fallbacks; the site shows them; the audit says what changed', async () => {
      await owner.get('/admin/settings');
      const response = await owner.post('/admin/settings', {
        locales: 'zh, en',
        defaultLocale: 'zh',
        'name.zh': '测试站',
        'tagline.zh': '人工智能新闻',
        'fallbacks.zh': 'en',
        'name.en': 'Velocity Test',
        'tagline.en': 'Chips and models, daily',
        'fallbacks.en': 'zh',
        nav: ['ai-models', 'chips', 'industry'],
        'navOrder.ai-models': '2',
        'navOrder.chips': '1',
        'navOrder.industry': '',
      });
      expect(response.status).toBe(303);
      expect(await findSiteSettings(t.database.db)).toMatchObject({
        name: { en: 'Velocity Test' },
        tagline: { en: 'Chips and models, daily' },
        navigation: ['chips', 'ai-models', 'industry'],
      });
      const home = await (await t.get('/en/')).text();
      expect(home).toContain('Velocity Test');
      expect(home).toContain('Chips and models, daily');
      const [entry] = await auditActions(t, 'settings.save');
      expect(entry?.summary).toBe('name, tagline, navigation');
      expect(entry?.details).toMatchObject({
        navigation: { from: ['ai-models', 'chips'], to: ['chips', 'ai-models', 'industry'] },
      });
    });
  });

  it('answers in Chinese for a Chinese-speaking editor', async () => {
    const { browser } = await signedInAs(t, 'editor');
    const me = await t.database.db
      .selectFrom('users')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await t.database.db.updateTable('users').set({ ui_locale: 'zh' }).where('id', '=', me.id).execute();
    await browser.get('/admin/sections/new');
    expect(browser.lastHtml).toContain('新建栏目');
    await browser.post('/admin/sections', { key: 'Bad Key', 'name.zh': '好' });
    expect(browser.lastHtml).toContain('请使用小写字母a–z、数字和单个连字符');
  });
});
