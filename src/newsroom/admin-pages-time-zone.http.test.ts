import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { signedInAs } from '../../test/support/people.js';
import { recordAudit, type User } from '../accounts/index.js';
import { addStoryNote, createStory, submitForReview } from '../editorial/index.js';
import {
  findSiteSettings,
  insertProposedEntity,
  type SiteSettings,
  saveSiteSettings,
} from '../stories/index.js';

// The audit log, the review queue, a story's notes, the entity proposals and the editor's
// autosave offer show their times on the newsroom's clocks (a site setting), in either admin
// language; the `<time>` elements keep the stored UTC instant for machines.

/** Shanghai keeps UTC+8 all year: what the labels say does not depend on the date. */
const ZONE = 'Asia/Shanghai';
const LOCALES = ['en', 'zh'] as const;

const draft = {
  title: 'Nvidia ships a new inference chip',
  summary: 'Nvidia announced a data-centre inference chip that cuts power and cost noticeably.',
  body: '## Background\n\nNvidia released a new generation of inference chips today. Analysts expect it to lower costs.\n',
};

/** `<time datetime="…">label</time>` as the admin pages write it. */
const timeElement = (iso: string, label: string) => `<time datetime="${iso}">${label}</time>`;

describe.each(DIALECTS)('admin pages’ times in the newsroom’s zone on %s', (dialect) => {
  let t: TestApp;
  let clock = new Date('2026-11-28T09:00:00Z');
  const editors = {} as Record<(typeof LOCALES)[number], { browser: AdminClient; user: User }>;
  let reviewedId: number;
  const autosavedIds = {} as Record<(typeof LOCALES)[number], number>;

  const actor = (user: User) => ({ id: user.id, email: user.email, role: user.role, locales: [] });

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [] }, () => clock);
    for (const locale of LOCALES) {
      const editor = await signedInAs(t, 'editor', { email: `editor-${locale}@example.test` });
      await t.database.db
        .updateTable('users')
        .set({ ui_locale: locale, ui_locale_chosen: 1 })
        .where('id', '=', editor.user.id)
        .execute();
      editors[locale] = editor;
      autosavedIds[locale] = (
        await createStory(
          t.database.db,
          actor(editor.user),
          { section: 'ai-models', sourceLocale: 'en', variant: draft },
          { now: clock },
        )
      ).storyId;
    }
    const author = await signedInAs(t, 'author', { email: 'author@example.test' });
    const by = actor(author.user);
    reviewedId = (
      await createStory(
        t.database.db,
        by,
        { section: 'ai-models', sourceLocale: 'en', variant: draft },
        { now: new Date('2026-11-27T20:00:00Z') },
      )
    ).storyId;
    // Each happens in the UTC evening of the 27th, the next morning in Shanghai.
    await recordAudit(
      t.database.db,
      { actor: author.user, action: 'story.edit', subject: { kind: 'story', id: reviewedId }, locale: 'en' },
      new Date('2026-11-27T20:30:00Z'),
    );
    await submitForReview(
      t.database.db,
      by,
      { storyId: reviewedId, locale: 'en' },
      { now: new Date('2026-11-27T21:15:00Z') },
    );
    await addStoryNote(
      t.database.db,
      by,
      { storyId: reviewedId, body: 'The second source is the press release.' },
      { now: new Date('2026-11-27T22:45:00Z') },
    );
    await insertProposedEntity(
      t.database.db,
      {
        slug: 'lumen-robotics',
        kind: 'company',
        locale: 'en',
        name: 'Lumen Robotics',
        proposedBy: author.user.id,
      },
      new Date('2026-11-27T23:10:00Z'),
    );
    const settings = (await findSiteSettings(t.database.db)) as SiteSettings;
    await saveSiteSettings(t.database.db, { ...settings, timeZone: ZONE });
  });
  afterAll(() => t?.destroy());

  it.each(LOCALES)(
    'shows the audit log’s times in the zone, under a heading without “UTC” (%s)',
    async (locale) => {
      const { browser } = editors[locale];
      expect((await browser.get('/admin/audit?action=story.edit')).status).toBe(200);
      expect(browser.lastHtml).toContain(`<html lang="${locale}`);
      expect(browser.lastHtml).toContain(timeElement('2026-11-27T20:30:00.000Z', '2026-11-28 04:30 UTC+8'));
      expect(browser.lastHtml).toContain(`<th scope="col">${locale === 'en' ? 'When' : '时间'}</th>`);
      expect(browser.lastHtml).not.toMatch(/\(UTC\)|（UTC）/);
    },
  );

  it.each(LOCALES)(
    'shows the review queue’s, the notes’ and the proposals’ times in the zone (%s)',
    async (locale) => {
      const { browser } = editors[locale];
      expect((await browser.get('/admin/review')).status).toBe(200);
      expect(browser.lastHtml).toContain(timeElement('2026-11-27T21:15:00.000Z', '2026-11-28 05:15 UTC+8'));
      expect((await browser.get(`/admin/stories/${reviewedId}/en`)).status).toBe(200);
      expect(browser.lastHtml).toContain(timeElement('2026-11-27T22:45:00.000Z', '2026-11-28 06:45 UTC+8'));
      expect(browser.lastHtml).toContain('2026-11-28 05:15 UTC+8');
      expect((await browser.get('/admin/entity-proposals')).status).toBe(200);
      expect(browser.lastHtml).toContain(timeElement('2026-11-27T23:10:00.000Z', '2026-11-28 07:10 UTC+8'));
    },
  );

  it.each([
    ['en', 'Restore unsaved changes from 2026-11-28 17:05 UTC+8'],
    ['zh', '恢复2026-11-28 17:05 UTC+8未保存的更改'],
  ] as const)('offers the editor’s autosave back with its time in the zone (%s)', async (locale, offer) => {
    const { browser } = editors[locale];
    const id = autosavedIds[locale];
    await browser.get(`/admin/stories/${id}/en`);
    clock = new Date('2026-11-28T09:05:00Z');
    const saved = await browser.request(`/admin/stories/${id}/en/autosave`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': browser.csrf },
      body: JSON.stringify({
        baseRevision: 1,
        title: 'Typed title',
        summary: 'Typed summary',
        body: 'A body typed before the crash.',
        heroAlt: '',
        faq: [],
      }),
    });
    expect(saved.status).toBe(200);
    await browser.get(`/admin/stories/${id}/en`);
    expect(browser.lastHtml).toContain(offer);
    expect(browser.lastHtml).not.toContain('09:05 UTC');
  });
});
