import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { signedInAs } from '../../test/support/people.js';
import { photo, pngBomb } from '../../test/support/test-images.js';
import { listMedia } from '../stories/index.js';

describe.each(DIALECTS)('the media library in the admin on %s', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  let mediaDir: string;
  const files = () => (fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir).sort() : []);
  const jpeg = async (width = 1800, height = 1200) =>
    (await photo(width, height)).jpeg({ quality: 85 }).toBuffer();

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('one')] });
    mediaDir = t.newsroom.deps.mediaDir;
    ({ browser: editor } = await signedInAs(t, 'editor'));
  });
  afterAll(() => t.destroy());
  beforeEach(async () => {
    await t.database.db.updateTable('stories').set({ hero_media_id: null }).execute();
    await t.database.db.deleteFrom('media').execute();
    fs.rmSync(mediaDir, { recursive: true, force: true });
    fs.mkdirSync(mediaDir, { recursive: true });
    await editor.get('/admin/media');
  });

  it('shows the library with a multipart upload form that works without JavaScript', async () => {
    const response = await editor.get('/admin/media');
    expect(response.status).toBe(200);
    const html = editor.lastHtml;
    expect(html).toContain(
      '<form class="panel" method="post" action="/admin/media/upload" enctype="multipart/form-data"',
    );
    expect(html).toMatch(
      /<input id="field_file" type="file" name="file" accept="image\/jpeg,image\/png,image\/webp,image\/avif,image\/gif" required/,
    );
    expect(html).toContain('name="_csrf"');
    expect(html).toContain('up to 10 MB and 40 megapixels');
    expect(html).toContain('No images yet');
  });

  it('uploads a JPEG: renditions on disk, a row, an audit entry, and a page with its credit and sizes', async () => {
    const response = await editor.upload(
      '/admin/media/upload',
      { credit: '  Photo:   Example Agency ' },
      { name: 'desk.jpg', type: 'image/jpeg', bytes: await jpeg() },
    );
    expect(response.status).toBe(303);
    const [media] = await listMedia(t.database.db);
    expect(response.headers.get('location')).toBe(`/admin/media/${media?.id}?notice=uploaded`);
    expect(media).toMatchObject({ width: 1800, height: 1200, credit: 'Photo: Example Agency' });
    expect(media?.renditions.map((r) => r.width)).toEqual([480, 800, 1200, 1600]);
    // WebP, AVIF and JPEG (for email) at each of the four widths.
    expect(files()).toHaveLength(12);

    await editor.get(response.headers.get('location') ?? '');
    expect(editor.lastHtml).toContain('Uploaded.');
    expect(editor.lastHtml).toContain('1800 × 1200 px');
    expect(editor.lastHtml).toContain('value="Photo: Example Agency"');
    expect(editor.lastHtml).toContain(`href="/media/${media?.renditions[0]?.avif}"`);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'media.upload')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ originalName: 'desk.jpg', width: 1800 });

    await editor.get('/admin/media');
    expect(editor.lastHtml).toContain(
      `<img src="/media/${media?.renditions[0]?.file}" width="480" height="320"`,
    );
    expect(editor.lastHtml).toContain('Photo: Example Agency');
    expect(editor.lastHtml).toContain('Not used yet');
  });

  it('serves the renditions with their own content types and a year of caching, and heroes offer AVIF', async () => {
    await editor.upload(
      '/admin/media/upload',
      { credit: 'Photo: Wire' },
      {
        name: 'a.png',
        type: 'image/png',
        bytes: await (await photo(1000, 600)).png().toBuffer(),
      },
    );
    const [media] = await listMedia(t.database.db);
    const largest = media?.renditions.at(-1);
    for (const [file, type] of [
      [largest?.file, 'image/webp'],
      [largest?.avif, 'image/avif'],
    ] as const) {
      const response = await t.get(`/media/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect((await sharp(bytes).metadata()).width).toBe(1000);
    }

    const story = await t.database.db.selectFrom('stories').select('id').executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('stories')
      .set({ hero_media_id: media?.id ?? null })
      .execute();
    await t.site.contentChanged({ storyIds: [story.id], sectionIds: [], entityIds: [] }, { taxonomy: true });
    const page = await (await t.get('/en/ai-models/one')).text();
    const avif = media?.renditions.map((r) => `/media/${r.avif} ${r.width}w`).join(', ');
    const webp = media?.renditions.map((r) => `/media/${r.file} ${r.width}w`).join(', ');
    const sizes = 'sizes="(min-width: 820px) 760px, 100vw"';
    expect(page).toContain(
      `<figure class="hero"><picture><source type="image/avif" srcset="${avif}" ${sizes}/><img src="/media/${media?.renditions[1]?.file}" srcset="${webp}" ${sizes} width="1000" height="600"`,
    );
    expect(page).toContain('Photo: Wire');

    await editor.get('/admin/media');
    expect(editor.lastHtml).toContain('Used in 1 story');
    await editor.get(`/admin/media/${media?.id}`);
    expect(editor.lastHtml).toContain(`href="/admin/stories/${story.id}"`);
  });

  it('edits the credit, refusing one that is too long with a 422, and the story page shows the new one', async () => {
    await editor.upload(
      '/admin/media/upload',
      {},
      { name: 'a.jpg', type: 'image/jpeg', bytes: await jpeg(900, 600) },
    );
    const [media] = await listMedia(t.database.db);
    await t.database.db
      .updateTable('stories')
      .set({ hero_media_id: media?.id ?? null })
      .execute();
    await t.site.contentChanged({ storyIds: [], sectionIds: [], entityIds: [] }, { taxonomy: true });
    expect(await (await t.get('/en/ai-models/one')).text()).not.toContain('Photo: New Credit');

    await editor.get(`/admin/media/${media?.id}`);
    const tooLong = await editor.post(`/admin/media/${media?.id}`, { credit: 'x'.repeat(301) });
    expect(tooLong.status).toBe(422);
    expect(editor.lastHtml).toContain('at most 300 characters');
    const saved = await editor.post(`/admin/media/${media?.id}`, { credit: 'Photo: New Credit' });
    expect(saved.status).toBe(303);
    expect((await listMedia(t.database.db))[0]?.credit).toBe('Photo: New Credit');
    expect(await (await t.get('/en/ai-models/one')).text()).toContain('Photo: New Credit');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'media.update')
      .execute();
    expect(audit).toHaveLength(1);
  });

  describe('refuses a bad upload with a clear message, leaving nothing behind', () => {
    const truncated = async () => {
      const whole = await jpeg(1200, 800);
      return whole.subarray(0, Math.floor(whole.length * 0.6));
    };
    it.each([
      [
        'a PHP file renamed .png',
        'shell.png',
        'image/png',
        async () => Buffer.from('<?php system($_GET[1]); ?>'),
        415,
        'not a JPEG, PNG, WebP, AVIF or GIF image',
      ],
      ['a 0-byte file', 'empty.jpg', 'image/jpeg', async () => Buffer.alloc(0), 422, 'The file is empty.'],
      [
        'a PNG declaring 50 megapixels',
        'bomb.png',
        'image/png',
        async () => pngBomb(10_000, 5_000),
        413,
        'The image is 10000 × 5000 pixels (50 megapixels); the most this server accepts is 40 megapixels.',
      ],
      ['a truncated JPEG', 'cut.jpg', 'image/jpeg', truncated, 422, 'damaged or incomplete'],
      [
        'a file just over the 10 MB limit',
        'big.jpg',
        'image/jpeg',
        async () => Buffer.concat([await jpeg(400, 300), Buffer.alloc(10 * 1024 * 1024)]),
        413,
        'the most this server accepts is 10 MB',
      ],
    ])('%s', async (_, name, type, make, status, message) => {
      const response = await editor.upload(
        '/admin/media/upload',
        { credit: 'Kept credit' },
        { name, type, bytes: await make() },
      );
      expect(response.status).toBe(status);
      expect(editor.lastHtml).toContain(message);
      expect(editor.lastHtml).toContain('role="alert"');
      // The form comes back with what was typed, so only the file needs choosing again.
      expect(editor.lastHtml).toContain('value="Kept credit"');
      expect(files()).toEqual([]);
      expect(await listMedia(t.database.db)).toEqual([]);
    });

    it('a form sent without choosing a file', async () => {
      const response = await editor.upload(
        '/admin/media/upload',
        {},
        { name: '', type: 'application/octet-stream', bytes: new Uint8Array() },
      );
      expect(response.status).toBe(422);
      expect(editor.lastHtml).toContain('Choose an image file to upload.');
    });

    it('a request far over the limit, stopped before the CSRF check reads it', async () => {
      const response = await editor.upload(
        '/admin/media/upload',
        {},
        { name: 'huge.jpg', type: 'image/jpeg', bytes: new Uint8Array(11 * 1024 * 1024) },
      );
      expect(response.status).toBe(413);
      expect(editor.lastHtml).toContain('larger than 10 MB');
      expect(files()).toEqual([]);
    });

    it('an upload without the CSRF token', async () => {
      const response = await editor.upload(
        '/admin/media/upload',
        {},
        { name: 'a.jpg', type: 'image/jpeg', bytes: await jpeg(600, 400) },
        { csrf: '' },
      );
      expect(response.status).toBe(403);
      expect(files()).toEqual([]);
      expect(await listMedia(t.database.db)).toEqual([]);
    });
  });

  it('lets authors upload, and refuses translators the library', async () => {
    const { browser: author } = await signedInAs(t, 'author');
    expect((await author.get('/admin/media')).status).toBe(200);
    const uploaded = await author.upload(
      '/admin/media/upload',
      {},
      { name: 'a.gif', type: 'image/gif', bytes: await (await photo(300, 200)).gif().toBuffer() },
    );
    expect(uploaded.status).toBe(303);

    const { browser: translator } = await signedInAs(t, 'translator', { locales: ['en'] });
    expect((await translator.get('/admin/media')).status).toBe(403);
    const [media] = await listMedia(t.database.db);
    expect((await translator.get(`/admin/media/${media?.id}`)).status).toBe(403);
    expect((await translator.post(`/admin/media/${media?.id}`, { credit: 'mine now' })).status).toBe(403);
    const refused = await translator.upload(
      '/admin/media/upload',
      {},
      { name: 'b.jpg', type: 'image/jpeg', bytes: await jpeg(500, 300) },
    );
    expect(refused.status).toBe(403);
    expect(await listMedia(t.database.db)).toHaveLength(1);
  });

  it('answers 404 for an image that does not exist', async () => {
    expect((await editor.get('/admin/media/999999')).status).toBe(404);
    expect((await editor.get('/admin/media/abc')).status).toBe(404);
  });
});
