import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/database/index.js';
import type { Locale } from '../platform/locale.js';

type Db = Kysely<Database>;

/** What the site shows of a person: never their email or role. */
export interface PublicPerson {
  id: number;
  name: string;
  /** Null when the person has no author page (not public, or no address chosen). */
  slug: string | null;
  avatarMediaId: number | null;
  /** Bio per locale, Markdown-free plain text. */
  bios: Record<Locale, string>;
}

/** A person's profile as they edit it in the admin. */
export interface Profile {
  userId: number;
  slug: string | null;
  avatarMediaId: number | null;
  isPublic: boolean;
  bios: Record<Locale, string>;
}

async function biosOf(db: Db, userIds: number[]): Promise<Map<number, Record<Locale, string>>> {
  const bios = new Map<number, Record<Locale, string>>();
  if (userIds.length === 0) return bios;
  const rows = await db
    .selectFrom('user_profiles')
    .select(['user_id', 'locale', 'bio'])
    .where('user_id', 'in', userIds)
    .execute();
  for (const row of rows) bios.set(row.user_id, { ...bios.get(row.user_id), [row.locale]: row.bio });
  return bios;
}

/**
 * The people a set of bylines names, as readers see them: a person who is not public, or has no
 * address, is named without a link. Disabled accounts keep their name on what they wrote.
 */
export async function findBylinePeople(db: Db, userIds: number[]): Promise<Map<number, PublicPerson>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'profile_slug', 'profile_public', 'avatar_media_id', 'disabled_at'])
    .where('id', 'in', ids)
    .execute();
  // Someone without a display name is not credited by name: their email must never show.
  return new Map(
    rows
      .filter((row) => row.display_name.trim() !== '')
      .map((row) => [
        row.id,
        {
          id: row.id,
          name: row.display_name,
          slug: row.profile_public === 1 && row.disabled_at === null ? row.profile_slug : null,
          avatarMediaId: row.avatar_media_id,
          bios: {},
        },
      ]),
  );
}

/** The public person at an author page's address; undefined for unknown, private or disabled ones. */
export async function findPublicPersonBySlug(db: Db, slug: string): Promise<PublicPerson | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'profile_slug', 'avatar_media_id'])
    .where('profile_slug', '=', slug)
    .where('display_name', '!=', '')
    .where('profile_public', '=', 1)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const bios = await biosOf(db, [row.id]);
  return {
    id: row.id,
    name: row.display_name,
    slug: row.profile_slug,
    avatarMediaId: row.avatar_media_id,
    bios: bios.get(row.id) ?? {},
  };
}

/** Every author page, for the sitemap: public people with an address. */
export async function listPublicPeople(db: Db): Promise<{ id: number; slug: string }[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'profile_slug'])
    .where('profile_public', '=', 1)
    .where('profile_slug', 'is not', null)
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.flatMap((row) => (row.profile_slug ? [{ id: row.id, slug: row.profile_slug }] : []));
}

export async function findProfile(db: Db, userId: number): Promise<Profile | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'profile_slug', 'avatar_media_id', 'profile_public'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  const bios = await biosOf(db, [row.id]);
  return {
    userId: row.id,
    slug: row.profile_slug,
    avatarMediaId: row.avatar_media_id,
    isPublic: row.profile_public === 1,
    bios: bios.get(row.id) ?? {},
  };
}

/** Writes a profile: the user row's fields, and one bio row per locale (an empty bio removes it). */
export async function writeProfile(db: Db, profile: Profile, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({
      profile_slug: profile.slug,
      avatar_media_id: profile.avatarMediaId,
      profile_public: profile.isPublic ? 1 : 0,
      updated_at: now.toISOString(),
    })
    .where('id', '=', profile.userId)
    .execute();
  await db.deleteFrom('user_profiles').where('user_id', '=', profile.userId).execute();
  const rows = Object.entries(profile.bios)
    .filter(([, bio]) => bio.trim() !== '')
    .map(([locale, bio]) => ({ user_id: profile.userId, locale, bio }));
  if (rows.length > 0) await db.insertInto('user_profiles').values(rows).execute();
}

/** True when another person already uses the address. */
export async function slugTakenByOther(db: Db, slug: string, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('profile_slug', '=', slug)
    .where('id', '!=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface AuthorCursor {
  firstPublishedAt: string;
  storyId: number;
}

/**
 * One page of the stories a person wrote or translated that are live in `locale`, newest first,
 * by the lists' keyset (first publication, then story id): `before` for an older page, `after`
 * (nearest first) for reading up to the newer one.
 */
export async function listAuthorStories(
  db: Db,
  filter: { userId: number; locale: string; limit: number; before?: AuthorCursor; after?: AuthorCursor },
): Promise<{ storyId: number; firstPublishedAt: string }[]> {
  const at = sql.ref('stories.first_published_at');
  const id = sql.ref('stories.id');
  let query = db
    .selectFrom('stories')
    .select(['stories.id as story_id', 'stories.first_published_at as first_published_at'])
    .where('stories.first_published_at', 'is not', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('story_variants')
          .select('story_variants.id')
          .whereRef('story_variants.story_id', '=', 'stories.id')
          .where('story_variants.locale', '=', filter.locale)
          .where('story_variants.status', '=', 'published')
          .where((inner) =>
            inner.or([
              inner('story_variants.author_id', '=', filter.userId),
              inner('story_variants.translator_id', '=', filter.userId),
            ]),
          ),
      ),
    );
  if (filter.before) {
    const { firstPublishedAt, storyId } = filter.before;
    query = query.where(sql<boolean>`(${at}, ${id}) < (${firstPublishedAt}, ${storyId})`);
  }
  if (filter.after) {
    const { firstPublishedAt, storyId } = filter.after;
    query = query.where(sql<boolean>`(${at}, ${id}) > (${firstPublishedAt}, ${storyId})`);
  }
  const direction = filter.after ? 'asc' : 'desc';
  const rows = await query
    .orderBy('stories.first_published_at', direction)
    .orderBy('stories.id', direction)
    .limit(filter.limit)
    .execute();
  return rows.map((r) => ({ storyId: r.story_id, firstPublishedAt: r.first_published_at ?? '' }));
}
