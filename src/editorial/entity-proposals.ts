import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../accounts/index.js';
import type { Database, EntityKind } from '../platform/database/index.js';
import { DomainError } from '../platform/errors.js';
import {
  deleteEntity as deleteEntityRow,
  type Entity,
  entitySlugTaken,
  insertProposedEntity,
  listEntities,
  listStoryIdsTaggedWith,
  markEntityApproved,
  moveEntityTags,
  slugify,
  uniqueSlug,
} from '../stories/index.js';
import { assertCan } from './access.js';
import { type NamesOutcome, namesChanged } from './names.js';
import type { Outcome } from './outcome.js';
import { recordedWrite } from './use-case.js';

// An author who names an entity the newsroom does not know yet proposes it: the story keeps the tag,
// the site keeps it hidden, and an editor approves it (readers see it from then on), merges it into
// an entity that already exists (the tags move there), or rejects it (the tags go).

type Db = Kysely<Database>;

const REVIEW = { action: 'taxonomy.manage' } as const;

/** The kind a proposal starts with; the editor picks the right one when approving. */
const PROPOSED_KIND: EntityKind = 'topic';

export const MAX_PROPOSED_NAME_CHARS = 120;

const folded = (text: string) => text.normalize('NFKC').trim().toLocaleLowerCase();

/** An entity (approved or proposed) that already answers to this name, slug or alias. */
export function entityNamed(entities: Entity[], name: string): Entity | undefined {
  const wanted = folded(name);
  if (wanted === '') return undefined;
  return entities.find(
    (e) =>
      folded(e.slug) === wanted ||
      Object.values(e.translations).some(
        (t) => folded(t.name) === wanted || t.aliases.some((a) => folded(a) === wanted),
      ),
  );
}

/**
 * Inside a story save's transaction: each typed name becomes the slug of the entity that answers to
 * it, or of a new proposal by `actor` in `locale`. Two authors typing the same new name share one
 * proposal. Returns slugs in the order typed.
 */
export async function proposeEntitiesStep(
  trx: Db,
  actor: Actor,
  request: { names: string[]; locale: string; storyId: number },
  now: Date,
): Promise<string[]> {
  if (request.names.length === 0) return [];
  const entities = await listEntities(trx, { proposed: 'include' });
  const slugs: string[] = [];
  for (const raw of request.names) {
    const name = raw.trim().slice(0, MAX_PROPOSED_NAME_CHARS);
    if (name === '') continue;
    const known = entityNamed(entities, name);
    if (known) {
      slugs.push(known.slug);
      continue;
    }
    const slug = await uniqueSlug(slugify(name, request.locale), (s) => entitySlugTaken(trx, s));
    const id = await insertProposedEntity(
      trx,
      { slug, kind: PROPOSED_KIND, locale: request.locale, name, proposedBy: actor.id },
      now,
    );
    entities.push({
      id,
      slug,
      kind: PROPOSED_KIND,
      proposed: true,
      translations: { [request.locale]: { name, aliases: [], description: '' } },
    });
    await recordAudit(
      trx,
      {
        actor,
        action: 'entity.propose',
        subject: { kind: 'entity', id },
        summary: slug,
        details: { name, locale: request.locale, storyId: request.storyId },
      },
      now,
    );
    slugs.push(slug);
  }
  return slugs;
}

async function proposalOf(trx: Db, id: number): Promise<{ proposal: Entity; entities: Entity[] }> {
  const entities = await listEntities(trx, { proposed: 'include' });
  const proposal = entities.find((e) => e.id === id);
  if (!proposal) throw new DomainError('not-found', `No entity #${id}.`);
  if (!proposal.proposed) {
    throw new DomainError('conflict', `Entity ${proposal.slug} is not a proposal (anymore).`, {
      code: 'entity-not-proposed',
    });
  }
  return { proposal, entities };
}

/** Approves a proposal as an entity of `kind`: its hub, its tags and its name go public. */
export async function approveEntity(
  db: Db,
  actor: Actor,
  request: { id: number; kind: EntityKind },
  now: Date,
): Promise<NamesOutcome> {
  assertCan(actor, REVIEW);
  return recordedWrite(db, async (trx) => {
    const { proposal } = await proposalOf(trx, request.id);
    await markEntityApproved(trx, proposal.id, request.kind);
    const storyIds = await listStoryIdsTaggedWith(trx, proposal.id);
    await recordAudit(
      trx,
      {
        actor,
        action: 'entity.approve',
        subject: { kind: 'entity', id: proposal.id },
        summary: proposal.slug,
        details: { kind: request.kind, stories: storyIds },
      },
      now,
    );
    return namesChanged({ entityIds: [proposal.id], storyIds });
  });
}

/**
 * Merges a proposal into an approved entity: the stories tagged with the proposal are tagged with
 * the entity instead, the proposal's name is kept as an alias (so the next author finds it), and
 * the proposal goes.
 */
export async function mergeEntityProposal(
  db: Db,
  actor: Actor,
  request: { id: number; intoSlug: string },
  now: Date,
): Promise<NamesOutcome> {
  assertCan(actor, REVIEW);
  return recordedWrite(db, async (trx) => {
    const { proposal, entities } = await proposalOf(trx, request.id);
    const target = entities.find((e) => e.slug === request.intoSlug && !e.proposed);
    if (!target) {
      throw new DomainError('invalid', `No approved entity ${request.intoSlug} to merge into.`, {
        code: 'merge-target-unknown',
      });
    }
    const storyIds = await moveEntityTags(trx, proposal.id, target.id);
    await addAliases(trx, target, proposal);
    await deleteEntityRow(trx, proposal.id);
    await recordAudit(
      trx,
      {
        actor,
        action: 'entity.merge',
        subject: { kind: 'entity', id: target.id },
        summary: `${proposal.slug} → ${target.slug}`,
        details: { proposal: proposal.slug, into: target.slug, stories: storyIds },
      },
      now,
    );
    return namesChanged({ entityIds: [target.id], storyIds });
  });
}

async function addAliases(trx: Db, target: Entity, proposal: Entity): Promise<void> {
  for (const [locale, { name }] of Object.entries(proposal.translations)) {
    const existing = target.translations[locale];
    if (!existing) {
      await trx
        .insertInto('entity_translations')
        .values({ entity_id: target.id, locale, name, aliases: '[]', description: '' })
        .execute();
      continue;
    }
    if (entityNamed([target], name)) continue;
    await trx
      .updateTable('entity_translations')
      .set({ aliases: JSON.stringify([...existing.aliases, name]) })
      .where('entity_id', '=', target.id)
      .where('locale', '=', locale)
      .execute();
  }
}

/** Rejects a proposal: it and its tags go; the stories keep everything else. */
export async function rejectEntityProposal(db: Db, actor: Actor, id: number, now: Date): Promise<Outcome> {
  assertCan(actor, REVIEW);
  return recordedWrite(db, async (trx) => {
    const { proposal } = await proposalOf(trx, id);
    const storyIds = await listStoryIdsTaggedWith(trx, proposal.id);
    await deleteEntityRow(trx, proposal.id);
    await recordAudit(
      trx,
      {
        actor,
        action: 'entity.reject',
        subject: { kind: 'entity', id: proposal.id },
        summary: proposal.slug,
        details: { names: proposal.translations, untaggedStories: storyIds },
      },
      now,
    );
    // Never public, so no page changes; the newsroom's names are read per request.
    return { change: null, events: [] };
  });
}
