import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../../test/support/admin-client.js';
import { apiRequest } from '../../test/support/api-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { addUser } from '../accounts/index.js';

const PASSWORD = 'correct horse battery';

describe.each(DIALECTS)('the API keys page on %s', (dialect) => {
  let t: TestApp;
  let owner: AdminClient;
  let editorId: number;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('one')] });
    const now = new Date();
    await addUser(t.database.db, { email: 'owner@example.test', role: 'owner' }, PASSWORD, now);
    editorId = (await addUser(t.database.db, { email: 'editor@example.test', role: 'editor' }, PASSWORD, now))
      .id;
    owner = new AdminClient(t);
    await owner.signIn('owner@example.test', PASSWORD);
  });
  afterAll(() => t.destroy());

  const shownKey = (html: string) =>
    /<code class="secret">(cv[cs]_[A-Za-z0-9_-]{43})<\/code>/.exec(html)?.[1];

  it('is for owners only', async () => {
    const editor = new AdminClient(t);
    await editor.signIn('editor@example.test', PASSWORD);
    expect((await editor.get('/admin/api-keys')).status).toBe(403);
    expect((await editor.post('/admin/api-keys', { name: 'x', kind: 'content', userId: '' })).status).toBe(
      403,
    );
    expect((await new AdminClient(t).get('/admin/api-keys')).status).toBe(303);
  });

  it('creates a content key, shows it once, and lists it by prefix only', async () => {
    expect((await owner.get('/admin/api-keys')).status).toBe(200);
    const response = await owner.post('/admin/api-keys', { name: 'Mobile app', kind: 'content', userId: '' });
    expect(response.status).toBe(200);
    const token = shownKey(owner.lastHtml);
    expect(token).toMatch(/^cvc_/);
    expect(owner.lastHtml).toContain(`Authorization: Bearer ${token}`);
    expect((await apiRequest(t, '/content/v1/sections', { token })).status).toBe(200);

    await owner.get('/admin/api-keys');
    expect(owner.lastHtml).toContain('Mobile app');
    expect(owner.lastHtml).toContain(`<code>${token?.slice(0, 12)}…</code>`);
    expect(owner.lastHtml).not.toContain(token);
    expect(owner.lastHtml).toContain('owner@example.test');
  });

  it('creates a staff token acting as the chosen person, which the Admin API accepts', async () => {
    await owner.get('/admin/api-keys');
    expect(owner.lastHtml).toContain(`<option value="${editorId}">editor@example.test`);
    const response = await owner.post('/admin/api-keys', {
      name: 'CMS bridge',
      kind: 'staff',
      userId: String(editorId),
    });
    expect(response.status).toBe(200);
    const token = shownKey(owner.lastHtml);
    expect(token).toMatch(/^cvs_/);
    const story = await apiRequest(t, '/admin/v1/stories/1', { token });
    expect(story.status).toBe(200);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'summary', 'details'])
      .where('action', '=', 'apikey.create')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toBe('CMS bridge');
    expect(JSON.parse(audit.details)).toMatchObject({ kind: 'staff', userId: editorId });
    expect(audit.details).not.toContain(token?.slice(12));
  });

  it('asks again, with 422 and the field, for a missing name or a staff token without a person', async () => {
    const noName = await owner.post('/admin/api-keys', { name: ' ', kind: 'content', userId: '' });
    expect(noName.status).toBe(422);
    expect(owner.lastHtml).toContain('Give the key a name');
    const noUser = await owner.post('/admin/api-keys', { name: 'Bridge', kind: 'staff', userId: '' });
    expect(noUser.status).toBe(422);
    expect(owner.lastHtml).toContain('Choose the active person');
    const gone = await owner.post('/admin/api-keys', { name: 'Bridge', kind: 'staff', userId: '999999' });
    expect(gone.status).toBe(422);
    const keys = await t.database.db
      .selectFrom('api_keys')
      .select('name')
      .where('name', '=', 'Bridge')
      .execute();
    expect(keys).toEqual([]);
  });

  it('revokes a key: the API refuses it at once and the list says so', async () => {
    await owner.post('/admin/api-keys', { name: 'Short-lived', kind: 'content', userId: '' });
    const token = shownKey(owner.lastHtml);
    const { id } = await t.database.db
      .selectFrom('api_keys')
      .select('id')
      .where('name', '=', 'Short-lived')
      .executeTakeFirstOrThrow();
    await owner.get('/admin/api-keys');
    const revoked = await owner.post(`/admin/api-keys/${id}/revoke`, {});
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('location')).toBe('/admin/api-keys?notice=revoked');
    expect((await apiRequest(t, '/content/v1/sections', { token })).status).toBe(401);
    await owner.get('/admin/api-keys');
    expect(owner.lastHtml).toMatch(/Revoked \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC</);
    expect((await owner.post('/admin/api-keys/999999/revoke', {})).status).toBe(404);
  });

  it('refuses a form without the CSRF token', async () => {
    const response = await owner.post(
      '/admin/api-keys',
      { name: 'x', kind: 'content', userId: '' },
      { csrf: '' },
    );
    expect(response.status).toBe(403);
  });

  it('shows the page in Chinese to a Chinese-speaking owner', async () => {
    await addUser(
      t.database.db,
      { email: 'zh-owner@example.test', role: 'owner', uiLocale: 'zh' },
      PASSWORD,
      new Date(),
    );
    const zh = new AdminClient(t);
    await zh.signIn('zh-owner@example.test', PASSWORD);
    await zh.get('/admin/api-keys');
    expect(zh.lastHtml).toContain('新建API密钥');
    expect(zh.lastHtml).not.toContain('apiKeys.');
  });
});
