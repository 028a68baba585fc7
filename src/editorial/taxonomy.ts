import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { DomainError } from '../platform/errors.js';
import {
  countStoriesInSection,
  deleteEntity as deleteEntityRow,
  deleteSection as deleteSectionRow,
  type Entity,
  findSiteSettings,
  listEntities,
  listSections,
  listStoryIdsTaggedWith,
  type Section,
  type SiteSettings,
  saveSiteSettings,
  upsertEntity,
  upsertSection,
} from '../stories/index.js';
import { assertCan } from './access.js';
import { valueOrThrow } from './fields.js';
import { type NamesOutcome, namesChanged } from './names.js';
import {
  checkEntity,
  checkSection,
  type EntityFields,
  formLocales,
  type SectionFields,
} from './taxonomy-rules.js';
import { recordedWrite } from './use-case.js';

// Sections and entities, one use case per thing a person does: save (create or edit) and delete.
// Each checks the actor's role, reads what its rules compare against, writes, and records its
// audit entry in one transaction, so the log never names a change that did not happen (nor the
// reverse); the Outcome it returns is for the surface to deliver once the transaction committed.

type Db = Kysely<Database>;

const MANAGE = { action: 'taxonomy.manage' } as const;

/** What a save did: the record's id and the outcome to deliver. */
export interface SavedRecord {
  id: number;
  created: boolean;
  outcome: NamesOutcome;
}

/** The saved site settings; the site cannot run without them, so neither can these writes. */
export async function siteSettingsOrThrow(db: Db): Promise<SiteSettings> {
  const settings = await findSiteSettings(db);
  if (!settings) throw new Error('The site has no settings: run `velocity seed` or `velocity import` first.');
  return settings;
}

function sectionOf(sections: Section[], id: number): Section {
  const section = sections.find((s) => s.id === id);
  if (!section) throw new DomainError('not-found', `No section #${id}.`);
  return section;
}

function entityOf(entities: Entity[], id: number): Entity {
  const entity = entities.find((e) => e.id === id);
  if (!entity) throw new DomainError('not-found', `No entity #${id}.`);
  return entity;
}

/**
 * Creates a section (no `id`) or edits one: its position, and its name, slug and description per
 * locale. The key of an existing section stays (stories and the navigation refer to it). Refused
 * fields throw InvalidFields with a message per field.
 */
export async function saveSection(
  db: Db,
  actor: Actor,
  request: { id?: number; fields: SectionFields },
  now: Date,
): Promise<SavedRecord> {
  assertCan(actor, MANAGE);
  return recordedWrite(db, async (trx) => {
    const [settings, sections] = await Promise.all([siteSettingsOrThrow(trx), listSections(trx)]);
    const editing = request.id === undefined ? undefined : sectionOf(sections, request.id);
    const input = valueOrThrow(
      checkSection(request.fields, {
        locales: formLocales(settings.locales, Object.keys(editing?.translations ?? {})),
        defaultLocale: settings.defaultLocale,
        sections,
        ...(editing ? { editing } : {}),
      }),
    );
    const id = await upsertSection(trx, input, now);
    await recordAudit(
      trx,
      {
        actor,
        action: 'section.save',
        subject: { kind: 'section', id },
        summary: input.key,
        details: { created: !editing, locales: Object.keys(input.translations) },
      },
      now,
    );
    return { id, created: !editing, outcome: namesChanged({ sectionIds: [id] }) };
  });
}

/** A section still holding stories; they must move to another section first. */
export class SectionInUse extends DomainError {
  constructor(
    key: string,
    readonly stories: number,
  ) {
    super('conflict', `Section ${key} still has ${stories} stories: move them to another section first.`, {
      code: 'section-in-use',
      stories,
    });
  }
}

/** Removes a section that holds no story, and takes it out of the site's navigation. */
export async function deleteSection(db: Db, actor: Actor, id: number, now: Date): Promise<NamesOutcome> {
  assertCan(actor, MANAGE);
  return recordedWrite(db, async (trx) => {
    const section = sectionOf(await listSections(trx), id);
    const stories = await countStoriesInSection(trx, id);
    if (stories > 0) throw new SectionInUse(section.key, stories);
    const settings = await siteSettingsOrThrow(trx);
    if (settings.navigation.includes(section.key)) {
      await saveSiteSettings(trx, {
        ...settings,
        navigation: settings.navigation.filter((key) => key !== section.key),
      });
    }
    await deleteSectionRow(trx, id);
    await recordAudit(
      trx,
      {
        actor,
        action: 'section.delete',
        subject: { kind: 'section', id },
        summary: section.key,
        details: { locales: Object.keys(section.translations) },
      },
      now,
    );
    return namesChanged({ sectionIds: [id] });
  });
}

/**
 * Creates an entity (no `id`) or edits one: its kind, and its name, aliases and description per
 * locale. The slug of an existing entity stays (it is its hub page's address). The stories
 * tagged with it show its name, so their pages are dropped too.
 */
export async function saveEntity(
  db: Db,
  actor: Actor,
  request: { id?: number; fields: EntityFields },
  now: Date,
): Promise<SavedRecord> {
  assertCan(actor, MANAGE);
  return recordedWrite(db, async (trx) => {
    const [settings, entities] = await Promise.all([
      siteSettingsOrThrow(trx),
      listEntities(trx, { proposed: 'include' }),
    ]);
    const editing = request.id === undefined ? undefined : entityOf(entities, request.id);
    const input = valueOrThrow(
      checkEntity(request.fields, {
        locales: formLocales(settings.locales, Object.keys(editing?.translations ?? {})),
        defaultLocale: settings.defaultLocale,
        entities,
        ...(editing ? { editing } : {}),
      }),
    );
    const id = await upsertEntity(trx, input, now);
    await recordAudit(
      trx,
      {
        actor,
        action: 'entity.save',
        subject: { kind: 'entity', id },
        summary: input.slug,
        details: {
          created: !editing,
          kind: input.kind,
          ...(editing && editing.kind !== input.kind ? { previousKind: editing.kind } : {}),
          locales: Object.keys(input.translations),
        },
      },
      now,
    );
    return { id, created: !editing, outcome: namesChanged({ entityIds: [id] }) };
  });
}

/** Removes an entity and its tags on stories; those stories' pages no longer list it. */
export async function deleteEntity(db: Db, actor: Actor, id: number, now: Date): Promise<NamesOutcome> {
  assertCan(actor, MANAGE);
  return recordedWrite(db, async (trx) => {
    const entity = entityOf(await listEntities(trx), id);
    const storyIds = await listStoryIdsTaggedWith(trx, id);
    await deleteEntityRow(trx, id);
    await recordAudit(
      trx,
      {
        actor,
        action: 'entity.delete',
        subject: { kind: 'entity', id },
        summary: entity.slug,
        details: { kind: entity.kind, untaggedStories: storyIds },
      },
      now,
    );
    return namesChanged({ entityIds: [id], storyIds });
  });
}
