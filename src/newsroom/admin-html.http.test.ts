import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { buildStory } from '../../test/support/factories.js';
import { signedInAs } from '../../test/support/people.js';
import { photo } from '../../test/support/test-images.js';
import { vnuProblems } from '../../test/support/vnu.js';
import { recordAudit } from '../accounts/index.js';
import { listMedia } from '../stories/index.js';

// The media, taxonomy, settings, people and audit pages through the Nu Html Checker, in both admin
// languages, including forms shown again with errors: zero errors and warnings.

describe('admin pages for media, taxonomy, settings, people and audit', () => {
  let t: TestApp;
  let owner: AdminClient;
  const pages: Record<string, string> = {};

  const capture = async (name: string, send: () => Promise<Response>, status: number) => {
    const response = await send();
    expect(response.status, name).toBe(status);
    pages[name] = owner.lastHtml;
  };

  beforeAll(async () => {
    t = await createTestApp('sqlite', { seed: 'stories', stories: [buildStory('one')] });
    const signedIn = await signedInAs(t, 'owner');
    owner = signedIn.browser;
    const bytes = await (await photo(900, 600)).jpeg().toBuffer();
    await owner.upload(
      '/admin/media/upload',
      { credit: 'Photo: Wire' },
      { name: 'a.jpg', type: 'image/jpeg', bytes },
    );
    await recordAudit(
      t.database.db,
      {
        actor: signedIn.user,
        action: 'story.qa-override',
        subject: { kind: 'story', id: 1 },
        locale: 'zh',
        details: { reason: 'Quoted on purpose', findings: ['faq.0'] },
      },
      new Date(),
    );
  });
  afterAll(() => t.destroy());

  it('are valid HTML in English and Chinese', async () => {
    const [media] = await listMedia(t.database.db);
    for (const lang of ['en', 'zh']) {
      await t.database.db.updateTable('users').set({ ui_locale: lang }).execute();
      await capture(`${lang}-media`, () => owner.get('/admin/media'), 200);
      await capture(`${lang}-media-item`, () => owner.get(`/admin/media/${media?.id}`), 200);
      await capture(
        `${lang}-media-refused`,
        () =>
          owner.upload(
            '/admin/media/upload',
            {},
            { name: 'x.png', type: 'image/png', bytes: Buffer.from('<?php') },
          ),
        415,
      );
      await capture(`${lang}-sections`, () => owner.get('/admin/sections'), 200);
      await capture(`${lang}-section-new`, () => owner.get('/admin/sections/new'), 200);
      await capture(
        `${lang}-section-422`,
        () => owner.post('/admin/sections', { key: 'Bad Key', position: 'first', 'slug.en': 'A B' }),
        422,
      );
      await capture(`${lang}-section`, () => owner.get('/admin/sections/1'), 200);
      await capture(`${lang}-entities`, () => owner.get('/admin/entities?q=nv'), 200);
      await capture(`${lang}-entity`, () => owner.get('/admin/entities/1'), 200);
      await capture(
        `${lang}-entity-422`,
        () => owner.post('/admin/entities', { slug: 'X Y', kind: 'planet' }),
        422,
      );
      await capture(`${lang}-settings`, () => owner.get('/admin/settings'), 200);
      await capture(
        `${lang}-settings-422`,
        () => owner.post('/admin/settings', { locales: 'zh, nope!', 'navOrder.chips': 'x', nav: 'chips' }),
        422,
      );
      await capture(`${lang}-people`, () => owner.get('/admin/people'), 200);
      await capture(
        `${lang}-people-422`,
        () => owner.post('/admin/people', { email: 'nope', role: 'translator' }),
        422,
      );
      await capture(
        `${lang}-people-link`,
        () => owner.post('/admin/people', { email: `new-${lang}@example.test`, role: 'author' }),
        200,
      );
      await capture(`${lang}-person`, () => owner.get('/admin/people/1'), 200);
      await capture(`${lang}-audit`, () => owner.get('/admin/audit'), 200);
    }
    expect(pages['zh-media']).toContain('<html lang="zh">');
    expect(vnuProblems(pages)).toEqual([]);
  }, 120_000);
});
