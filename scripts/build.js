#!/usr/bin/env node
// `npm run build` (and so `npm start`): compiles src/ into dist/ only when something changed.
// `tsc --build` compares the sources and configuration against dist/.tsbuildinfo and returns at
// once when nothing is newer, so a restart does not pay for a full compile. Tests are excluded by
// tsconfig.build.json, and test helpers live under test/, outside its rootDir. Every file under
// src/ that is not TypeScript (stylesheets, scripts, images, the demo document) is copied to the
// same place in dist/, so the built package runs without src/. tsc never deletes outputs, so
// files whose source is gone are removed here: a stale module left in dist/ could otherwise still
// be imported, or be found by a glob.
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
const TYPESCRIPT = /\.tsx?$/;
const BUILD_INFO = '.tsbuildinfo';

function copyAssets(from, to) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      copyAssets(source, target);
      continue;
    }
    if (TYPESCRIPT.test(entry.name)) continue;
    const stat = fs.statSync(source);
    const copied = fs.existsSync(target) ? fs.statSync(target) : undefined;
    if (copied && copied.size === stat.size && copied.mtimeMs === stat.mtimeMs) continue;
    fs.mkdirSync(to, { recursive: true });
    fs.copyFileSync(source, target);
    fs.utimesSync(target, stat.atime, stat.mtime);
  }
}

function removeOrphans(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      removeOrphans(file);
      if (fs.readdirSync(file).length === 0) fs.rmdirSync(file);
      continue;
    }
    if (entry.name === BUILD_INFO) continue;
    // A copied asset keeps its source's name (site.js is a browser script, not compiled output).
    const source = path.join(src, path.relative(dist, file));
    if (fs.existsSync(source)) continue;
    const stem = source.replace(OUTPUT, '');
    const compiled = OUTPUT.test(entry.name) && (fs.existsSync(`${stem}.ts`) || fs.existsSync(`${stem}.tsx`));
    if (!compiled) fs.rmSync(file);
  }
}

const result = spawnSync(process.execPath, [tsc, '--build', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
copyAssets(src, dist);
removeOrphans(dist);
