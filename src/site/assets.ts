import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StaticAsset } from './deps.js';

// Both src/site and dist/site sit two folders below the project root, so this finds the
// stylesheet and script in the source tree whether the code runs compiled or through tsx.
const ASSET_DIR = fileURLToPath(new URL('../../src/site/assets/', import.meta.url));

function load(file: string, extension: string, contentType: string): StaticAsset {
  const body = fs.readFileSync(`${ASSET_DIR}${file}`);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path: `/assets/site.${hash}.${extension}`, body, contentType };
}

/** The stylesheet and script under content-hashed names, so they can be cached for a year. */
export function loadSiteAssets(): { css: StaticAsset; js: StaticAsset } {
  return {
    css: load('site.css', 'css', 'text/css; charset=utf-8'),
    js: load('site.js', 'js', 'text/javascript; charset=utf-8'),
  };
}
