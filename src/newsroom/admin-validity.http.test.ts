import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../../test/support/admin-client.js';
import { apiRequest, staffToken } from '../../test/support/api-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { buildStory } from '../../test/support/factories.js';
import { addActiveSubscribers } from '../../test/support/newsletter.js';
import { signedInAs } from '../../test/support/people.js';
import { vnuProblems } from '../../test/support/vnu.js';
import { issueSetupToken } from '../accounts/index.js';
import { insertProposedEntity } from '../stories/index.js';
import { createWebhook } from '../webhooks/index.js';

// The admin's page kinds that admin-html.http.test.ts does not cover (signing in, the setup link, the
// stories pages, API keys, webhooks, the newsletter's issues, preview and events) through the Nu
// Html Checker in both UI languages, in one run: zero errors and zero warnings. The UI language
// follows the person's ui_locale.

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
  let issueId: number;
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
    // A proposed entity, so the review list shows its forms.
    await insertProposedEntity(
      t.database.db,
      { slug: 'lumen-robotics', kind: 'topic', locale: 'en', name: 'Lumen Robotics', proposedBy: null },
      new Date(),
    );
    // A planned digest with a failed delivery and a bounce, so the newsletter pages show their tables.
    await addActiveSubscribers(t.database.db, 3, { locale: 'en', frequency: 'daily' });
    const planned = await t.newsletter.admin.planRun({
      frequency: 'daily',
      locale: 'en',
      slot: '2026-11-21',
      kind: 'scheduled',
      dueAt: new Date('2026-11-21T00:00:00Z'),
    });
    issueId = planned.issues[0]?.id as number;
    const delivery = await t.database.db
      .selectFrom('newsletter_deliveries')
      .select('id')
      .where('issue_id', '=', issueId)
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('newsletter_deliveries')
      .set({ state: 'failed', attempts: 1, last_error: '550 5.1.1 <unknown> mailbox' })
      .where('id', '=', delivery.id)
      .execute();
    await t.database.db
      .insertInto('newsletter_events')
      .values({
        provider: 'postmark',
        provider_event_id: 'valid-1',
        kind: 'hard_bounce',
        email: 'reader-0@example.org',
        subscriber_id: null,
        delivery_id: delivery.id,
        message_id: null,
        detail: 'The server refused the address <reader-0@example.org>',
        action: 'suppressed',
        occurred_at: '2026-11-21T00:05:00.000Z',
        received_at: '2026-11-21T00:06:00.000Z',
      })
      .execute();
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
      await capture(owner, `${lang}-home`, () => owner.get('/admin'), 200);
      await capture(owner, `${lang}-entity-proposals`, () => owner.get('/admin/entity-proposals'), 200);
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
      await capture(owner, `${lang}-newsletter`, () => owner.get('/admin/newsletter'), 200);
      await capture(
        owner,
        `${lang}-newsletter-issue`,
        () => owner.get(`/admin/newsletter/issues/${issueId}`),
        200,
      );
      const preview = '/admin/newsletter/preview?locale=en&frequency=weekly&days=14&topic=section:ai-models';
      await capture(owner, `${lang}-newsletter-preview`, () => owner.get(preview), 200);
      await capture(
        owner,
        `${lang}-newsletter-preview-empty`,
        () => owner.get('/admin/newsletter/preview'),
        200,
      );
      await capture(
        owner,
        `${lang}-newsletter-test-sent`,
        // The page after the redirect that follows a test send.
        async () => {
          const sent = await owner.post('/admin/newsletter/test-send', {
            locale: 'zh',
            frequency: 'weekly',
            days: '14',
            to: 'me@example.test',
          });
          expect(sent.status).toBe(303);
          return owner.get(sent.headers.get('location') ?? '');
        },
        200,
      );
      await capture(
        owner,
        `${lang}-newsletter-test-422`,
        () =>
          owner.post('/admin/newsletter/test-send', {
            locale: 'en',
            frequency: 'weekly',
            days: '14',
            to: 'nope',
          }),
        422,
      );
      await capture(owner, `${lang}-newsletter-events`, () => owner.get('/admin/newsletter/events'), 200);
    }
    expect(pages['zh-stories']).toContain('<html lang="zh">');
    // The QA page really lists findings (with the override field), not the "all clear" line.
    expect(pages['en-editor-zh-qa']).toContain('id="qa_heading"');
    expect(pages['en-editor-zh-qa']).toContain('name="qaOverrideReason"');
    expect(pages['en-sign-in']).toContain('<html lang="en">');
    expect(pages['en-newsletter-issue']).toContain('550 5.1.1 &lt;unknown&gt; mailbox');
    expect(pages['zh-newsletter-test-sent']).toContain('测试邮件已发送至me@example.test。');
    expect(pages['zh-sign-in']).toContain('<html lang="zh">');
    expect(vnuProblems(pages)).toEqual([]);
  }, 120_000);
});
