import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import { insertMedia, type Media } from '../stories/index.js';
import { encodeRenditions, inspectImage, type UploadLimits } from './process.js';
import { findMediaByFileName, findMediaById } from './queries.js';
import { renditionFileName, renditionWidths } from './renditions.js';
import type { MediaStorage } from './storage/types.js';

// 16 hex digits (64 bits) of SHA-256: two different uploads share a name with a probability of
// about n²/2⁶⁵, negligible for any library a newsroom will have.
const HASH_HEX_DIGITS = 16;

/**
 * Adds an uploaded image to the library: checks it by content, renders WebP and AVIF renditions,
 * writes them atomically and records the media row. A refused or failed upload leaves no file and
 * no row behind. The same image uploaded again gives back the existing record (`created: false`).
 * `onCreated` runs in the transaction that inserts the row (the caller's audit entry), so if it
 * fails the row and the files go too.
 */
export async function storeUpload(
  db: Kysely<Database>,
  options: {
    storage: MediaStorage;
    limits: UploadLimits;
    onCreated?: (trx: Kysely<Database>, media: Media) => Promise<void>;
  },
  input: { bytes: Uint8Array; credit: string },
  now: Date,
): Promise<{ media: Media; created: boolean }> {
  const image = await inspectImage(input.bytes, options.limits);
  const hash = createHash('sha256').update(input.bytes).digest('hex').slice(0, HASH_HEX_DIGITS);
  const widths = renditionWidths(image.width);
  // The record is named after its largest WebP rendition, like the demo's hero images.
  const fileName = renditionFileName(hash, Math.max(...widths), 'webp');
  const existing = await findMediaByFileName(db, fileName);
  if (existing) return { media: existing, created: false };

  const { files, renditions } = await encodeRenditions(input.bytes, {
    hash,
    widths,
    maxPixels: options.limits.maxPixels,
  });

  await options.storage.putAll(files);
  try {
    const media = await db.transaction().execute(async (trx) => {
      const id = await insertMedia(
        trx,
        {
          fileName,
          mimeType: 'image/webp',
          width: image.width,
          height: image.height,
          renditions,
          credit: input.credit,
        },
        now,
      );
      const inserted = (await findMediaById(trx, id)) as Media;
      await options.onCreated?.(trx, inserted);
      return inserted;
    });
    return { media, created: true };
  } catch (error) {
    // The same image, uploaded at the same moment by someone else, won the insert: its row now
    // points at these very files, so they stay.
    const winner = await findMediaByFileName(db, fileName).catch(() => undefined);
    if (winner) return { media: winner, created: false };
    await Promise.all(files.map((file) => options.storage.delete(file.name).catch(() => undefined)));
    throw error;
  }
}
