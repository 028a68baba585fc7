import { PassThrough } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { photo } from '../../test/support/test-images.js';
import { localMediaStorage, storeUpload } from '../media/index.js';
import { loadConfig } from '../platform/config.js';
import type { Rendition } from '../stories/index.js';
import { runMediaCommand } from './media.js';
import { openMigratedDatabase } from './runtime.js';

// `velocity media jpeg` called in process, as main.ts calls it, over a real database and the
// local storage under its DATA_DIR, on images recorded the way they were before JPEG renditions.

const NOW = new Date('2026-12-01T08:00:00Z');
const LIMITS = { maxUploadBytes: 10 * 1024 * 1024, maxPixels: 40_000_000 };

describe.each(DIALECTS)('velocity media jpeg on %s', (dialect) => {
  let database: TestDatabase;
  const config = () => loadConfig({ DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' });
  const storage = () => localMediaStorage(config());

  async function velocity(args: string[], signal?: AbortSignal) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runMediaCommand(args, {
      config,
      // SQLite: the file under DATA_DIR, as main.ts opens it; PostgreSQL: this test's own schema.
      openDatabase: dialect === 'sqlite' ? openMigratedDatabase : async () => database.connectAgain(),
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      progressStream: new PassThrough(),
      ...(signal ? { signal } : {}),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  async function renditionsOf(id: number): Promise<Rendition[]> {
    const row = await database.db
      .selectFrom('media')
      .select('renditions')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return JSON.parse(row.renditions) as Rendition[];
  }

  /** Uploads a picture, then takes its JPEGs away (row and files), as an image from before them. */
  async function olderImage(width: number, height: number): Promise<{ id: number; renditions: Rendition[] }> {
    const bytes = await (await photo(width, height)).png().toBuffer();
    const { media } = await storeUpload(
      database.db,
      { storage: storage(), limits: LIMITS },
      { bytes, credit: 'Photo: Test Agency' },
      NOW,
    );
    const renditions = media.renditions.map(({ jpeg: _jpeg, ...rest }) => rest);
    for (const rendition of media.renditions) {
      if (rendition.jpeg) await storage().delete(rendition.jpeg);
    }
    await database.db
      .updateTable('media')
      .set({ renditions: JSON.stringify(renditions) })
      .where('id', '=', media.id)
      .execute();
    return { id: media.id, renditions };
  }

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.destroy());

  it('stops at Ctrl-C before the next image, changing nothing, and says to run it again', async () => {
    const image = await olderImage(900, 600);
    const stopped = new AbortController();
    stopped.abort();
    const interrupted = await velocity(['jpeg'], stopped.signal);
    expect(interrupted.code).toBe(1);
    expect(interrupted.err).toContain('run the command again to continue');
    expect(interrupted.out).toContain('added JPEG renditions to 0 images.');
    expect(await renditionsOf(image.id)).toEqual(image.renditions);
    await database.db.deleteFrom('media').execute();
  });

  it('gives older images a real JPEG at every width, lists those missing their files, then makes nothing', async () => {
    const older = await olderImage(1300, 800);
    expect(older.renditions.length).toBeGreaterThan(1);
    expect(older.renditions.some((r) => 'jpeg' in r)).toBe(false);
    const lost = await olderImage(700, 500);
    for (const rendition of lost.renditions) await storage().delete(rendition.file);

    const first = await velocity(['jpeg']);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('added JPEG renditions to 1 image.');
    expect(first.out).toContain(`1 image left without JPEGs`);
    expect(first.out).toMatch(new RegExp(`\\(media ids\\): ${lost.id}$`));

    const renditions = await renditionsOf(older.id);
    expect(renditions.map((r) => r.width)).toEqual(older.renditions.map((r) => r.width));
    for (const rendition of renditions) {
      expect(rendition.jpeg).toBe(rendition.file.replace(/\.webp$/, '.jpg'));
      const stored = await storage().get(rendition.jpeg as string);
      expect(stored?.contentType).toBe('image/jpeg');
      const metadata = await sharp(stored?.bytes).metadata();
      expect(metadata.format).toBe('jpeg');
      expect(metadata.width).toBe(rendition.width);
    }
    expect(await renditionsOf(lost.id)).toEqual(lost.renditions);

    const again = await velocity(['jpeg']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('added JPEG renditions to 0 images.');
    expect(await renditionsOf(older.id)).toEqual(renditions);
  });

  it('explains itself on --help and refuses options it does not have', async () => {
    const help = await velocity(['jpeg', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('velocity media jpeg');
    expect(help.out).toContain('email clients without WebP');

    const wrong = await velocity(['jpeg', '--to', 's3']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("Unknown option '--to'");
  });
});
