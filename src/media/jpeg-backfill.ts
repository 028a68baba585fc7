import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import { encodeJpegRenditions } from './process.js';
import { findMediaById, updateMediaRenditions } from './queries.js';
import type { MediaStorage } from './storage/types.js';

export interface JpegBackfillReport {
  /** Images that had no JPEG and now have one at every width. */
  made: number[];
  /** Images whose WebP files are gone from the storage, left as they were. */
  missing: number[];
}

/**
 * Gives every image uploaded before JPEG renditions were made a JPEG at each of its widths,
 * encoded from its largest WebP. Safe to run again (images with JPEGs are skipped) and beside a
 * running site: the files are written before the row names them.
 */
export async function backfillJpegRenditions(
  db: Kysely<Database>,
  storage: MediaStorage,
  options: { signal?: AbortSignal } = {},
): Promise<JpegBackfillReport> {
  const report: JpegBackfillReport = { made: [], missing: [] };
  const rows = await db.selectFrom('media').select(['id', 'renditions']).orderBy('id').execute();
  for (const row of rows) {
    if (options.signal?.aborted) break;
    const renditions = JSON.parse(row.renditions) as { width: number; file: string; jpeg?: string }[];
    if (renditions.length === 0 || renditions.every((r) => r.jpeg)) continue;
    const largest = [...renditions].sort((a, b) => b.width - a.width)[0];
    const source = largest && (await storage.get(largest.file));
    if (!source) {
      report.missing.push(row.id);
      continue;
    }
    const files = await encodeJpegRenditions(source.bytes, renditions);
    await storage.putAll(files);
    const media = await findMediaById(db, row.id);
    if (!media) continue;
    await updateMediaRenditions(
      db,
      row.id,
      media.renditions.map((r) => ({ ...r, jpeg: r.file.replace(/\.webp$/, '.jpg') })),
    );
    report.made.push(row.id);
  }
  return report;
}
