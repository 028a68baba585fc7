import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalMediaStorage } from './local.js';

describe('media on the local disk', () => {
  let dir: string;
  let storage: LocalMediaStorage;

  beforeEach(() => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-local-media-')), 'media');
    storage = new LocalMediaStorage(dir);
  });
  afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('puts, reads, sizes, lists and deletes files, and says undefined for a missing one', async () => {
    await storage.putAll([
      { name: 'a-480.webp', bytes: Buffer.from('webp') },
      { name: 'a-480.avif', bytes: Buffer.from('avif!') },
    ]);
    await storage.put('hero-x.webp', Buffer.from('hero'), 'image/webp');
    expect(await storage.list()).toEqual(['a-480.avif', 'a-480.webp', 'hero-x.webp']);
    expect(await storage.get('a-480.avif')).toEqual({
      bytes: Buffer.from('avif!'),
      contentType: 'image/avif',
      size: 5,
    });
    expect(await storage.stat('a-480.webp')).toEqual({ size: 4 });
    expect(await storage.exists('missing.webp')).toBe(false);
    expect(await storage.get('missing.webp')).toBeUndefined();
    await storage.delete('a-480.webp');
    await storage.delete('a-480.webp');
    expect(await storage.list()).toEqual(['a-480.avif', 'hero-x.webp']);
  });

  it('refuses a name that would leave the folder or reach a temporary file, before touching the disk', async () => {
    for (const name of ['../velocity.db', 'sub/a.webp', '.upload-1-a.webp', '']) {
      await expect(storage.get(name)).rejects.toThrow(/Not a media file name/);
      await expect(storage.putAll([{ name, bytes: Buffer.from('x') }])).rejects.toThrow(
        /Not a media file name/,
      );
    }
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('lists nothing for a folder that does not exist yet, and leaves out writes in progress', async () => {
    expect(await storage.list()).toEqual([]);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '.upload-ab12-a.webp'), 'half');
    expect(await storage.list()).toEqual([]);
  });
});
