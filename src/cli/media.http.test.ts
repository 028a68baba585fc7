import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestS3, type TestS3 } from '../../test/support/s3-server.js';
import { s3MediaStorage } from '../media/storage/index.js';
import { loadConfig } from '../platform/config.js';
import { runMediaCommand } from './media.js';

// `velocity media migrate` called in process, as main.ts calls it, from a temporary DATA_DIR/media
// to a real S3-protocol server (s3rver), under a key prefix.

const PREFIX = 'site/';
const FILES: Record<string, Buffer> = {
  'hero-harbour-800.webp': Buffer.from('webp bytes of the harbour, 800 wide'),
  'hero-harbour.webp': Buffer.from('webp bytes of the harbour, 1600 wide'),
  '0123456789abcdef-480.webp': Buffer.alloc(2048, 7),
  '0123456789abcdef-480.avif': Buffer.alloc(1024, 9),
  '0123456789abcdef-800.webp': Buffer.alloc(4096, 3),
};

let s3: TestS3;
let dataDir: string;

function settings(extra: Record<string, string> = {}) {
  return loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...s3.env, S3_PREFIX: PREFIX, ...extra });
}

async function migrate(
  args: string[],
  options: { tty?: boolean; env?: Record<string, string>; signal?: AbortSignal } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  let progress = '';
  const stream = Object.assign(new PassThrough(), { isTTY: options.tty === true, columns: 100 });
  stream.on('data', (chunk: Buffer) => {
    progress += chunk.toString('utf8');
  });
  const code = await runMediaCommand(args, {
    config: () => settings(options.env),
    openDatabase: () => Promise.reject(new Error('migrate works on the folder alone')),
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    progressStream: stream,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { code, out: out.join('\n'), err: err.join('\n'), progress };
}

const bucketKeys = async () => (await s3.keys()).filter((key) => key.startsWith(PREFIX));
const expectedKeys = Object.keys(FILES)
  .map((name) => `${PREFIX}${name}`)
  .sort();

beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-media-'));
  const mediaDir = path.join(dataDir, 'media');
  fs.mkdirSync(mediaDir);
  for (const [name, bytes] of Object.entries(FILES)) fs.writeFileSync(path.join(mediaDir, name), bytes);
  // A write in progress (the uploader's temporary dot-file) is not part of the library.
  fs.writeFileSync(path.join(mediaDir, '.upload-1234-x.webp'), 'half');
  const storage = s3MediaStorage(settings());
  for (const key of await bucketKeys()) await storage.delete(key.slice(PREFIX.length));
  storage.destroy();
});

describe('velocity media migrate --to s3', () => {
  it('copies every file with a progress bar and a summary, then finds them all there on a second run', async () => {
    const first = await migrate(['migrate', '--to', 's3'], { tty: true });
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/: 5 files; copied 5 \(0\.0 MB\), 0 already there, 0 failed\.$/);
    expect(first.out).toContain(`s3://media/${PREFIX}`);
    expect(first.progress).toContain('Copying');
    expect(await bucketKeys()).toEqual(expectedKeys);

    const storage = s3MediaStorage(settings());
    for (const [name, bytes] of Object.entries(FILES)) {
      const stored = await storage.get(name);
      expect(stored?.bytes.equals(bytes)).toBe(true);
    }
    expect((await storage.get('0123456789abcdef-480.avif'))?.contentType).toBe('image/avif');
    storage.destroy();

    const again = await migrate(['migrate', '--to', 's3']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('5 files; copied 0 (0.0 MB), 5 already there, 0 failed.');
  });

  it('continues an interrupted run: what is there is skipped, what differs or is missing is copied', async () => {
    const stopped = new AbortController();
    stopped.abort();
    const interrupted = await migrate(['migrate', '--to', 's3'], { signal: stopped.signal });
    expect(interrupted.code).toBe(1);
    expect(interrupted.err).toContain('Stopped after 0 of 5 files; run the command again to continue.');

    // What an earlier run cut short leaves: two files complete, one with other content.
    const storage = s3MediaStorage(settings());
    await storage.put('hero-harbour.webp', FILES['hero-harbour.webp'] as Buffer, 'image/webp');
    await storage.put(
      '0123456789abcdef-480.webp',
      FILES['0123456789abcdef-480.webp'] as Buffer,
      'image/webp',
    );
    await storage.put('0123456789abcdef-800.webp', Buffer.alloc(4096, 4), 'image/webp');

    const resumed = await migrate(['migrate', '--to', 's3']);
    expect(resumed.code).toBe(0);
    expect(resumed.out).toContain('5 files; copied 3 (0.0 MB), 2 already there, 0 failed.');
    expect(
      (await storage.get('0123456789abcdef-800.webp'))?.bytes.equals(
        FILES['0123456789abcdef-800.webp'] as Buffer,
      ),
    ).toBe(true);
    expect(await bucketKeys()).toEqual(expectedKeys);
    storage.destroy();
  });

  it('writes nothing on a dry run, and says what it would copy', async () => {
    const dry = await migrate(['migrate', '--to', 's3', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('5 files; would copy 5 (0.0 MB), 0 already there, 0 failed.');
    expect(await bucketKeys()).toEqual([]);
  });

  it('reports each file a missing bucket refused, exits 1, and asks for --to s3', async () => {
    const refused = await migrate(['migrate', '--to', 's3'], { env: { S3_BUCKET: 'no-such-bucket' } });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('copied 0 (0.0 MB), 0 already there, 5 failed.');
    expect(refused.err).toContain('hero-harbour.webp: Object storage could not');
    expect(refused.err).toContain('NoSuchBucket');

    const wrong = await migrate(['migrate', '--to', 'gcs']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--to s3 is required');
  });
});
