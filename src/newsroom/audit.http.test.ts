import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { signedInAs } from '../../test/support/people.js';
import { recordAudit, type User } from '../accounts/index.js';

describe.each(DIALECTS)('the audit log page on %s', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  let editorUser: User;
  let otherUser: User;

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('one')] });
    ({ browser: editor, user: editorUser } = await signedInAs(t, 'editor', { email: 'ed@example.test' }));
    ({ user: otherUser } = await signedInAs(t, 'author', { email: 'au@example.test' }));
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 8, minute));
    await recordAudit(
      t.database.db,
      {
        actor: editorUser,
        action: 'story.qa-override',
        subject: { kind: 'story', id: 1 },
        locale: 'zh',
        summary: 'Published despite language QA findings',
        details: { reason: 'The FAQ quotes the English original on purpose.', findings: ['faq.0: en'] },
      },
      at(1),
    );
    for (let i = 0; i < 60; i++) {
      await recordAudit(
        t.database.db,
        { actor: otherUser, action: 'story.edit', subject: { kind: 'story', id: 1 }, locale: 'en' },
        at(2 + i),
      );
    }
  });
  afterAll(() => t.destroy());

  it('shows who, what, which story and locale, when, and the details (an override reason)', async () => {
    expect((await editor.get('/admin/audit?action=story.qa-override')).status).toBe(200);
    const html = editor.lastHtml;
    expect(html).toContain('1 entry');
    expect(html).toContain('<td>ed@example.test</td>');
    expect(html).toContain('<code>story.qa-override</code>');
    expect(html).toContain('<a href="/admin/stories/1">story #1</a> · <code>zh</code>');
    expect(html).toContain('<time datetime="2026-11-27T08:01:00.000Z">');
    expect(html).toContain('<dt>reason</dt><dd>The FAQ quotes the English original on purpose.</dd>');
    expect(html).toContain('<dt>findings</dt><dd>[&quot;faq.0: en&quot;]</dd>');
    expect(html).toContain('<option value="story.qa-override" selected="">');
  });

  it('filters by person and action and pages through, keeping the filters in the links', async () => {
    await editor.get(`/admin/audit?user=${otherUser.id}`);
    // Their sign-in is in the log too.
    expect(editor.lastHtml).toContain('61 entries');
    await editor.get(`/admin/audit?action=story.edit&user=${otherUser.id}`);
    expect(editor.lastHtml).toContain('60 entries');
    expect(editor.lastHtml).not.toContain('ed@example.test</td>');
    expect((editor.lastHtml.match(/<tr>/g) ?? []).length).toBe(51);
    const query = `action=story.edit&amp;user=${otherUser.id}`;
    expect(editor.lastHtml).toContain(`href="/admin/audit?${query}&amp;page=2" rel="next"`);
    expect(editor.lastHtml).toContain('Page 1 of 2');
    await editor.get(`/admin/audit?action=story.edit&user=${otherUser.id}&page=2`);
    expect((editor.lastHtml.match(/<tr>/g) ?? []).length).toBe(11);
    expect(editor.lastHtml).toContain(`href="/admin/audit?${query}" rel="prev"`);
  });

  it('ignores filters that name nothing, rather than failing', async () => {
    expect((await editor.get('/admin/audit?action=%3Cscript%3E&user=abc&page=-3')).status).toBe(200);
    expect(editor.lastHtml).not.toContain('<script>');
    expect(editor.lastHtml).toMatch(/6[2-9] entries|\d{2,} entries/);
  });

  it('is refused to authors and translators', async () => {
    const { browser: author } = await signedInAs(t, 'author');
    const { browser: translator } = await signedInAs(t, 'translator');
    expect((await author.get('/admin/audit')).status).toBe(403);
    expect((await translator.get('/admin/audit')).status).toBe(403);
  });
});
