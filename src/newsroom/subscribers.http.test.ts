import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { allowAuditEntries, refuseAuditEntries } from '../../test/support/audit-faults.js';
import { DIALECTS } from '../../test/support/database.js';
import { signedInAs } from '../../test/support/people.js';
import { type SmtpSink, startSmtpSink } from '../../test/support/smtp-sink.js';
import { vnuProblems } from '../../test/support/vnu.js';
import { parseCsv } from '../newsletter/csv.js';

// The admin's subscriber list end to end: who may see it, CSV import (consent decides active or
// pending, and nothing is mailed), invalid rows by line, re-import updating in place, search,
// filters, counts, paging, and the CSV export with its consent columns and formula defusing.

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
const HEADER = 'email,locale,frequency,topics,consented_at';

describe.each(DIALECTS)('the subscribers page on %s', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  let editor: AdminClient;
  const pages: Record<string, string> = {};

  const upload = (bytes: Uint8Array, options: { csrf?: string } = {}) =>
    editor.upload(
      '/admin/subscribers/import',
      {},
      { field: 'csv', name: 'list.csv', type: 'text/csv', bytes },
      options,
    );
  const subscriber = (email: string) =>
    t.database.db.selectFrom('subscribers').selectAll().where('email', '=', email).executeTakeFirst();
  const topics = async (email: string) => {
    const row = await subscriber(email);
    const rows = await t.database.db
      .selectFrom('subscriber_topics')
      .select(['kind', 'topic_key'])
      .where('subscriber_id', '=', row?.id ?? 0)
      .orderBy('kind')
      .orderBy('topic_key')
      .execute();
    return rows.map((r) => `${r.kind}:${r.topic_key}`);
  };
  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('subscribers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp(dialect, { seed: 'demo' }, undefined, {
      env: { SMTP_URL: sink.url, SMTP_POOL_SIZE: '1' },
    });
    editor = (await signedInAs(t, 'editor')).browser;
  });
  afterAll(async () => {
    await t?.destroy();
    await sink?.close();
  });

  it('is for owners and editors: authors and translators get 403, and no menu entry', async () => {
    for (const role of ['author', 'translator'] as const) {
      const { browser } = await signedInAs(t, role);
      expect((await browser.get('/admin/subscribers')).status, role).toBe(403);
      expect((await browser.get('/admin/subscribers/export.csv')).status, role).toBe(403);
      await browser.get('/admin/stories');
      expect(browser.lastHtml, role).not.toContain('href="/admin/subscribers"');
      const refused = await browser.upload(
        '/admin/subscribers/import',
        {},
        { field: 'csv', name: 'x.csv', type: 'text/csv', bytes: csv([HEADER, 'x@example.test,en,weekly,,']) },
      );
      expect(refused.status, role).toBe(403);
    }
    expect(await count()).toBe(0);
    await editor.get('/admin/stories');
    expect(editor.lastHtml).toContain('href="/admin/subscribers"');
  });

  it('refuses an import without the CSRF token', async () => {
    await editor.get('/admin/subscribers');
    expect(editor.lastHtml).toContain('No subscribers yet.');
    const response = await upload(csv([HEADER, 'x@example.test,en,weekly,,2026-11-01']), { csrf: '' });
    expect(response.status).toBe(403);
    expect(await count()).toBe(0);
  });

  it('imports: consent makes a row active, none leaves it pending with no mail, bad rows by line', async () => {
    await editor.get('/admin/subscribers');
    const response = await upload(
      csv([
        HEADER,
        'Alice@Example.test,en,daily,section:ai-models;entity:nvidia,2026-11-01T10:00:00Z',
        'bob@example.test,zh,weekly,,',
        '"not an address",en,weekly,,',
        'carol@example.test,en,monthly,,',
        '"=1+2@example.test",en,weekly,"entity:openai",2026-11-02',
        'dave@example.test,fr,weekly,,',
        'erin@example.test,en,weekly,,yesterday',
        '"-x@example.test","en","weekly","section:chips",""',
        'alice@example.test,en,weekly,,',
      ]),
    );
    expect(response.status).toBe(200);
    const html = editor.lastHtml;
    expect(html).toContain('Import finished');
    expect(html).toContain(
      '4 added, 0 updated; 2 active, 2 pending, 0 unsubscribed or suppressed; 5 skipped.',
    );
    expect(html).toContain('2 addresses are pending: the file records no consent, and no email was sent.');
    expect(html).toContain('Line 4: not a valid email address');
    expect(html).toContain('Line 5: frequency must be daily or weekly');
    expect(html).toContain('Line 7: not one of the site&#39;s languages');
    expect(html).toContain('Line 8: consented_at is not a date');
    expect(html).toContain('Line 10: the address appears earlier in the file');
    expect(html).toContain('no email is sent to them');
    pages['en-report'] = html;

    expect(await subscriber('alice@example.test')).toMatchObject({
      state: 'active',
      locale: 'en',
      frequency: 'daily',
      confirmed_at: '2026-11-01T10:00:00.000Z',
    });
    expect(await topics('alice@example.test')).toEqual(['entity:nvidia', 'section:ai-models']);
    expect(await subscriber('bob@example.test')).toMatchObject({
      state: 'pending',
      locale: 'zh',
      confirmed_at: null,
      confirm_nonce: null,
    });
    expect((await subscriber('=1+2@example.test'))?.state).toBe('active');
    expect((await subscriber('-x@example.test'))?.state).toBe('pending');
    expect(await count()).toBe(4);
    // No confirmation or any other mail went out for the imported list.
    await t.mailIdle();
    expect(sink.received).toHaveLength(0);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['details', 'summary'])
      .where('action', '=', 'subscriber.import')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({
      created: 4,
      updated: 0,
      active: 2,
      pending: 2,
      unchanged: 0,
      invalid: 5,
    });
    expect(audit[0]?.summary).toBe('list.csv');
  });

  it('re-importing updates the addresses it knows instead of adding them again', async () => {
    const response = await upload(
      csv([
        'Email,Consented_At,Locale',
        'BOB@example.test,2026-11-20T08:00:00Z,en',
        'alice@example.test,,zh',
        'frank@example.test,,',
      ]),
    );
    expect(response.status).toBe(200);
    expect(editor.lastHtml).toContain('1 added, 2 updated; 2 active, 1 pending');
    expect(await count()).toBe(5);
    expect(await subscriber('bob@example.test')).toMatchObject({
      state: 'active',
      locale: 'en',
      confirmed_at: '2026-11-20T08:00:00.000Z',
    });
    // Consent already given stays; what the file leaves out (frequency, topics) stays as it was.
    expect(await subscriber('alice@example.test')).toMatchObject({
      state: 'active',
      locale: 'zh',
      frequency: 'daily',
    });
    expect(await topics('alice@example.test')).toEqual(['entity:nvidia', 'section:ai-models']);
    // No locale: the site's default.
    expect(await subscriber('frank@example.test')).toMatchObject({ state: 'pending', locale: 'zh' });
    expect(sink.received).toHaveLength(0);
  });

  it('imports nothing when its audit entry cannot be written', async () => {
    await refuseAuditEntries(t.database.db, dialect);
    try {
      const response = await upload(csv([HEADER, 'unaudited@example.test,en,weekly,2026-11-01,']));
      expect(response.status).toBe(500);
    } finally {
      await allowAuditEntries(t.database.db, dialect);
    }
    expect(await subscriber('unaudited@example.test')).toBeUndefined();
  });

  it('refuses a file that is not a readable CSV, or too large, importing nothing', async () => {
    expect((await upload(csv(['address,name', 'x@example.test,X']))).status).toBe(422);
    expect(editor.lastHtml).toContain('including email. Nothing was imported.');
    expect((await upload(csv([HEADER, '"g@example.test,en,weekly,,']))).status).toBe(422);
    expect(editor.lastHtml).toContain('This file is not CSV that can be read (line 2)');
    pages['en-import-error'] = editor.lastHtml;
    expect((await upload(new Uint8Array(1024 * 1024 + 1).fill(65))).status).toBe(413);
    expect(editor.lastHtml).toContain('at most 1024 KB');
    expect(await count()).toBe(5);
  });

  it('shows counts per state, language and topic', async () => {
    await editor.get('/admin/subscribers');
    const html = editor.lastHtml;
    expect(html).toMatch(/<dt>Active<\/dt><dd>3<\/dd>/);
    expect(html).toMatch(/<dt>Pending<\/dt><dd>2<\/dd>/);
    expect(html).toMatch(/<dt>Unsubscribed<\/dt><dd>0<\/dd>/);
    expect(html).toContain('English: 2 active of 3');
    expect(html).toContain('中文: 1 active of 2');
    expect(html).toContain('section:ai-models: 1');
    expect(html).toContain('entity:openai: 1');
    // Pending subscribers' topics are not counted: they get nothing yet.
    expect(html).not.toContain('section:chips: 1');
    expect(html).toContain('5 subscribers');
  });

  it('lists, searches by part of the address in any case, and filters by state and language', async () => {
    await editor.get('/admin/subscribers');
    expect(editor.lastHtml).toContain('<th scope="row">alice@example.test</th>');
    expect(editor.lastHtml).toContain('<time datetime="2026-11-01T10:00:00.000Z">');
    expect(editor.lastHtml).toContain('section:ai-models');
    expect(editor.lastHtml).toContain('Daily');
    await editor.get('/admin/subscribers?q=ALI');
    expect(editor.lastHtml).toContain('alice@example.test');
    expect(editor.lastHtml).not.toContain('bob@example.test');
    expect(editor.lastHtml).toContain('1 subscriber');
    await editor.get('/admin/subscribers?q=%25');
    expect(editor.lastHtml).toContain('No subscribers match');
    await editor.get('/admin/subscribers?state=pending');
    expect(editor.lastHtml).toContain('frank@example.test');
    expect(editor.lastHtml).toContain('-x@example.test');
    expect(editor.lastHtml).not.toContain('alice@example.test');
    await editor.get('/admin/subscribers?locale=zh&state=active');
    expect(editor.lastHtml).toContain('alice@example.test');
    expect(editor.lastHtml).not.toContain('bob@example.test');
    expect(editor.lastHtml).toContain('href="/admin/subscribers/export.csv?state=active&amp;locale=zh"');
    pages['en-filtered'] = editor.lastHtml;
  });

  it('exports the list as CSV with consent state, defusing formulas', async () => {
    const response = await editor.get('/admin/subscribers/export.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="subscribers-2026-11-28.csv"',
    );
    const text = await response.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('email,locale,frequency,state,topics,consent_requested_at,consented_at');
    expect(text).toContain(
      'alice@example.test,zh,daily,active,entity:nvidia;section:ai-models,2026-11-01T10:00:00.000Z,2026-11-01T10:00:00.000Z\r\n',
    );
    expect(text).toContain('frank@example.test,zh,weekly,pending,,2026-11-28T09:00:00.000Z,\r\n');
    // A cell starting with = or - would run as a formula in a spreadsheet.
    expect(text).toContain("\r\n'=1+2@example.test,en,weekly,active,entity:openai,");
    expect(text).toContain("\r\n'-x@example.test,en,weekly,pending,section:chips,");
    expect(parseCsv(text)).toHaveLength(6);

    const filtered = await (await editor.get('/admin/subscribers/export.csv?state=pending')).text();
    expect(parseCsv(filtered).map((r) => r.fields[0])).toEqual([
      'email',
      "'-x@example.test",
      'frank@example.test',
    ]);
  });

  it('pages a long list', async () => {
    const now = '2026-11-28T09:00:00.000Z';
    await t.database.db
      .insertInto('subscribers')
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          email: `reader${String(i).padStart(2, '0')}@list.example.test`,
          locale: 'en',
          frequency: 'weekly' as const,
          state: 'active' as const,
          consent_requested_at: now,
          confirmed_at: now,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await editor.get('/admin/subscribers?q=list.example');
    expect(editor.lastHtml).toContain('60 subscribers');
    expect(editor.lastHtml).toContain('reader00@list.example.test');
    expect(editor.lastHtml).not.toContain('reader50@list.example.test');
    expect(editor.lastHtml).toContain('href="/admin/subscribers?q=list.example&amp;page=2"');
    await editor.get('/admin/subscribers?q=list.example&page=2');
    expect(editor.lastHtml).toContain('reader59@list.example.test');
    expect(editor.lastHtml).not.toContain('reader00@list.example.test');
    pages['en-paged'] = editor.lastHtml;
  });

  it('is valid HTML in English and Chinese', async () => {
    await t.database.db.updateTable('users').set({ ui_locale: 'zh' }).execute();
    await editor.get('/admin/subscribers?q=list.example&page=2');
    pages['zh-paged'] = editor.lastHtml;
    expect(editor.lastHtml).toContain('<html lang="zh">');
    await upload(csv([HEADER, 'zed@example.test,en,weekly,,', 'bad,en,weekly,,']));
    expect(editor.lastHtml).toContain('第3行：不是有效的邮箱地址');
    expect(editor.lastHtml).toContain('未发送任何邮件');
    pages['zh-report'] = editor.lastHtml;
    await upload(csv(['nothing']));
    pages['zh-import-error'] = editor.lastHtml;
    await editor.get('/admin/subscribers?q=nobody');
    pages['zh-empty'] = editor.lastHtml;
    if (dialect === 'sqlite') expect(vnuProblems(pages)).toEqual([]);
  }, 120_000);
});
