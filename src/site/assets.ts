import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SiteAssets, StaticAsset } from './deps.js';

// Beside this module: src/site/assets under tsx, dist/site/assets once scripts/build.js has copied
// them, so the built package runs without its sources.
const ASSET_DIR = fileURLToPath(new URL('./assets/', import.meta.url));

function load(file: string, contentType: string): StaticAsset {
  const body = fs.readFileSync(`${ASSET_DIR}${file}`);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const [name, extension] = file.split('.');
  return { path: `/assets/${name}.${hash}.${extension}`, body, contentType };
}

/**
 * The stylesheet, the script and the logo under content-hashed names, so they can be cached for a
 * year. The logo (512 px square PNG) is the publisher logo in NewsArticle JSON-LD.
 */
export function loadSiteAssets(): SiteAssets {
  return {
    css: load('site.css', 'text/css; charset=utf-8'),
    js: load('site.js', 'text/javascript; charset=utf-8'),
    logo: load('logo.png', 'image/png'),
    icon: load('favicon.ico', 'image/x-icon'),
  };
}
