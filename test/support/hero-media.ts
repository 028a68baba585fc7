import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/database/index.js';
import { insertMedia } from '../../src/stories/index.js';

/** The renditions heroForEveryStory records, narrowest first. */
export const HERO_RENDITIONS = [
  { width: 480, file: 'hero-one-480.webp' },
  { width: 1200, file: 'hero-one-1200.webp' },
];

/**
 * Records one library image (no files: only its row) and makes it every story's hero, for
 * checks of where images are linked rather than of the files themselves.
 */
export async function heroForEveryStory(db: Kysely<Database>): Promise<void> {
  const mediaId = await insertMedia(
    db,
    {
      fileName: 'hero-one.webp',
      mimeType: 'image/webp',
      width: 1600,
      height: 900,
      renditions: HERO_RENDITIONS,
      credit: '',
    },
    new Date('2026-11-20T00:00:00Z'),
  );
  await db.updateTable('stories').set({ hero_media_id: mediaId }).execute();
}
