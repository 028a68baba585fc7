import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import type { Media, MediaText } from './model.js';

/** Per-locale texts of the given images (all of them when `ids` is omitted), by media id. */
export async function loadMediaTexts(
  db: Kysely<Database>,
  ids?: number[],
): Promise<Map<number, Partial<Record<string, MediaText>>>> {
  const byMedia = new Map<number, Partial<Record<string, MediaText>>>();
  if (ids && ids.length === 0) return byMedia;
  let query = db.selectFrom('media_texts').select(['media_id', 'locale', 'alt', 'credit']);
  if (ids) query = query.where('media_id', 'in', ids);
  for (const row of await query.orderBy('media_id').orderBy('locale').execute()) {
    const texts = byMedia.get(row.media_id) ?? {};
    texts[row.locale] = { alt: row.alt, credit: row.credit };
    byMedia.set(row.media_id, texts);
  }
  return byMedia;
}

/** The image's own alt text in `locale`: a story's default when its variant has none. */
export function mediaAlt(media: Media | undefined, locale: string): string {
  return media?.texts?.[locale]?.alt ?? '';
}

/** The credit line in `locale`, else the image's language-neutral credit. */
export function mediaCredit(media: Media | undefined, locale: string): string {
  return media?.texts?.[locale]?.credit || media?.credit || '';
}

/** What a story shows as its hero's alt: the variant's own words, else the image's for its language. */
export function heroAltFor(variant: { heroAlt: string; locale: string }, media: Media | undefined): string {
  return variant.heroAlt.trim() ? variant.heroAlt : mediaAlt(media, variant.locale);
}
