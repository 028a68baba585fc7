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

function bundle(extension: string, contentType: string): AdminAsset {
  // Each feature keeps its own file (admin.css, editor.css, …); the admin serves them as one file
  // per kind, the base file first and the rest by name, so one request carries them all.
  const files = fs
    .readdirSync(ASSET_DIR)
    .filter((file) => file.endsWith(`.${extension}`))
    .sort((a, b) => (a === `admin.${extension}` ? -1 : b === `admin.${extension}` ? 1 : a.localeCompare(b)));
  const body = Buffer.concat(
    files.flatMap((file) => [fs.readFileSync(`${ASSET_DIR}${file}`), Buffer.from('\n')]),
  );
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path: `/admin/assets/admin.${hash}.${extension}`, body, contentType };
}

/** The admin's stylesheets and scripts, each kind as one file under a content-hashed name, cacheable for a year. */
export function loadAdminAssets(): { css: AdminAsset; js: AdminAsset } {
  return {
    css: bundle('css', 'text/css; charset=utf-8'),
    js: bundle('js', 'text/javascript; charset=utf-8'),
  };
}
