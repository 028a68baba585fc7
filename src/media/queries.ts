import type { Kysely, Selectable } from 'kysely';
import type { Database, MediaTable } from '../platform/database/index.js';
import type { Media } from '../stories/index.js';

type Db = Kysely<Database>;

function toMedia(row: Selectable<MediaTable>): Media {
  return {
    id: row.id,
    fileName: row.file_name,
    mimeType: row.mime_type,
    width: row.width,
    height: row.height,
    renditions: JSON.parse(row.renditions) as Media['renditions'],
    credit: row.credit,
    createdAt: row.created_at,
  };
}

export async function findMediaById(db: Db, id: number): Promise<Media | undefined> {
  const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toMedia(row);
}

/** Several media rows by id, such as the hero images of a digest's stories. */
export async function listMediaByIds(db: Db, ids: number[]): Promise<Map<number, Media>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('media').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, toMedia(row)]));
}

export async function findMediaByFileName(db: Db, fileName: string): Promise<Media | undefined> {
  const row = await db.selectFrom('media').selectAll().where('file_name', '=', fileName).executeTakeFirst();
  return row && toMedia(row);
}

/** A library entry with how many stories use it as their hero image. */
export interface MediaLibraryItem extends Media {
  usage: number;
}

/** The library, newest first; `usage` is counted per item by a correlated subquery. */
export async function listMediaLibrary(
  db: Db,
  page: { limit: number; offset: number },
): Promise<{ items: MediaLibraryItem[]; total: number }> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('media')
      .selectAll('media')
      .select((eb) =>
        eb
          .selectFrom('stories')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('stories.hero_media_id', '=', 'media.id')
          .as('usage'),
      )
      .orderBy('media.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('media')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map(({ usage, ...row }) => ({ ...toMedia(row), usage: Number(usage ?? 0) })),
  };
}

/** Stories whose hero is this image: the pages to refresh when its credit changes. */
export async function listStoryIdsUsingMedia(db: Db, mediaId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('stories')
    .select('id')
    .where('hero_media_id', '=', mediaId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function updateMediaCredit(db: Db, id: number, credit: string): Promise<void> {
  await db.updateTable('media').set({ credit }).where('id', '=', id).execute();
}
