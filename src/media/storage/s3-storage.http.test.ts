import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../../test/support/admin-client.js';
import { createTestApp, TEST_SITE_URL, type TestApp } from '../../../test/support/app.js';
import { createTestDatabase, DIALECTS } from '../../../test/support/database.js';
import { buildStory } from '../../../test/support/factories.js';
import { signedInAs } from '../../../test/support/people.js';
import { startTestS3, type TestS3 } from '../../../test/support/s3-server.js';
import { photo } from '../../../test/support/test-images.js';
import { composePlatform } from '../../cli/compose.js';
import { readDemoDocument, seedDemo } from '../../cli/seed.js';
import { createMailer } from '../../newsletter/index.js';
import { loadConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { RenderCache } from '../../platform/render-cache.js';
import { listMedia } from '../../stories/index.js';
import { createMediaStorage } from './index.js';

const CDN = 'https://cdn.example.test/media';

describe.each(DIALECTS)('media on S3-compatible object storage, on %s', (dialect) => {
  let s3: TestS3;
  let t: TestApp;
  let editor: AdminClient;
  const otherDirs: string[] = [];
  const localFiles = () => {
    const dir = path.join(t.database.dataDir, 'media');
    return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  };
  const jpeg = async (width: number, height: number) =>
    (await photo(width, height)).jpeg({ quality: 85 }).toBuffer();

  /** Another web node: its own process state and data folder, the same database and settings. */
  async function otherNode(env: Record<string, string>) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-node-'));
    otherDirs.push(dataDir);
    const config = loadConfig({ SITE_URL: TEST_SITE_URL, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
    const log = createLogger('silent');
    const platform = await composePlatform({
      db: t.database.db,
      config,
      cache: new RenderCache(config.RENDER_CACHE_ENTRIES, config.RENDER_CACHE_BYTES),
      log,
      secret: 'test-secret-key-0123456789',
      now: () => new Date('2026-11-28T09:00:00Z'),
      mailer: createMailer(config, log),
    });
    return {
      dataDir,
      get: (file: string) => Promise.resolve(platform.app.request(`${TEST_SITE_URL}${file}`)),
    };
  }

  let lastUpload = Buffer.alloc(0);
  async function uploadAsHero(width: number, height: number) {
    lastUpload = await jpeg(width, height);
    const response = await editor.upload(
      '/admin/media/upload',
      { credit: 'Photo: Wire' },
      { name: 'desk.jpg', type: 'image/jpeg', bytes: lastUpload },
    );
    expect(response.status).toBe(303);
    const [media] = await listMedia(t.database.db);
    if (!media) throw new Error('no media row');
    await t.database.db.updateTable('stories').set({ hero_media_id: media.id }).execute();
    await t.site.contentChanged({ storyIds: [], sectionIds: [], entityIds: [] }, { taxonomy: true });
    return media;
  }

  beforeAll(async () => {
    s3 = await startTestS3();
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('one')] }, undefined, {
      env: s3.env,
    });
    ({ browser: editor } = await signedInAs(t, 'editor'));
  });
  afterAll(async () => {
    await t.destroy();
    await s3.close();
    for (const dir of otherDirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await t.database.db.updateTable('stories').set({ hero_media_id: null }).execute();
    await t.database.db.deleteFrom('media').execute();
    await editor.get('/admin/media');
  });

  it('writes the renditions to the bucket and nothing to DATA_DIR/media, and serves them from there', async () => {
    const media = await uploadAsHero(1800, 1200);
    const names = media.renditions.flatMap((r) => [r.file, r.avif as string]).sort();
    expect(names).toHaveLength(8);
    expect(await s3.keys()).toEqual(expect.arrayContaining(names));
    expect(localFiles()).toEqual([]);

    const largest = media.renditions.at(-1);
    const response = await t.get(`/media/${largest?.avif}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/avif');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = response.headers.get('etag') ?? '';
    expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).width).toBe(1600);
    const revalidated = await t.get(`/media/${largest?.avif}`, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect((await t.get('/media/0000000000000000-480.webp')).status).toBe(404);

    const page = await (await t.get('/en/ai-models/one')).text();
    expect(page).toContain(`<img src="/media/${media.renditions[1]?.file}"`);

    // The same image again is the same record: nothing more is written.
    const keys = await s3.keys();
    const sameAgain = await editor.upload(
      '/admin/media/upload',
      {},
      { name: 'copy.jpg', type: 'image/jpeg', bytes: lastUpload },
    );
    expect(sameAgain.headers.get('location')).toBe(`/admin/media/${media.id}?notice=saved`);
    expect(await s3.keys()).toEqual(keys);
  });

  it('serves an image uploaded on one node from another node, and links the CDN when one is set', async () => {
    const media = await uploadAsHero(1000, 600);
    const file = media.renditions[0]?.file as string;
    const fromFirst = Buffer.from(await (await t.get(`/media/${file}`)).arrayBuffer());

    const other = await otherNode(s3.env);
    const response = await other.get(`/media/${file}`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(fromFirst)).toBe(true);
    expect(fs.existsSync(path.join(other.dataDir, 'media', file))).toBe(false);

    const behindCdn = await otherNode({ ...s3.env, MEDIA_PUBLIC_BASE_URL: CDN });
    const page = await (await behindCdn.get('/en/ai-models/one')).text();
    const srcset = media.renditions.map((r) => `${CDN}/${r.file} ${r.width}w`).join(', ');
    expect(page).toContain(`srcset="${srcset}"`);
    expect(page).toContain(`<img src="${CDN}/${media.renditions[1]?.file}"`);
    expect(page).not.toContain('"/media/');
  });

  it('refuses an upload with a clear message and keeps nothing when the bucket is missing or the access key unknown', async () => {
    for (const env of [
      { ...s3.env, S3_BUCKET: 'no-such-bucket' },
      { ...s3.env, S3_ACCESS_KEY_ID: 'NOT-A-KEY' },
    ]) {
      const broken = await createTestApp(
        dialect,
        { seed: 'stories', stories: [buildStory('one')] },
        undefined,
        {
          env,
        },
      );
      try {
        const { browser } = await signedInAs(broken, 'editor');
        await browser.get('/admin/media');
        const before = await s3.keys();
        const response = await browser.upload(
          '/admin/media/upload',
          { credit: 'Photo: Wire' },
          { name: 'desk.jpg', type: 'image/jpeg', bytes: await jpeg(900, 600) },
        );
        expect(response.status).toBe(500);
        expect(browser.lastHtml).toContain('the media storage refused it. Nothing was saved');
        expect(browser.lastHtml).toContain('value="Photo: Wire"');
        expect(await listMedia(broken.database.db)).toEqual([]);
        const audit = await broken.database.db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'media.upload')
          .execute();
        expect(audit).toEqual([]);
        expect(await s3.keys()).toEqual(before);
      } finally {
        await broken.destroy();
      }
    }
  });

  it('puts the drawn demo hero images in the bucket when the demo is seeded on S3', async () => {
    const full = readDemoDocument();
    // One illustrated story that links no other story, so it imports on its own.
    const slugs = full.stories.flatMap((s) => s.variants.flatMap((v) => (v.slug ? [v.slug] : [])));
    const story = full.stories.find(
      (s) =>
        s.heroImage &&
        !slugs.some((slug) => !s.variants.some((v) => v.slug === slug) && JSON.stringify(s).includes(slug)),
    );
    expect(story).toBeDefined();
    const document = {
      ...full,
      stories: story ? [story] : [],
      media: full.media.filter((m) => m.fileName === story?.heroImage),
    };
    const database = await createTestDatabase(dialect);
    try {
      const config = loadConfig({ DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', ...s3.env });
      await seedDemo(
        database.db,
        database.dataDir,
        new Date('2026-11-28T09:00:00Z'),
        document,
        createMediaStorage(config),
      );
      const hero = document.media[0];
      const names = [hero?.fileName, ...(hero?.renditions.map((r) => r.file) ?? [])];
      expect(await s3.keys()).toEqual(expect.arrayContaining(names));
    } finally {
      await database.destroy();
    }
  });
});
