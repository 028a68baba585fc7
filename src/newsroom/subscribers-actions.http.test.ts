import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { addActiveSubscribers } from '../../test/support/newsletter.js';
import { signedInAs } from '../../test/support/people.js';

// The subscriber rows' actions: unsubscribe and delete, each confirmed (a field from the dialog,
// or a page without JavaScript), guarded by role and CSRF, audited, and safe to send twice.

describe.each(DIALECTS)('the subscriber row actions on %s', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  let ids: number[];

  const stateOf = async (id: number) =>
    (await t.database.db.selectFrom('subscribers').select('state').where('id', '=', id).executeTakeFirst())
      ?.state;
  const topicsOf = async (id: number) =>
    (
      await t.database.db
        .selectFrom('subscriber_topics')
        .select('topic_key')
        .where('subscriber_id', '=', id)
        .execute()
    ).length;

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'demo' });
    editor = (await signedInAs(t, 'editor')).browser;
    ids = await addActiveSubscribers(t.database.db, 4, {
      prefix: 'row',
      topics: [{ kind: 'section', key: 'ai-models' }],
    });
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('shows each row its actions, with the question the dialog asks', async () => {
    expect((await editor.get('/admin/subscribers')).status).toBe(200);
    const html = editor.lastHtml;
    for (const id of ids) {
      expect(html).toContain(`action="/admin/subscribers/${id}/unsubscribe"`);
      expect(html).toContain(`action="/admin/subscribers/${id}/delete"`);
    }
    expect(html).toContain('data-confirm="Unsubscribe row-0@example.org?');
    expect(html).toContain('data-confirm="Delete row-0@example.org and everything held about them?');
  });

  it('refuses a post without the CSRF token, and roles without the right', async () => {
    await editor.get('/admin/subscribers');
    const [first = 0] = ids;
    for (const verb of ['unsubscribe', 'delete']) {
      const refused = await editor.post(
        `/admin/subscribers/${first}/${verb}`,
        { confirmed: 'yes' },
        { csrf: '' },
      );
      expect(refused.status, verb).toBe(403);
    }
    for (const role of ['author', 'translator'] as const) {
      const { browser } = await signedInAs(t, role);
      await browser.get('/admin/stories');
      for (const verb of ['unsubscribe', 'delete']) {
        const refused = await browser.post(`/admin/subscribers/${first}/${verb}`, { confirmed: 'yes' });
        expect(refused.status, `${role} ${verb}`).toBe(403);
        expect((await browser.get(`/admin/subscribers/${first}/${verb}`)).status, `${role} ${verb}`).toBe(
          403,
        );
      }
    }
    expect(await stateOf(first)).toBe('active');
    expect(await topicsOf(first)).toBe(1);
  });

  it('asks on a page when the form arrives unconfirmed (no JavaScript), changing nothing', async () => {
    const [first = 0] = ids;
    await editor.get('/admin/subscribers');
    const asked = await editor.post(`/admin/subscribers/${first}/delete`, {});
    expect(asked.status).toBe(200);
    expect(editor.lastHtml).toContain('name="confirmed" value="yes"');
    expect(editor.lastHtml).toContain('row-0@example.org and everything held about them');
    expect(await stateOf(first)).toBe('active');
    expect((await editor.get(`/admin/subscribers/${first}/unsubscribe`)).status).toBe(200);
    expect(editor.lastHtml).toContain(`action="/admin/subscribers/${first}/unsubscribe"`);
  });

  it('unsubscribes, then says so; a second time changes nothing and fails nothing', async () => {
    const [first = 0] = ids;
    await editor.get('/admin/subscribers');
    const done = await editor.post(`/admin/subscribers/${first}/unsubscribe`, { confirmed: 'yes' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/admin/subscribers?notice=subscriberUnsubscribed');
    expect(await stateOf(first)).toBe('unsubscribed');
    await editor.get('/admin/subscribers?notice=subscriberUnsubscribed');
    expect(editor.lastHtml).toContain('Unsubscribed: no more newsletters go to that address.');
    // The row keeps only its delete action now.
    expect(editor.lastHtml).not.toContain(`action="/admin/subscribers/${first}/unsubscribe"`);
    const again = await editor.post(`/admin/subscribers/${first}/unsubscribe`, { confirmed: 'yes' });
    expect(again.status).toBe(303);
    expect(await stateOf(first)).toBe('unsubscribed');
  });

  it('deletes the subscriber and their topics; a second delete is a clear 404', async () => {
    const [, second = 0, third = 0] = ids;
    await editor.get('/admin/subscribers');
    const done = await editor.post(`/admin/subscribers/${second}/delete`, { confirmed: 'yes' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/admin/subscribers?notice=subscriberDeleted');
    expect(await stateOf(second)).toBeUndefined();
    expect(await topicsOf(second)).toBe(0);
    expect(await stateOf(third)).toBe('active');
    const again = await editor.post(`/admin/subscribers/${second}/delete`, { confirmed: 'yes' });
    expect(again.status).toBe(404);
    expect(editor.lastHtml).toContain('This subscriber no longer exists');
  });

  it('answers 404 for an id that never existed, and for one that is not a number', async () => {
    await editor.get('/admin/subscribers');
    expect((await editor.post('/admin/subscribers/999999/unsubscribe', { confirmed: 'yes' })).status).toBe(
      404,
    );
    expect((await editor.post('/admin/subscribers/999999/delete', { confirmed: 'yes' })).status).toBe(404);
    expect((await editor.get('/admin/subscribers/999999/delete')).status).toBe(404);
    expect((await editor.post('/admin/subscribers/abc/delete', { confirmed: 'yes' })).status).toBe(404);
  });

  it('audits each change, without keeping an erased address', async () => {
    const [first = 0, second = 0] = ids;
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id', 'summary'])
      .where('subject_kind', '=', 'subscriber')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.action, Number(r.subject_id)])).toEqual([
      ['subscriber.unsubscribe', first],
      ['subscriber.unsubscribe', first],
      ['subscriber.delete', second],
    ]);
    expect(rows[0]?.summary).toBe('row-0@example.org');
    expect(rows[2]?.summary).not.toContain('@');
  });
});
