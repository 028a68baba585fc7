import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { addActiveSubscribers } from '../../test/support/newsletter.js';
import { signedInAs } from '../../test/support/people.js';

// The newsletter admin over a planned issue whose deliveries sit in every state: the counts on
// the page and in counts.json, the failed and retrying deliveries and the bounce events shown
// escaped, the sandboxed preview of the stored issue, the events' filters and paging, and the
// owners' one-off send planned once however often it is clicked within a minute.

const HOSTILE_ERROR = '550 5.1.1 <script>alert("error")</script> mailbox unknown';
const HOSTILE_ADDRESS = '<script>alert(1)</script>@example.org';

describe.each(DIALECTS)('the newsletter admin on %s', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  let issueId: number;
  let failedDeliveryId: number;

  const db = () => t.database.db;

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      seed: 'stories',
      stories: [buildStory('planned-one', { variant: { publishedAt: '2026-11-27T20:00:00.000Z' } })],
    });
    editor = (await signedInAs(t, 'editor')).browser;
  });
  afterAll(() => t?.destroy());

  it('starts empty, and is in the menu for owners and editors only', async () => {
    expect((await editor.get('/admin/newsletter')).status).toBe(200);
    expect(editor.lastHtml).toContain('No digest has been planned yet.');
    expect(editor.lastHtml).toContain('href="/admin/newsletter"');
    // Editors see no one-off send: that is the owner's.
    expect(editor.lastHtml).not.toContain('action="/admin/newsletter/send-now"');
    for (const role of ['author', 'translator'] as const) {
      const { browser } = await signedInAs(t, role);
      expect((await browser.get('/admin/newsletter')).status, role).toBe(403);
      expect((await browser.get('/admin/newsletter/counts.json')).status, role).toBe(403);
      await browser.get('/admin/stories');
      expect(browser.lastHtml, role).not.toContain('href="/admin/newsletter"');
    }
  });

  it('counts deliveries in every state, on the page and in counts.json', async () => {
    const ids = await addActiveSubscribers(db(), 6, { locale: 'en', frequency: 'daily' });
    const outcome = await t.newsletter.admin.planRun({
      frequency: 'daily',
      locale: 'en',
      slot: '2026-11-28',
      kind: 'scheduled',
      dueAt: new Date('2026-11-28T08:00:00Z'),
    });
    expect(outcome.deliveriesPlanned).toBe(6);
    issueId = outcome.issues[0]?.id as number;
    const deliveries = await db()
      .selectFrom('newsletter_deliveries')
      .select(['id', 'subscriber_id'])
      .where('issue_id', '=', issueId)
      .orderBy('id')
      .execute();
    const at = '2026-11-28T08:30:00.000Z';
    const set = (index: number, values: Record<string, unknown>) =>
      db()
        .updateTable('newsletter_deliveries')
        .set({ updated_at: at, ...values })
        .where('id', '=', deliveries[index]?.id as number)
        .execute();
    await set(0, { state: 'sent', attempts: 1, sent_at: at });
    await set(1, { state: 'sent', attempts: 1, sent_at: at });
    await set(2, { state: 'failed', attempts: 1, last_error: HOSTILE_ERROR });
    await set(3, {
      state: 'pending',
      attempts: 2,
      next_attempt_at: '2026-11-28T09:15:00.000Z',
      last_error: '451 4.7.1 try again later',
    });
    await set(4, { state: 'sending', attempts: 1, claimed_by: 'sender-x', claim_expires_at: at });
    await set(5, { state: 'suppressed', attempts: 0 });
    failedDeliveryId = deliveries[2]?.id as number;
    await db()
      .updateTable('subscribers')
      .set({ email: HOSTILE_ADDRESS })
      .where('id', '=', ids[2] as number)
      .execute();

    expect((await editor.get('/admin/newsletter')).status).toBe(200);
    const html = editor.lastHtml;
    const totals = html.slice(html.indexOf('data-counts-totals'), html.indexOf('</dl>'));
    for (const [name, value] of Object.entries({
      sent: 2,
      pending: 2,
      retrying: 1,
      failed: 1,
      suppressed: 1,
      total: 6,
    })) {
      expect(totals, name).toContain(`data-count="${name}">${value}<`);
    }
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('data-active="true"');
    expect(html).toContain(`href="/admin/newsletter/issues/${issueId}"`);
    expect(html).toContain('Refresh the counts');
    expect(html).toContain('All stories');

    const response = await editor.get(`/admin/newsletter/counts.json?ids=${issueId},999999,junk`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const expected = { sent: 2, pending: 2, retrying: 1, failed: 1, suppressed: 1, total: 6 };
    expect(await response.json()).toEqual({
      active: true,
      totals: expected,
      issues: {
        [String(issueId)]: {
          ...expected,
          state: 'sending',
          stateLabel: 'Sending',
          badge: expect.any(String),
        },
      },
    });
  });

  it('shows an issue: its failed and retrying deliveries escaped, and its parts', async () => {
    expect((await editor.get(`/admin/newsletter/issues/${issueId}`)).status).toBe(200);
    const html = editor.lastHtml;
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;@example.org');
    expect(html).toContain('550 5.1.1 &lt;script&gt;alert(&quot;error&quot;)&lt;/script&gt; mailbox unknown');
    expect(html).toContain('451 4.7.1 try again later');
    expect(html).toContain('datetime="2026-11-28T09:15:00.000Z"');
    expect(html).toContain(
      `<iframe class="digest-frame" src="/admin/newsletter/issues/${issueId}/preview.html" sandbox=""`,
    );
    // The text part, with the story and its subscriber links pointing at the signup page.
    expect(html).toContain('Nvidia announces the planned-one plan');
    expect(html).toContain('https://news.example.test/en/newsletter');
    expect(html).not.toContain('__VELOCITY_');

    const preview = await editor.get(`/admin/newsletter/issues/${issueId}/preview.html`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-security-policy')).toBe(
      "sandbox; default-src 'none'; img-src https: data: https://news.example.test; style-src 'unsafe-inline'; frame-ancestors 'self'",
    );
    expect(preview.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const body = await preview.text();
    expect(body).toContain('Nvidia announces the planned-one plan');
    expect(body).toContain('href="https://news.example.test/en/newsletter"');

    expect((await editor.get('/admin/newsletter/issues/999999')).status).toBe(404);
    expect((await editor.get('/admin/newsletter/issues/abc')).status).toBe(404);
  });

  it('lists bounce and complaint events, escaped, filtered and paged', async () => {
    const event = (n: number, values: Record<string, unknown> = {}) => ({
      provider: 'sendgrid',
      provider_event_id: `evt-${n}`,
      kind: 'soft_bounce' as const,
      email: `bulk-${n}@example.org`,
      subscriber_id: null,
      delivery_id: null,
      message_id: null,
      detail: 'mailbox full',
      action: 'counted' as const,
      occurred_at: '2026-11-28T08:40:00.000Z',
      received_at: `2026-11-28T08:${String(n % 60).padStart(2, '0')}:00.000Z`,
      ...values,
    });
    await db()
      .insertInto('newsletter_events')
      .values([
        ...Array.from({ length: 55 }, (_, n) => event(n)),
        event(100, {
          provider: 'postmark',
          kind: 'hard_bounce',
          email: HOSTILE_ADDRESS,
          delivery_id: failedDeliveryId,
          detail: '<img src=x onerror=alert(2)>',
          action: 'suppressed',
          received_at: '2026-11-28T08:59:30.000Z',
        }),
      ])
      .execute();

    expect((await editor.get('/admin/newsletter/events?kind=hard_bounce')).status).toBe(200);
    let html = editor.lastHtml;
    expect(html).toContain('1 event');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;@example.org');
    expect(html).toContain('Address suppressed');
    expect(html).toContain(`href="/admin/newsletter/issues/${issueId}"`);
    expect(html).not.toContain('bulk-1@example.org');

    await editor.get('/admin/newsletter/events?provider=sendgrid');
    html = editor.lastHtml;
    expect(html).toContain('55 events');
    expect(html).toContain('href="/admin/newsletter/events?provider=sendgrid&amp;page=2"');
    await editor.get('/admin/newsletter/events?provider=sendgrid&page=2');
    expect(editor.lastHtml.match(/bulk-\d+@example\.org/g)).toHaveLength(5);

    await editor.get('/admin/newsletter/events?q=BULK-42');
    expect(editor.lastHtml).toContain('1 event');
    expect(editor.lastHtml).toContain('bulk-42@example.org');
    // A filter the page does not offer is ignored rather than failing.
    expect((await editor.get('/admin/newsletter/events?kind=nonsense&provider=x')).status).toBe(200);
    expect(editor.lastHtml).toContain('56 events');
  });

  it('lets an owner plan a one-off send once however often it is clicked in a minute', async () => {
    const { browser: owner } = await signedInAs(t, 'owner');
    await owner.get('/admin/newsletter');
    expect(owner.lastHtml).toContain('action="/admin/newsletter/send-now"');
    for (let n = 0; n < 2; n++) {
      const response = await owner.post('/admin/newsletter/send-now', { locale: 'en', frequency: 'daily' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/admin/newsletter?notice=digestPlanned');
    }
    const runs = await db()
      .selectFrom('newsletter_runs')
      .select(['slot', 'kind', 'planned_at'])
      .where('kind', '=', 'manual')
      .execute();
    expect(runs).toEqual([
      { slot: 'manual-2026-11-28T09:00', kind: 'manual', planned_at: expect.any(String) },
    ]);
    await owner.get('/admin/newsletter?notice=digestPlanned');
    expect(owner.lastHtml).toContain('The digest is planned.');
    expect(owner.lastHtml).toContain('manual-2026-11-28T09:00');

    const refused = await owner.post('/admin/newsletter/send-now', { locale: 'fr', frequency: 'daily' });
    expect(refused.status).toBe(422);
    expect(
      (await editor.post('/admin/newsletter/send-now', { locale: 'en', frequency: 'daily' })).status,
    ).toBe(403);
    expect(
      (await owner.post('/admin/newsletter/send-now', { locale: 'en', frequency: 'daily' }, { csrf: '' }))
        .status,
    ).toBe(403);
  });
});
