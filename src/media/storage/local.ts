import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type MediaFile, type MediaStorage, mediaContentType, type StoredMedia } from './types.js';

/**
 * Writes every file or none: each goes to a dot-named temporary file in the same folder (the
 * public /media route never serves dot-files), is flushed to disk, and only then renamed into
 * place, so a reader never sees half a file and a crash leaves no file under a real name.
 */
async function writeFilesAtomically(dir: string, files: MediaFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const staged: { temp: string; final: string }[] = [];
  const placed: string[] = [];
  try {
    for (const file of files) {
      const temp = path.join(dir, `.upload-${randomBytes(6).toString('hex')}-${file.name}`);
      staged.push({ temp, final: path.join(dir, file.name) });
      const handle = await open(temp, 'wx', 0o644);
      try {
        await handle.writeFile(file.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    for (const { temp, final } of staged) {
      await rename(temp, final);
      placed.push(final);
    }
  } catch (error) {
    await Promise.all([...staged.map((s) => s.temp), ...placed].map((file) => rm(file, { force: true })));
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The library on this node's disk, in one flat folder (DATA_DIR/media). */
export class LocalMediaStorage implements MediaStorage {
  readonly kind = 'local';
  readonly location: string;

  constructor(readonly dir: string) {
    this.location = dir;
  }

  // Keys are names the library chose; a separator or a dot-file would reach outside the folder
  // or a temporary file, so they are refused here whatever the caller checked.
  private file(key: string): string {
    if (key.includes('/') || key.includes('\\') || key.startsWith('.') || key.length === 0) {
      throw new Error(`Not a media file name: ${JSON.stringify(key)}`);
    }
    return path.join(this.dir, key);
  }

  // A file on disk keeps no media type: it is read back from the extension.
  async put(key: string, bytes: Buffer, _contentType?: string): Promise<void> {
    this.file(key);
    await writeFilesAtomically(this.dir, [{ name: key, bytes }]);
  }

  async putAll(files: MediaFile[]): Promise<void> {
    for (const file of files) this.file(file.name);
    await writeFilesAtomically(this.dir, files);
  }

  async get(key: string): Promise<StoredMedia | undefined> {
    try {
      const bytes = await readFile(this.file(key));
      return { bytes, contentType: mediaContentType(key), size: bytes.length };
    } catch (error) {
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
      throw error;
    }
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    try {
      const info = await stat(this.file(key));
      return info.isFile() ? { size: info.size } : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== undefined;
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }

  /** Every file of the library (not the temporary dot-files of a write in progress). */
  async list(): Promise<string[]> {
    try {
      const entries = await readdir(this.dir, { withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
        .sort();
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }
}
