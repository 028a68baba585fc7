import type { Kysely } from 'kysely';
import type { Database, EntityKind } from '../../platform/database/index.js';

type Db = Kysely<Database>;

/** An entity an author named while writing, waiting for an editor. */
export interface EntityProposal {
  id: number;
  slug: string;
  kind: EntityKind;
  /** The name as typed, per locale it was typed in. */
  names: Record<string, string>;
  proposedAt: string;
  proposedBy: { id: number; displayName: string } | null;
  /** Stories tagged with it (a few, by id), for the reviewer to see where it is used. */
  storyIds: number[];
}

/** Stores a proposed entity with its one name, in the locale the author wrote it in. */
export async function insertProposedEntity(
  db: Db,
  proposal: { slug: string; kind: EntityKind; locale: string; name: string; proposedBy: number | null },
  now: Date,
): Promise<number> {
  const { id } = await db
    .insertInto('entities')
    .values({
      kind: proposal.kind,
      slug: proposal.slug,
      created_at: now.toISOString(),
      status: 'proposed',
      proposed_by: proposal.proposedBy,
      proposed_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('entity_translations')
    .values({ entity_id: id, locale: proposal.locale, name: proposal.name, aliases: '[]', description: '' })
    .execute();
  return id;
}

/** Whether a slug is taken by any entity, proposed or approved. */
export async function entitySlugTaken(db: Db, slug: string): Promise<boolean> {
  const row = await db.selectFrom('entities').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

/** The oldest proposals first (they have waited longest), at most `limit`, and how many wait in all. */
export async function listEntityProposals(
  db: Db,
  limit: number,
): Promise<{ proposals: EntityProposal[]; total: number }> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('entities')
      .leftJoin('users', 'users.id', 'entities.proposed_by')
      .select([
        'entities.id',
        'entities.slug',
        'entities.kind',
        'entities.proposed_at',
        'users.id as user_id',
        'users.display_name',
      ])
      .where('entities.status', '=', 'proposed')
      .orderBy('entities.proposed_at')
      .orderBy('entities.id')
      .limit(limit)
      .execute(),
    db
      .selectFrom('entities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'proposed')
      .executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const [names, tags] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectFrom('entity_translations')
            .select(['entity_id', 'locale', 'name'])
            .where('entity_id', 'in', ids)
            .execute(),
          db
            .selectFrom('story_entities')
            .select(['entity_id', 'story_id'])
            .where('entity_id', 'in', ids)
            .orderBy('story_id', 'desc')
            .execute(),
        ]);
  return {
    total: Number(count.n),
    proposals: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      kind: r.kind as EntityKind,
      names: Object.fromEntries(names.filter((n) => n.entity_id === r.id).map((n) => [n.locale, n.name])),
      proposedAt: r.proposed_at ?? '',
      proposedBy: r.user_id === null ? null : { id: r.user_id, displayName: r.display_name ?? '' },
      storyIds: tags.filter((t) => t.entity_id === r.id).map((t) => t.story_id),
    })),
  };
}

/** Makes a proposal an ordinary entity (of the kind the editor chose): readers see it from now on. */
export async function markEntityApproved(db: Db, id: number, kind: EntityKind): Promise<void> {
  await db.updateTable('entities').set({ status: 'approved', kind }).where('id', '=', id).execute();
}

/**
 * Moves every story tag of entity `fromId` to `intoId` (a story tagged with both keeps one tag,
 * in the place of its existing one); the emptied proposal is removed by the caller.
 */
export async function moveEntityTags(db: Db, fromId: number, intoId: number): Promise<number[]> {
  const tags = await db
    .selectFrom('story_entities')
    .select(['story_id', 'position', 'first_published_at'])
    .where('entity_id', '=', fromId)
    .execute();
  const already = new Set(
    (
      await db
        .selectFrom('story_entities')
        .select('story_id')
        .where('entity_id', '=', intoId)
        .where('story_id', 'in', tags.length === 0 ? [-1] : tags.map((t) => t.story_id))
        .execute()
    ).map((r) => r.story_id),
  );
  const moving = tags.filter((t) => !already.has(t.story_id));
  if (moving.length > 0) {
    await db
      .insertInto('story_entities')
      .values(moving.map((t) => ({ ...t, entity_id: intoId })))
      .execute();
  }
  await db.deleteFrom('story_entities').where('entity_id', '=', fromId).execute();
  return tags.map((t) => t.story_id);
}
