#!/usr/bin/env node
// `npm run build` (and so `npm start`): compiles src/ into dist/ only when something changed.
// `tsc --build` compares the sources and configuration against dist/.tsbuildinfo and returns at
// once when nothing is newer, so a restart does not pay for a full compile. It never deletes
// outputs, so compiled files whose source is gone are removed here: a stale module left in dist/
// could otherwise still be imported, or be found by a glob.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const OUTPUT = /(\.d)?\.js(\.map)?$|\.d\.ts(\.map)?$/;

function removeOrphans(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      removeOrphans(file);
      if (fs.readdirSync(file).length === 0) fs.rmdirSync(file);
      continue;
    }
    if (!OUTPUT.test(entry.name)) continue;
    const stem = path.join(src, path.relative(dist, file)).replace(OUTPUT, '');
    if (!fs.existsSync(`${stem}.ts`) && !fs.existsSync(`${stem}.tsx`)) fs.rmSync(file);
  }
}

const result = spawnSync(process.execPath, [tsc, '--build', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
if (fs.existsSync(dist)) removeOrphans(dist);
