import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

// Beside this module in src/ and, copied by scripts/build.js, in dist/.
const ASSET_DIR = fileURLToPath(new URL('./assets/', import.meta.url));

export interface AdminAsset {
  path: string;
  body: Buffer;
  contentType: string;
}

function load(file: string, extension: string, contentType: string): AdminAsset {
  const body = fs.readFileSync(`${ASSET_DIR}${file}`);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path: `/admin/assets/admin.${hash}.${extension}`, body, contentType };
}

/** The admin's stylesheet and script under content-hashed names, cacheable for a year. */
export function loadAdminAssets(): { css: AdminAsset; js: AdminAsset } {
  return {
    css: load('admin.css', 'css', 'text/css; charset=utf-8'),
    js: load('admin.js', 'js', 'text/javascript; charset=utf-8'),
  };
}
