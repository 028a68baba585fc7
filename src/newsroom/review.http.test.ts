import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { eventually } from '../../test/support/eventually.js';
import { signedInAs } from '../../test/support/people.js';
import { type SmtpSink, startSmtpSink } from '../../test/support/smtp-sink.js';
import { vnuProblems } from '../../test/support/vnu.js';
import type { User } from '../accounts/index.js';
import { createStory } from '../editorial/index.js';

// The review journey over HTTP on a real database, with the mail going through a real SMTP server:
// an author submits, the editors are mailed in their own admin language, an editor sends it back
// with a note the author reads in the editor, the author resubmits and the editor approves.

const draft = {
  title: 'Nvidia ships a new inference chip',
  summary: 'Nvidia announced a data-centre inference chip that cuts power and cost noticeably.',
  body: '## Background\n\nNvidia released a new generation of inference chips today. Analysts expect it to lower the cost of deploying large models.\n',
};

describe.each(DIALECTS)('review over HTTP on %s', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  let author: { browser: AdminClient; user: User };
  let otherAuthor: { browser: AdminClient; user: User };
  let editor: { browser: AdminClient; user: User };
  let owner: { browser: AdminClient; user: User };
  let storyId: number;

  const newDraft = async (by: User) =>
    (
      await createStory(
        t.database.db,
        { id: by.id, email: by.email, role: by.role, locales: [] },
        { section: 'ai-models', sourceLocale: 'en', variant: draft },
        { now: new Date() },
      )
    ).storyId;
  const mailTo = (email: string) => sink.received.filter((m) => m.recipients.includes(email));

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp(dialect, { seed: 'stories', stories: [] }, () => new Date(), {
      env: { SMTP_URL: sink.url, SMTP_POOL_SIZE: '1' },
    });
    author = await signedInAs(t, 'author', { email: 'author@example.test' });
    otherAuthor = await signedInAs(t, 'author', { email: 'other@example.test' });
    editor = await signedInAs(t, 'editor', { email: 'editor@example.test' });
    owner = await signedInAs(t, 'owner', { email: 'owner@example.test' });
    // The author and the owner chose Chinese for the admin; the editor kept English.
    await t.database.db
      .updateTable('users')
      .set({ ui_locale: 'zh' })
      .where('email', 'in', ['author@example.test', 'owner@example.test'])
      .execute();
    storyId = await newDraft(author.user);
  });
  afterAll(async () => {
    await t?.destroy();
    await sink?.close();
  });

  const path = (id: number) => `/admin/stories/${id}/en`;

  it('lets the author submit their own draft once, with CSRF, and mails each editor in their language', async () => {
    const page = await author.browser.get(path(storyId));
    expect(await page.text()).toContain('提交审阅');
    const forged = await author.browser.post(`${path(storyId)}/review/submit`, {}, { csrf: '' });
    expect(forged.status).toBe(403);
    const other = await otherAuthor.browser.post(`${path(storyId)}/review/submit`, {});
    expect(other.status).toBe(403);

    await author.browser.get(path(storyId));
    const submitted = await author.browser.post(`${path(storyId)}/review/submit`, {});
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get('location')).toBe(`${path(storyId)}?notice=reviewSubmitted`);
    const again = await author.browser.post(`${path(storyId)}/review/submit`, {});
    expect(again.status).toBe(409);

    await t.mailIdle();
    await sink.waitFor(2);
    expect(mailTo('editor@example.test').map((m) => m.parsed.subject)).toEqual([
      `Needs review: ${draft.title}`,
    ]);
    expect(mailTo('owner@example.test').map((m) => m.parsed.subject)).toEqual([`待审阅：${draft.title}`]);
    expect(mailTo('editor@example.test')[0]?.parsed.text).toContain(
      `https://news.example.test/admin/stories/${storyId}/en`,
    );
    expect(mailTo('author@example.test')).toEqual([]);
  });

  it('shows editors the queue with a count in the navigation, and refuses it to authors', async () => {
    const queue = await editor.browser.get('/admin/review');
    const html = await queue.text();
    expect(queue.status).toBe(200);
    expect(html).toContain(draft.title);
    expect(html).toContain('author@example.test');
    expect(html).toMatch(/Needs review<span class="nav-count"><span aria-hidden="true">1<\/span>/);
    expect((await author.browser.get('/admin/review')).status).toBe(403);
    expect(await (await author.browser.get(path(storyId))).text()).not.toContain(
      'nav-count"><span aria-hidden="true">1',
    );
  });

  it('sends it back with a bounded note that the author reads, escaped, in the editor and by mail', async () => {
    await editor.browser.get(path(storyId));
    expect((await author.browser.post(`${path(storyId)}/review/send-back`, { note: 'x' })).status).toBe(403);
    expect((await editor.browser.post(`${path(storyId)}/review/send-back`, { note: '  ' })).status).toBe(422);
    expect(
      (await editor.browser.post(`${path(storyId)}/review/send-back`, { note: 'x'.repeat(2001) })).status,
    ).toBe(422);
    const note = 'Cite the second paragraph. <script>alert(1)</script>';
    const back = await editor.browser.post(`${path(storyId)}/review/send-back`, { note });
    expect(back.status).toBe(303);
    expect((await editor.browser.post(`${path(storyId)}/review/send-back`, { note })).status).toBe(409);

    const html = await (await author.browser.get(path(storyId))).text();
    expect(html).toContain('编辑退回了这篇草稿');
    expect(html).toContain('Cite the second paragraph. &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('重新提交审阅');

    await t.mailIdle();
    const [mail] = await eventually(
      async () => {
        const mails = mailTo('author@example.test');
        return mails.length === 1 ? mails : undefined;
      },
      'the author’s mail',
      { timeoutMs: 5000 },
    );
    expect(mail?.parsed.subject).toBe(`退回修改：${draft.title}`);
    expect(mail?.parsed.text).toContain(note);
    expect(String(mail?.parsed.html)).toContain('&lt;script&gt;');
  });

  it('takes the resubmit and the approval, tells the author, and lists the notices until read', async () => {
    await author.browser.get(path(storyId));
    expect((await author.browser.post(`${path(storyId)}/review/submit`, {})).status).toBe(303);
    await editor.browser.get(path(storyId));
    expect((await author.browser.post(`${path(storyId)}/review/approve`, {})).status).toBe(403);
    expect((await editor.browser.post(`${path(storyId)}/review/approve`, {})).status).toBe(303);
    expect((await owner.browser.post(`${path(storyId)}/review/approve`, {})).status).toBe(409);
    await t.mailIdle();
    await eventually(
      async () => mailTo('author@example.test').find((m) => m.parsed.subject === `已批准：${draft.title}`),
      'the approval mail',
      { timeoutMs: 5000 },
    );

    const notices = await (await author.browser.get('/admin/notices')).text();
    expect(notices).toContain('批准了');
    expect(notices).toContain('退回了');
    expect(notices).toMatch(/通知<span class="nav-count"><span aria-hidden="true">2<\/span>/);
    const read = await author.browser.post('/admin/notices/read', {});
    expect(read.status).toBe(303);
    expect(await (await author.browser.get('/admin/notices')).text()).not.toContain('class="nav-count"');
    expect((await author.browser.post('/admin/notices/read', { id: 'abc' })).status).toBe(422);
  });

  it('keeps team notes as escaped plain text, bounded, from anyone who can see the story', async () => {
    const text = '**Not bold** <img src=x onerror=alert(1)>';
    await otherAuthor.browser.get(path(storyId));
    const added = await otherAuthor.browser.post(`/admin/stories/${storyId}/notes`, {
      body: text,
      back: 'en',
    });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`${path(storyId)}?notice=noteAdded#story_notes_heading`);
    const html = await (await editor.browser.get(path(storyId))).text();
    expect(html).toContain('**Not bold** &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('other@example.test');
    expect(
      (await editor.browser.post(`/admin/stories/${storyId}/notes`, { body: 'y'.repeat(1001) })).status,
    ).toBe(422);
    expect(
      (await editor.browser.post(`/admin/stories/${storyId}/notes`, { body: 'ok' }, { csrf: '' })).status,
    ).toBe(403);
  });
  it.runIf(dialect === 'sqlite')(
    'serves valid HTML (Nu checker) for the queue, notices and the editor’s review states, in zh and en',
    async () => {
      const waiting = await newDraft(author.user);
      const sentBack = await newDraft(author.user);
      for (const id of [waiting, sentBack]) {
        await author.browser.get(path(id));
        expect((await author.browser.post(`${path(id)}/review/submit`, {})).status).toBe(303);
      }
      await editor.browser.get(path(sentBack));
      await editor.browser.post(`${path(sentBack)}/review/send-back`, {
        note: 'Line one.\nLine two & more.',
      });
      const pages: Record<string, string> = {};
      const capture = async (name: string, browser: AdminClient, url: string) => {
        expect((await browser.get(url)).status, name).toBe(200);
        pages[name] = browser.lastHtml;
      };
      await capture('en-queue', editor.browser, '/admin/review');
      await capture('en-notices', editor.browser, '/admin/notices');
      await capture('en-editor-deciding', editor.browser, path(waiting));
      await capture('zh-editor-sent-back', author.browser, path(sentBack));
      await capture('zh-editor-waiting', author.browser, path(waiting));
      await capture('zh-notices', author.browser, '/admin/notices');
      expect(pages['en-editor-deciding']).toContain('Send back with note');
      expect(pages['zh-editor-sent-back']).toContain('Line two &amp; more.');
      expect(vnuProblems(pages)).toEqual([]);
    },
    120_000,
  );
});
