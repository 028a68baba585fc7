import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import { importContent } from '../editorial/index.js';
import type { MediaStorage } from '../media/index.js';
import type { Database } from '../platform/database/index.js';
import { countStories, type ExportDocument, parseExportDocument } from '../stories/index.js';
import { demoHeroSlugs, generateHeroImages } from './demo/hero-images.js';

/**
 * The demo newsroom, written as an export document (what `velocity export` writes). Under tsx it is
 * read from src/cli/demo; scripts/build.js copies it beside the compiled seed in dist/cli/demo.
 */
const DEMO_DOCUMENT = new URL('./demo/newsroom.json', import.meta.url);

// The export versions this seed reads: typed from the schema, so a version bump there fails the
// build here until the demo document is rewritten for it.
const READABLE_VERSIONS: ExportDocument['version'][] = [1];

/**
 * Checks the document's format and version before its content, so that a demo from another release
 * is refused with one sentence saying so rather than a list of field errors.
 */
export function parseDemoDocument(json: unknown, origin: string): ExportDocument {
  const head = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if (head.format !== 'code-velocity-export') {
    throw new Error(
      `${origin} is not a Code Velocity export document (its format is ${String(head.format)}).`,
    );
  }
  if (!READABLE_VERSIONS.includes(head.version as ExportDocument['version'])) {
    throw new Error(
      `${origin} is export version ${String(head.version)}; this release reads version ${READABLE_VERSIONS.join(', ')}.`,
    );
  }
  return parseExportDocument(json);
}

export function readDemoDocument(file: URL = DEMO_DOCUMENT): ExportDocument {
  return parseDemoDocument(JSON.parse(fs.readFileSync(file, 'utf8')), fileURLToPath(file));
}

/**
 * The demo's media are its hero illustrations, drawn from the story slug in each file name
 * (demo/hero-images.ts) rather than shipped as image files: the same slug always gives the same
 * picture. Draws the missing files and checks that the document describes what was drawn.
 */
async function drawHeroImages(document: ExportDocument, mediaDir: string): Promise<string[]> {
  const drawn = await generateHeroImages(mediaDir, demoHeroSlugs(document.stories));
  for (const media of document.media) {
    const picture = drawn.find((d) => d.fileName === media.fileName);
    if (!picture || !isDeepStrictEqual(picture, media)) {
      throw new Error(`The demo document's media ${media.fileName} is not a drawn hero illustration.`);
    }
  }
  return [...new Set(drawn.flatMap((d) => [d.fileName, ...d.renditions.map((r) => r.file)]))];
}

/** Puts the drawn files the shared storage does not hold yet there (MEDIA_STORAGE=s3). */
async function uploadHeroImages(files: string[], mediaDir: string, storage: MediaStorage): Promise<void> {
  for (const file of files) {
    if (await storage.exists(file)) continue;
    await storage.put(file, await fs.promises.readFile(path.join(mediaDir, file)), 'image/webp');
  }
}

/**
 * Loads the demo newsroom through the import path: its hero images are drawn into DATA_DIR/media
 * (and copied to `storage` when that is object storage), then the document goes in as `velocity import` would load it. Does nothing when the database
 * already holds stories.
 */
export async function seedDemo(
  db: Kysely<Database>,
  dataDir: string,
  now: Date,
  document: ExportDocument = readDemoDocument(),
  storage?: MediaStorage,
): Promise<{ stories: number }> {
  if ((await countStories(db)) > 0) return { stories: 0 };
  const mediaDir = path.join(dataDir, 'media');
  const files = await drawHeroImages(document, mediaDir);
  // The pictures are drawn on this disk either way (drawing needs files); a shared storage gets a copy.
  if (storage && storage.kind !== 'local') await uploadHeroImages(files, mediaDir, storage);
  const imported = await importContent(db, document, { now });
  return { stories: imported.storyIds.length };
}
