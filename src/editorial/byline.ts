import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { UnknownReference } from '../stories/index.js';
import { assertCan, type LoadedStory, variantOf } from './access.js';
import { InvalidInput } from './errors.js';
import { changeOfStory, NOTHING_PUBLIC, type Outcome } from './outcome.js';

type Db = Kysely<Database>;

export interface BylineChange {
  authorId: number | null;
  translatorId: number | null;
}

/** A credit names an active account; a disabled or unknown one is refused as an unknown reference. */
async function assertActivePerson(trx: Db, userId: number | null): Promise<void> {
  if (userId === null) return;
  const row = await trx
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new UnknownReference('user', String(userId));
}

/**
 * Who the variant's byline credits, inside the submit's transaction. Naming someone else is an
 * editor's decision (the publishing right); the source variant has no translator. Readers see the
 * change on the story's pages, and on every list showing it, once a variant is live.
 */
export async function bylineStep(
  trx: Db,
  actor: Actor,
  loaded: LoadedStory,
  locale: string,
  byline: BylineChange,
  now: Date,
): Promise<Outcome> {
  const { story } = loaded;
  const variant = variantOf(story, locale);
  if (!variant) return NOTHING_PUBLIC;
  const translatorId = locale === story.sourceLocale ? null : byline.translatorId;
  if (variant.authorId === byline.authorId && variant.translatorId === translatorId) return NOTHING_PUBLIC;
  assertCan(actor, { action: 'story.publish' });
  await assertActivePerson(trx, byline.authorId);
  await assertActivePerson(trx, translatorId);
  await trx
    .updateTable('story_variants')
    .set({ author_id: byline.authorId, translator_id: translatorId })
    .where('id', '=', variant.id)
    .execute();
  await recordAudit(
    trx,
    {
      actor,
      action: 'story.edit',
      subject: { kind: 'story', id: story.id },
      locale,
      summary: 'Byline',
      details: { authorId: byline.authorId, translatorId },
    },
    now,
  );
  return variant.status === 'published' ? { change: changeOfStory(story), events: [] } : NOTHING_PUBLIC;
}

/**
 * The byline fields of an Admin API save, after its text step in the same transaction: a field left
 * out keeps what is stored. Unlike the editor's form, which has no translator field on the source
 * variant, a caller naming one there is told so rather than silently ignored.
 */
export async function bylineFieldsStep(
  trx: Db,
  actor: Actor,
  loaded: LoadedStory,
  locale: string,
  fields: { authorId?: number | null | undefined; translatorId?: number | null | undefined },
  now: Date,
): Promise<Outcome> {
  if (fields.authorId === undefined && fields.translatorId === undefined) return NOTHING_PUBLIC;
  if (locale === loaded.story.sourceLocale && fields.translatorId != null)
    throw new InvalidInput([{ path: 'translatorId', message: 'the source variant has no translator' }]);
  const variant = variantOf(loaded.story, locale);
  const byline = {
    authorId: fields.authorId === undefined ? (variant?.authorId ?? null) : fields.authorId,
    translatorId: fields.translatorId === undefined ? (variant?.translatorId ?? null) : fields.translatorId,
  };
  return bylineStep(trx, actor, loaded, locale, byline, now);
}
