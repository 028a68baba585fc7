import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { addActiveSubscribers } from '../../test/support/newsletter.js';
import { signedInAs } from '../../test/support/people.js';
import { type SmtpSink, startSmtpSink } from '../../test/support/smtp-sink.js';

// "Resend confirmation" on a pending subscriber's row: the signup's own mail again, through a real
// SMTP server, whose new link confirms while the earlier one no longer does; the signup's hourly
// limit per address holds and is said; guarded by role and CSRF, and audited.

describe.each(DIALECTS)('resending a confirmation from the subscribers page on %s', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  let editor: AdminClient;
  let pendingId: number;
  const address = 'waiting-reader@example.org';

  const row = (email: string) =>
    t.database.db.selectFrom('subscribers').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
  const confirmLinkIn = (text: string) => {
    const match = /https:\/\/news\.example\.test(\/en\/newsletter\/confirm\/[\w.-]+)/.exec(text);
    if (!match?.[1]) throw new Error(`no confirmation link in:\n${text}`);
    return match[1];
  };
  const resend = (id: number, options: { csrf?: string } = {}) =>
    editor.post(`/admin/subscribers/${id}/resend`, {}, options);

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp(dialect, { seed: 'demo' }, undefined, {
      // The signup and two resends; a third resend within the hour is one too many.
      env: { SMTP_URL: sink.url, SMTP_POOL_SIZE: '1', NEWSLETTER_SIGNUPS_PER_ADDRESS_PER_HOUR: '3' },
    });
    editor = (await signedInAs(t, 'editor')).browser;
    const signup = await t.newsletter.requestSubscription({
      email: address,
      locale: 'en',
      frequency: 'weekly',
      topics: [],
      honeypot: '',
      ip: '203.0.113.9',
    });
    await signup.delivery;
    await sink.waitFor(1);
    pendingId = (await row(address)).id;
  });
  afterAll(async () => {
    await t?.destroy();
    await sink?.close();
  });

  it('offers the button on pending rows only', async () => {
    const [activeId] = await addActiveSubscribers(t.database.db, 1, { prefix: 'confirmed-already' });
    await editor.get('/admin/subscribers');
    expect(editor.lastHtml).toContain(`action="/admin/subscribers/${pendingId}/resend"`);
    expect(editor.lastHtml).toContain(`aria-label="Resend confirmation: ${address}"`);
    expect(editor.lastHtml).not.toContain(`action="/admin/subscribers/${activeId}/resend"`);
    const refused = await resend(activeId as number);
    expect(refused.status).toBe(409);
    expect(editor.lastHtml).toContain('no longer waiting to confirm');
  });

  it('refuses a post without the CSRF token, and roles without the right, sending nothing', async () => {
    const before = sink.received.length;
    await editor.get('/admin/subscribers');
    expect((await resend(pendingId, { csrf: '' })).status).toBe(403);
    for (const role of ['author', 'translator'] as const) {
      const { browser } = await signedInAs(t, role);
      await browser.get('/admin/stories');
      expect((await browser.post(`/admin/subscribers/${pendingId}/resend`, {})).status, role).toBe(403);
    }
    await t.mailIdle();
    expect(sink.received.length).toBe(before);
  });

  it('sends the signup’s mail again, whose link confirms while the first one no longer does', async () => {
    const first = confirmLinkIn(sink.received[0]?.parsed.text ?? '');
    const before = sink.received.length;
    await editor.get('/admin/subscribers');
    const response = await resend(pendingId);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/subscribers?notice=confirmationResent');
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail?.recipients).toEqual([address]);
    expect(mail?.parsed.subject).toBe(sink.received[0]?.parsed.subject);
    const second = confirmLinkIn(mail?.parsed.text ?? '');
    expect(second).not.toBe(first);

    await editor.get('/admin/subscribers?notice=confirmationResent');
    expect(editor.lastHtml).toContain('The confirmation mail was sent again');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'subscriber.resend-confirmation')
      .execute();
    expect(audit.map((entry) => entry.summary)).toEqual([address]);

    expect((await t.get(first, { method: 'POST' })).status).toBe(410);
    expect((await row(address)).state).toBe('pending');
    expect((await t.get(second)).status).toBe(200);
    expect((await t.get(second, { method: 'POST' })).status).toBe(200);
    expect((await row(address)).state).toBe('active');
  });

  it('keeps to the signup’s limit per address, and says so', async () => {
    const other = 'second-waiting@example.org';
    await (
      await t.newsletter.requestSubscription({
        email: other,
        locale: 'en',
        frequency: 'weekly',
        topics: [],
        honeypot: '',
        ip: '203.0.113.10',
      })
    ).delivery;
    const id = (await row(other)).id;
    await editor.get('/admin/subscribers');
    expect((await resend(id)).status).toBe(303);
    expect((await resend(id)).status).toBe(303);
    await t.mailIdle();
    const before = sink.received.length;
    const refused = await resend(id);
    expect(refused.status).toBe(429);
    expect(editor.lastHtml).toContain('already been asked 3 times in the last hour');
    await t.mailIdle();
    expect(sink.received.length).toBe(before);
  });
});
