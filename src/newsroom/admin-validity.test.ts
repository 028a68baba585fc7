import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../../test/support/admin-client.js';
import { apiRequest, staffToken } from '../../test/support/api-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { buildStory } from '../../test/support/factories.js';
import { signedInAs } from '../../test/support/people.js';
import { vnuProblems } from '../../test/support/vnu.js';
import { issueSetupToken } from '../accounts/index.js';
import { createWebhook } from '../webhooks/index.js';

// The admin's page kinds that admin-html.test.ts does not cover (signing in, the setup link, the
// stories pages, API keys, webhooks) through the Nu Html Checker in both UI languages, in one run:
// zero errors and zero warnings. The UI language follows the person's ui_locale.

const english = {
  title: 'Nvidia unveils a new inference chip',
  summary: 'Nvidia announced a data-centre inference chip that cuts power and cost noticeably.',
  body: '## Background\n\nNvidia released a new generation of inference chips today. Analysts expect it to lower the cost of deploying large models.\n',
};

describe('admin pages for signing in, stories, API keys and webhooks', () => {
  let t: TestApp;
  let owner: AdminClient;
  let ownerId: number;
  let storyId: number;
  let webhookId: number;
  const pages: Record<string, string> = {};

  const capture = async (
    browser: AdminClient,
    name: string,
    send: () => Promise<Response>,
    status: number,
  ) => {
    const response = await send();
    expect(response.status, name).toBe(status);
    pages[name] = browser.lastHtml;
  };

  beforeAll(async () => {
    t = await createTestApp('sqlite', { seed: 'stories', stories: [buildStory('valid-one')] });
    const signedIn = await signedInAs(t, 'owner');
    owner = signedIn.browser;
    ownerId = signedIn.user.id;
    storyId = (await t.database.db.selectFrom('stories').select('id').executeTakeFirstOrThrow()).id;
    // A second revision of the zh variant, so revisions and compare have something to show.
    const { token } = await staffToken(t, 'owner');
    const patched = await apiRequest(t, `/admin/v1/stories/${storyId}/variants/zh`, {
      token,
      method: 'PATCH',
      body: { summary: '英伟达公布了面向数据中心推理的新芯片，功耗与成本都明显下降。' },
    });
    expect(patched.status).toBe(200);
    const webhook = await createWebhook(
      t.database.db,
      { url: 'https://hooks.example.test/receive', events: ['story.published'] },
      new Date(),
    );
    webhookId = webhook.id;
  });
  afterAll(() => t.destroy());

  it('are valid HTML in English and Chinese', async () => {
    for (const lang of ['en', 'zh']) {
      // Signed out, the language comes from the browser.
      const visitor = new AdminClient(t);
      const headers = { 'accept-language': lang };
      await capture(visitor, `${lang}-sign-in`, () => visitor.request('/admin/sign-in', { headers }), 200);
      await capture(
        visitor,
        `${lang}-sign-in-401`,
        () =>
          visitor.request('/admin/sign-in', {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
              _csrf: visitor.csrf,
              email: 'nobody@example.test',
              password: 'wrong',
            }),
          }),
        401,
      );
      const token = await issueSetupToken(t.database.db, ownerId, new Date());
      await capture(
        visitor,
        `${lang}-setup`,
        () => visitor.request(`/admin/setup/${token}`, { headers }),
        200,
      );
      await capture(
        visitor,
        `${lang}-setup-gone`,
        () => visitor.request('/admin/setup/no-such-token', { headers }),
        410,
      );

      await t.database.db.updateTable('users').set({ ui_locale: lang }).execute();
      const base = `/admin/stories/${storyId}`;
      await capture(owner, `${lang}-stories`, () => owner.get('/admin/stories'), 200);
      await capture(
        owner,
        `${lang}-stories-filtered`,
        () => owner.get('/admin/stories?status=draft&locale=en'),
        200,
      );
      await capture(owner, `${lang}-story-new`, () => owner.get('/admin/stories/new'), 200);
      await capture(
        owner,
        `${lang}-story-new-422`,
        () => owner.post('/admin/stories/new', { section: '', sourceLocale: 'xx', title: '' }),
        422,
      );
      await capture(owner, `${lang}-editor-zh`, () => owner.get(`${base}/zh`), 200);
      await capture(owner, `${lang}-editor-en`, () => owner.get(`${base}/en`), 200);
      // English text in the zh tab: the preview shows language QA findings.
      await capture(
        owner,
        `${lang}-editor-zh-qa`,
        () => owner.post(`${base}/zh`, { ...english, section: 'ai-models', intent: 'preview' }),
        200,
      );
      await capture(
        owner,
        `${lang}-editor-en-422`,
        () => owner.post(`${base}/en`, { ...english, title: '', section: 'ai-models', intent: 'save' }),
        422,
      );
      await capture(owner, `${lang}-revisions`, () => owner.get(`${base}/revisions?locale=zh`), 200);
      await capture(owner, `${lang}-compare`, () => owner.get(`${base}/compare?locale=zh&a=1&b=2`), 200);
      await capture(owner, `${lang}-delete`, () => owner.get(`${base}/delete`), 200);
      await capture(owner, `${lang}-api-keys`, () => owner.get('/admin/api-keys'), 200);
      await capture(
        owner,
        `${lang}-api-key-issued`,
        () => owner.post('/admin/api-keys', { name: `Mobile app ${lang}`, kind: 'content', userId: '' }),
        200,
      );
      await capture(
        owner,
        `${lang}-api-keys-422`,
        () => owner.post('/admin/api-keys', { name: '', kind: 'staff', userId: '' }),
        422,
      );
      await capture(owner, `${lang}-webhooks`, () => owner.get('/admin/webhooks'), 200);
      await capture(
        owner,
        `${lang}-webhook-secret`,
        () =>
          owner.post('/admin/webhooks', { url: 'https://hooks.example.test/new', events: 'story.published' }),
        200,
      );
      await capture(
        owner,
        `${lang}-webhooks-422`,
        () => owner.post('/admin/webhooks', { url: 'ftp://x', active: 'on' }),
        422,
      );
      await capture(owner, `${lang}-webhook`, () => owner.get(`/admin/webhooks/${webhookId}`), 200);
    }
    expect(pages['zh-stories']).toContain('<html lang="zh">');
    // The QA page really lists findings (with the override field), not the "all clear" line.
    expect(pages['en-editor-zh-qa']).toContain('id="qa_heading"');
    expect(pages['en-editor-zh-qa']).toContain('name="qaOverrideReason"');
    expect(pages['en-sign-in']).toContain('<html lang="en">');
    expect(pages['zh-sign-in']).toContain('<html lang="zh">');
    expect(vnuProblems(pages)).toEqual([]);
  }, 120_000);
});
