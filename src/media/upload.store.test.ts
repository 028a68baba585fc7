import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { photo, pngBomb } from '../../test/support/test-images.js';
import type { Database } from '../platform/database/index.js';
import { listMedia } from '../stories/index.js';
import { storeUpload, type UploadLimits, UploadRefused } from './index.js';
import { LocalMediaStorage } from './storage/local.js';

const NOW = new Date('2026-11-28T09:00:00Z');
const LIMITS: UploadLimits = { maxUploadBytes: 10 * 1024 * 1024, maxPixels: 40_000_000 };

describe.each(DIALECTS)('media uploads on %s', (dialect) => {
  let database: TestDatabase;
  let mediaDir: string;
  const upload = (bytes: Uint8Array, limits = LIMITS, db: Kysely<Database> = database.db) =>
    storeUpload(
      db,
      { storage: new LocalMediaStorage(mediaDir), limits },
      { bytes, credit: 'Photo: Test Agency' },
      NOW,
    );
  const filesInFolder = () => (fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir).sort() : []);

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    mediaDir = path.join(database.dataDir, 'media');
  });
  afterAll(() => database.destroy());
  beforeEach(async () => {
    await database.db.deleteFrom('media').execute();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  describe('refuses, leaving no file and no row', () => {
    const truncatedJpeg = async () => {
      const jpeg = await (await photo(1200, 800)).jpeg({ quality: 90 }).toBuffer();
      return jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
    };
    it.each([
      [
        'a PHP script renamed .png',
        async () => Buffer.from('<?php system($_GET["cmd"]); ?>\n'),
        'not-an-image',
        'unsupported-media',
        /not a JPEG, PNG, WebP, AVIF or GIF image/,
      ],
      ['a 0-byte file', async () => Buffer.alloc(0), 'empty', 'invalid', /The file is empty/],
      [
        'a 100-byte PNG declaring 50 megapixels (a decompression bomb)',
        async () => pngBomb(10_000, 5_000),
        'too-many-pixels',
        'too-large',
        /10000 × 5000 pixels \(50 megapixels\); the most this server accepts is 40 megapixels/,
      ],
      ['a truncated JPEG', truncatedJpeg, 'damaged', 'invalid', /damaged or incomplete/],
      [
        'an SVG (it could carry script)',
        async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
        'not-an-image',
        'unsupported-media',
        /not a JPEG/,
      ],
      [
        'a TIFF (an image, but not one the site serves)',
        async () => (await photo(64, 64)).tiff().toBuffer(),
        'not-an-image',
        'unsupported-media',
        /not a JPEG/,
      ],
      [
        'a PNG signature followed by garbage',
        async () => Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(200, 7)]),
        'damaged',
        'invalid',
        /damaged/,
      ],
    ])('%s', async (_, make, problem, kind, message) => {
      const error = await upload(await make()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UploadRefused);
      expect(error).toMatchObject({ problem, kind });
      expect((error as Error).message).toMatch(message);
      expect(filesInFolder()).toEqual([]);
      expect(await listMedia(database.db)).toEqual([]);
    });

    it('a file over MEDIA_MAX_UPLOAD_BYTES, with both sizes in the message', async () => {
      const jpeg = await (await photo(800, 600)).jpeg().toBuffer();
      // Bytes after a JPEG's end marker are ignored by decoders: still a valid image, only larger.
      const padded = Buffer.concat([jpeg, Buffer.alloc(1_572_864 - jpeg.length)]);
      const error = await upload(padded, { ...LIMITS, maxUploadBytes: 1_048_576 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ problem: 'too-many-bytes', kind: 'too-large' });
      expect((error as Error).message).toBe('The file is 1.5 MB; the most this server accepts is 1 MB.');
      expect(filesInFolder()).toEqual([]);
      expect(await listMedia(database.db)).toEqual([]);
    });

    it('a file whose row cannot be written: the renditions already on disk are removed again', async () => {
      // Every insert fails, also inside the transaction the row is written in.
      const failingInserts = (db: Kysely<Database>): Kysely<Database> =>
        new Proxy(db, {
          get(target, property) {
            if (property === 'insertInto') {
              return () => {
                throw new Error('disk full');
              };
            }
            if (property === 'transaction') {
              return () => ({
                execute: <T>(work: (trx: Kysely<Database>) => Promise<T>) =>
                  target.transaction().execute((trx) => work(failingInserts(trx))),
              });
            }
            const value = Reflect.get(target, property, target);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
      const failing = failingInserts(database.db);
      const png = await (await photo(900, 500)).png().toBuffer();
      await expect(upload(png, LIMITS, failing)).rejects.toThrow('disk full');
      expect(filesInFolder()).toEqual([]);
      expect(await listMedia(database.db)).toEqual([]);
    });
  });

  describe('accepts', () => {
    const formatOf = async (file: string) => {
      const m = await sharp(path.join(mediaDir, file)).metadata();
      return {
        format: m.format === 'heif' ? `heif/${m.compression}` : m.format,
        width: m.width,
        height: m.height,
      };
    };

    it.each([
      [
        'a photo-like JPEG',
        async () => (await photo(2400, 1600)).jpeg({ quality: 88 }).toBuffer(),
        2400,
        1600,
        [480, 800, 1200, 1600],
      ],
      [
        'a PNG with transparency',
        async () => (await photo(1000, 600)).ensureAlpha(0.5).png().toBuffer(),
        1000,
        600,
        [480, 800, 1000],
      ],
      ['a small GIF, never enlarged', async () => (await photo(300, 200)).gif().toBuffer(), 300, 200, [300]],
      ['a WebP', async () => (await photo(1700, 900)).webp().toBuffer(), 1700, 900, [480, 800, 1200, 1600]],
      [
        // 800 × 957 / 1700 is 450.4, yet the encoder makes it 451 tall: the height is recorded.
        'a JPEG whose scaled heights round unevenly',
        async () => (await photo(1700, 957)).jpeg().toBuffer(),
        1700,
        957,
        [480, 800, 1200, 1600],
      ],
      [
        'an AVIF',
        async () => (await photo(820, 500)).avif({ effort: 0 }).toBuffer(),
        820,
        500,
        [480, 800, 820],
      ],
    ])('%s: WebP and AVIF renditions of the right widths', async (_, make, width, height, widths) => {
      const { media, created } = await upload(await make());
      expect(created).toBe(true);
      expect(media).toMatchObject({ width, height, mimeType: 'image/webp', credit: 'Photo: Test Agency' });
      expect(media.renditions.map((r) => r.width)).toEqual(widths);
      expect(media.fileName).toBe(media.renditions.at(-1)?.file);
      expect(media.fileName).toMatch(/^[0-9a-f]{16}-\d+\.webp$/);
      for (const rendition of media.renditions) {
        const size = { width: rendition.width, height: rendition.height };
        expect(await formatOf(rendition.file)).toEqual({ format: 'webp', ...size });
        expect(await formatOf(rendition.avif ?? '')).toEqual({ format: 'heif/av1', ...size });
        // The email digest's file: JPEG, same size, for clients that show no WebP.
        expect(await formatOf(rendition.jpeg ?? '')).toEqual({ format: 'jpeg', ...size });
      }
      // Exactly the renditions: no temporary files, no copy of the original.
      expect(filesInFolder()).toEqual(media.renditions.flatMap((r) => [r.file, r.avif, r.jpeg]).sort());
      expect(await listMedia(database.db)).toHaveLength(1);
    });

    it('turns a sideways camera JPEG upright and strips its EXIF (camera, place, copyright)', async () => {
      const jpeg = await (await photo(1200, 800))
        .jpeg()
        .withExif({ IFD0: { Copyright: 'Secret Owner', Make: 'PhoneCam' } })
        .withMetadata({ orientation: 6 })
        .toBuffer();
      expect((await sharp(jpeg).metadata()).orientation).toBe(6);
      const { media } = await upload(jpeg);
      // Orientation 6 means "rotate 90°": the picture is 800 wide and 1200 tall as seen.
      expect(media).toMatchObject({ width: 800, height: 1200 });
      expect(media.renditions.map((r) => r.width)).toEqual([480, 800]);
      for (const file of filesInFolder()) {
        const bytes = fs.readFileSync(path.join(mediaDir, file));
        const metadata = await sharp(bytes).metadata();
        expect(metadata.exif, file).toBeUndefined();
        expect(metadata.orientation ?? 1, file).toBe(1);
        expect(bytes.includes('Secret Owner'), file).toBe(false);
      }
      const largest = await sharp(path.join(mediaDir, media.fileName)).metadata();
      expect({ width: largest.width, height: largest.height }).toEqual({ width: 800, height: 1200 });
    });

    it('gives back the existing record for the same image uploaded twice, writing nothing new', async () => {
      const png = await (await photo(640, 480)).png().toBuffer();
      const first = await upload(png);
      const before = filesInFolder();
      const second = await upload(png);
      expect(second.created).toBe(false);
      expect(second.media.id).toBe(first.media.id);
      expect(filesInFolder()).toEqual(before);
      expect(await listMedia(database.db)).toHaveLength(1);
    });
  });
});
