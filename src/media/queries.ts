import type { Kysely, Selectable } from 'kysely';
import { containsText, type Database, type MediaTable } from '../platform/database/index.js';
import { loadMediaTexts, type Media, type MediaText } from '../stories/index.js';

type Db = Kysely<Database>;

function toMedia(row: Selectable<MediaTable>, texts: Partial<Record<string, MediaText>> = {}): Media {
  return {
    id: row.id,
    fileName: row.file_name,
    mimeType: row.mime_type,
    width: row.width,
    height: row.height,
    renditions: JSON.parse(row.renditions) as Media['renditions'],
    credit: row.credit,
    createdAt: row.created_at,
    texts,
  };
}

export async function findMediaById(db: Db, id: number): Promise<Media | undefined> {
  const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return toMedia(row, (await loadMediaTexts(db, [row.id])).get(row.id));
}

/** Several media rows by id, such as the hero images of a digest's stories. */
export async function listMediaByIds(db: Db, ids: number[]): Promise<Map<number, Media>> {
  if (ids.length === 0) return new Map();
  const [rows, texts] = await Promise.all([
    db.selectFrom('media').selectAll().where('id', 'in', ids).execute(),
    loadMediaTexts(db, ids),
  ]);
  return new Map(rows.map((row) => [row.id, toMedia(row, texts.get(row.id))]));
}

export async function findMediaByFileName(db: Db, fileName: string): Promise<Media | undefined> {
  const row = await db.selectFrom('media').selectAll().where('file_name', '=', fileName).executeTakeFirst();
  return row && toMedia(row);
}

/** A library entry with how many stories use it as their hero image. */
export interface MediaLibraryItem extends Media {
  usage: number;
}

/** The longest search the library takes; longer input is cut, not refused. */
export const MAX_MEDIA_QUERY_CHARS = 100;

/**
 * The library, newest first, optionally narrowed to images whose file name, credit, or alt text or
 * credit in any language contains `query` (case-insensitive in every script). `usage` is counted
 * per item by a correlated subquery.
 */
export async function listMediaLibrary(
  db: Db,
  page: { limit: number; offset: number; query?: string },
): Promise<{ items: MediaLibraryItem[]; total: number }> {
  const text = (page.query ?? '').trim().slice(0, MAX_MEDIA_QUERY_CHARS);
  const base = db.selectFrom('media').$if(text !== '', (q) =>
    q.where((eb) =>
      eb.or([
        containsText(db, 'media.file_name', text),
        containsText(db, 'media.credit', text),
        eb.exists(
          eb
            .selectFrom('media_texts')
            .select('media_texts.media_id')
            .whereRef('media_texts.media_id', '=', 'media.id')
            .where((inner) =>
              inner.or([
                containsText(db, 'media_texts.alt', text),
                containsText(db, 'media_texts.credit', text),
              ]),
            ),
        ),
      ]),
    ),
  );
  const [rows, count] = await Promise.all([
    base
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
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const texts = await loadMediaTexts(
    db,
    rows.map((row) => row.id),
  );
  return {
    total: Number(count.n),
    items: rows.map(({ usage, ...row }) => ({
      ...toMedia(row, texts.get(row.id)),
      usage: Number(usage ?? 0),
    })),
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

/** Replaces an image's texts in the given locales; a locale left with neither alt nor credit is removed. */
export async function saveMediaTexts(
  db: Db,
  mediaId: number,
  texts: Record<string, MediaText>,
  now: Date,
): Promise<void> {
  for (const [locale, text] of Object.entries(texts)) {
    await db.deleteFrom('media_texts').where('media_id', '=', mediaId).where('locale', '=', locale).execute();
    if (text.alt === '' && text.credit === '') continue;
    await db
      .insertInto('media_texts')
      .values({
        media_id: mediaId,
        locale,
        alt: text.alt,
        credit: text.credit,
        updated_at: now.toISOString(),
      })
      .execute();
  }
}

/** Records a JPEG file name per rendition width (the backfill for images from before JPEGs). */
export async function updateMediaRenditions(
  db: Db,
  id: number,
  renditions: Media['renditions'],
): Promise<void> {
  await db
    .updateTable('media')
    .set({ renditions: JSON.stringify(renditions) })
    .where('id', '=', id)
    .execute();
}
