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

/** The library narrowed to images whose file name, credit, or alt text or credit in any language contains `text`. */
function searchLibrary(db: Db, text: string) {
  return db.selectFrom('media').$if(text !== '', (q) =>
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
}

/**
 * The library, newest first, optionally narrowed to images whose file name, credit, or alt text or
 * credit in any language contains `query` (case-insensitive in every script). `usage` is counted
 * per item by a correlated subquery.
 */
export async function listMediaLibrary(
  db: Db,
  page: { limit: number; offset: number; query?: string },
): Promise<{ items: MediaLibraryItem[]; total: number }> {
  const base = searchLibrary(db, (page.query ?? '').trim().slice(0, MAX_MEDIA_QUERY_CHARS));
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

/** Where a page of the picker starts: below an id (older images) or above one (newer images). */
export type MediaCursor = { before: number } | { after: number };

/** A page of the picker, and the ids to page on from, when there is more that way. */
interface MediaPage {
  items: Media[];
  /** Pass as `before` for the next older page. */
  olderFrom?: number;
  /** Pass as `after` for the next newer page. */
  newerFrom?: number;
}

/**
 * One page of the (searched) library for the hero picker, newest first. Paged on the id (keyset)
 * rather than by offset, so an upload made while someone pages does not shift every later page by
 * one; one row more than the page is read to know whether another page follows that way, and
 * one `exists` looks the other way.
 */
export async function listMediaPage(
  db: Db,
  page: { limit: number; query?: string; cursor?: MediaCursor },
): Promise<MediaPage> {
  const base = searchLibrary(db, (page.query ?? '').trim().slice(0, MAX_MEDIA_QUERY_CHARS));
  const before = page.cursor && 'before' in page.cursor ? page.cursor.before : undefined;
  const after = page.cursor && 'after' in page.cursor ? page.cursor.after : undefined;
  let query = base.selectAll('media');
  if (before !== undefined) query = query.where('media.id', '<', before);
  if (after !== undefined) query = query.where('media.id', '>', after);
  const rows = await query
    .orderBy('media.id', after === undefined ? 'desc' : 'asc')
    .limit(page.limit + 1)
    .execute();
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  if (after !== undefined) shown.reverse();
  const first = shown[0];
  const last = shown.at(-1);
  const exists = async (op: '<' | '>', id: number) =>
    (await base.select('media.id').where('media.id', op, id).limit(1).executeTakeFirst()) !== undefined;
  // Paging newer, "more" is about newer images; the older side is looked up, and the other way round.
  const olderFrom = last && (after === undefined ? more : await exists('<', last.id)) ? last.id : undefined;
  const newerFrom =
    first && (after !== undefined ? more : before !== undefined && (await exists('>', first.id)))
      ? first.id
      : undefined;
  const texts = await loadMediaTexts(
    db,
    shown.map((row) => row.id),
  );
  return {
    items: shown.map((row) => toMedia(row, texts.get(row.id))),
    ...(olderFrom !== undefined ? { olderFrom } : {}),
    ...(newerFrom !== undefined ? { newerFrom } : {}),
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
