import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Actor, recordAudit } from '../accounts/index.js';
import { type Profile, slugTakenByOther, writeProfile } from '../people/index.js';
import type { Database } from '../platform/database/index.js';
import { InvalidInput, NotAllowed } from './errors.js';
import { type NamesOutcome, namesChanged } from './names.js';
import { parseInput } from './schema.js';
import { recordedWrite } from './use-case.js';

type Db = Kysely<Database>;

/** Lower-case ASCII words joined by hyphens: an address that reads the same in every language. */
const PROFILE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const BIO_MAX = 2000;

export const ProfileSchema = z.object({
  userId: z.number().int().positive(),
  slug: z.string().trim().toLowerCase().max(60).regex(PROFILE_SLUG).nullable(),
  avatarMediaId: z.number().int().positive().nullable(),
  isPublic: z.boolean(),
  bios: z.record(z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/), z.string().max(BIO_MAX)),
});

export type ProfileInput = z.input<typeof ProfileSchema>;

/** A person edits their own profile; editors and owners edit anyone's. */
export function mayEditProfile(actor: Actor, userId: number): boolean {
  return actor.id === userId || actor.role === 'owner' || actor.role === 'editor';
}

/**
 * Saves a person's public profile in one transaction. A public profile needs an address, taken by
 * no one else; the avatar must be in the media library. The name shows in bylines on every page,
 * so the outcome drops every cached page, as a change of names does.
 */
export async function saveProfile(
  db: Db,
  actor: Actor,
  input: ProfileInput,
  options: { now: Date; locales: readonly string[] },
): Promise<NamesOutcome> {
  const parsed = parseInput(ProfileSchema, input);
  if (!mayEditProfile(actor, parsed.userId)) throw new NotAllowed('profile.edit');
  const unknownLocale = Object.keys(parsed.bios).find((locale) => !options.locales.includes(locale));
  if (unknownLocale)
    throw new InvalidInput([{ path: `bios.${unknownLocale}`, message: 'not a site language' }]);
  if (parsed.isPublic && !parsed.slug)
    throw new InvalidInput([{ path: 'slug', message: 'a public profile needs an address' }]);
  return recordedWrite(db, async (trx) => {
    if (parsed.slug && (await slugTakenByOther(trx, parsed.slug, parsed.userId)))
      throw new InvalidInput([{ path: 'slug', message: 'taken' }]);
    if (parsed.avatarMediaId !== null) {
      const media = await trx
        .selectFrom('media')
        .select('id')
        .where('id', '=', parsed.avatarMediaId)
        .executeTakeFirst();
      if (!media) throw new InvalidInput([{ path: 'avatarMediaId', message: 'not in the media library' }]);
    }
    const profile: Profile = { ...parsed, bios: parsed.bios };
    await writeProfile(trx, profile, options.now);
    await recordAudit(
      trx,
      {
        actor,
        action: 'user.update',
        subject: { kind: 'user', id: parsed.userId },
        summary: 'Public profile',
        details: { slug: parsed.slug, isPublic: parsed.isPublic, locales: Object.keys(parsed.bios) },
      },
      options.now,
    );
    return namesChanged({});
  });
}
