import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { EncodedFile } from './process.js';

/**
 * Writes every file or none: each goes to a dot-named temporary file in the same folder (the
 * public /media route never serves dot-files), is flushed to disk, and only then renamed into
 * place, so a reader never sees half a file and a crash leaves no file under a real name.
 */
export async function writeFilesAtomically(dir: string, files: EncodedFile[]): Promise<void> {
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

/** Removes files the library wrote (after a failed insert); missing files are fine. */
export async function removeFiles(dir: string, names: string[]): Promise<void> {
  await Promise.all(names.map((name) => rm(path.join(dir, name), { force: true })));
}
