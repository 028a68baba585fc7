import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = path.resolve(PROJECT_ROOT, '../shared/corpus');

function requireCorpus(): void {
  if (!fs.existsSync(CORPUS)) throw new Error(`The shared corpus is missing: expected it at ${CORPUS}`);
}

/** One corpus file's bytes (never decoded here: many files are deliberately not UTF-8). */
export function corpusFile(relative: string): Buffer {
  requireCorpus();
  return fs.readFileSync(path.join(CORPUS, relative));
}

/** Paths (relative to the corpus) of every file below a corpus folder. */
export function corpusFiles(folder: string): string[] {
  requireCorpus();
  const root = path.join(CORPUS, folder);
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(CORPUS, path.join(entry.parentPath, entry.name)))
    .sort();
}
