import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The import layout of ARCHITECTURE.md ("Layout" and "Rules of the house"), read from the source
// with the TypeScript scanner, so comments, strings and template text never count as imports.
// Tests are left out: a test may reach into what it tests and into shared fixtures.

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const DOMAIN = ['platform', 'publishing', 'stories', 'accounts', 'api-keys', 'media', 'webhooks', 'people'];
const WORK = [...DOMAIN, 'editorial', 'desk', 'newsletter', 'search'];

/**
 * What each top-level folder may import: dependencies point one way, from the surfaces (site,
 * newsroom, api) and the command line down through the features to `platform`, which imports
 * none. A new folder must be added here, which makes its place in the graph a reviewed choice.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  platform: [],
  publishing: ['platform'],
  stories: ['platform', 'publishing'],
  accounts: ['platform'],
  'api-keys': ['platform', 'accounts'],
  media: ['platform', 'stories'],
  webhooks: ['platform', 'stories'],
  people: ['platform'],
  editorial: ['platform', 'publishing', 'stories', 'accounts', 'media', 'people'],
  desk: ['platform', 'publishing', 'stories'],
  newsletter: ['platform', 'publishing', 'stories', 'media'],
  search: ['platform', 'publishing', 'stories'],
  imports: [...WORK],
  site: [...WORK],
  newsroom: [...WORK],
  api: [...WORK],
  cli: [...WORK, 'imports', 'site', 'newsroom', 'api'],
};

interface Import {
  /** Both relative to src/, with `/` and the source file's own extension. */
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** `./x.js` written in an import names `x.ts` or `x.tsx` on disk. */
function onDisk(target: string): string {
  const stem = target.replace(/\.js$/, '');
  return ['.ts', '.tsx'].map((ext) => stem + ext).find((file) => fs.existsSync(file)) ?? target;
}

function relativeImports(): Import[] {
  return sourceFiles(SRC).flatMap((file) => {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    return importedFiles
      .filter(({ fileName }) => fileName.startsWith('.'))
      .map(({ fileName }) => ({
        from: path.relative(SRC, file).split(path.sep).join('/'),
        to: path
          .relative(SRC, onDisk(path.resolve(path.dirname(file), fileName)))
          .split(path.sep)
          .join('/'),
      }));
  });
}

const folderOf = (file: string) => file.split('/')[0] as string;
const imports = relativeImports();
const crossing = imports.filter((i) => folderOf(i.from) !== folderOf(i.to));

describe('import layout', () => {
  it('finds the source', () => {
    expect(imports.length).toBeGreaterThan(500);
    expect(crossing.length).toBeGreaterThan(100);
  });

  it('places every top-level folder of src/ in the dependency graph', () => {
    const folders = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.filter((folder) => !(folder in MAY_IMPORT))).toEqual([]);
  });

  it('points dependencies one way, and platform at no feature', () => {
    const wrongWay = crossing
      .filter((i) => !MAY_IMPORT[folderOf(i.from)]?.includes(folderOf(i.to)))
      .map((i) => `${i.from} -> ${i.to}`);
    expect(wrongWay).toEqual([]);
  });

  it('reaches another feature only through its index.ts', () => {
    const deep = crossing
      // platform is the layer underneath, a set of modules rather than one feature
      .filter((i) => folderOf(i.to) !== 'platform')
      .filter((i) => i.to !== `${folderOf(i.to)}/index.ts`)
      .map((i) => `${i.from} -> ${i.to}`);
    expect(deep).toEqual([]);
  });
});
