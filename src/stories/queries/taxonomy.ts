import type { Kysely } from 'kysely';
import type { Database, EntityKind } from '../../platform/database/index.js';
import { loadMediaTexts } from '../media-text.js';
import type { Entity, Media, Section } from '../model.js';
import type {
  EntityInput,
  LocalizedEntity,
  LocalizedSection,
  MediaInput,
  SectionInput,
  SiteSettings,
} from '../types.js';

type Db = Kysely<Database>;

const SITE_SETTINGS_KEY = 'site';

export async function findSiteSettings(db: Db): Promise<SiteSettings | undefined> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', SITE_SETTINGS_KEY)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as SiteSettings) : undefined;
}

export async function saveSiteSettings(db: Db, settings: SiteSettings): Promise<void> {
  const value = JSON.stringify(settings);
  await db
    .insertInto('settings')
    .values({ key: SITE_SETTINGS_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Creates the section, or replaces its translations when the key exists. */
export async function upsertSection(db: Db, input: SectionInput, now: Date): Promise<number> {
  const existing = await db
    .selectFrom('sections')
    .select('id')
    .where('key', '=', input.key)
    .executeTakeFirst();
  const id =
    existing?.id ??
    (
      await db
        .insertInto('sections')
        .values({ key: input.key, position: input.position, created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  if (existing)
    await db.updateTable('sections').set({ position: input.position }).where('id', '=', id).execute();
  await db.deleteFrom('section_translations').where('section_id', '=', id).execute();
  const rows = Object.entries(input.translations).map(([locale, t]) => ({ section_id: id, locale, ...t }));
  if (rows.length > 0) await db.insertInto('section_translations').values(rows).execute();
  return id;
}

export async function listSections(db: Db): Promise<Section[]> {
  const [sections, translations] = await Promise.all([
    db.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute(),
    db.selectFrom('section_translations').selectAll().execute(),
  ]);
  return sections.map((s) => ({
    id: s.id,
    key: s.key,
    position: s.position,
    translations: Object.fromEntries(
      translations
        .filter((t) => t.section_id === s.id)
        .map((t): [string, LocalizedSection] => [
          t.locale,
          { name: t.name, slug: t.slug, description: t.description },
        ]),
    ),
  }));
}

/** Creates the entity, or replaces its kind and translations when the slug exists. */
export async function upsertEntity(db: Db, input: EntityInput, now: Date): Promise<number> {
  const existing = await db
    .selectFrom('entities')
    .select('id')
    .where('slug', '=', input.slug)
    .executeTakeFirst();
  const id =
    existing?.id ??
    (
      await db
        .insertInto('entities')
        .values({ kind: input.kind, slug: input.slug, created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  if (existing) await db.updateTable('entities').set({ kind: input.kind }).where('id', '=', id).execute();
  await db.deleteFrom('entity_translations').where('entity_id', '=', id).execute();
  const rows = Object.entries(input.translations).map(([locale, t]) => ({
    entity_id: id,
    locale,
    name: t.name,
    aliases: JSON.stringify(t.aliases),
    description: t.description,
  }));
  if (rows.length > 0) await db.insertInto('entity_translations').values(rows).execute();
  return id;
}

/**
 * Approved entities, what readers and the desk may see. The newsroom, where proposals are tagged on
 * stories and reviewed, asks for `{ proposed: 'include' }`.
 */
export async function listEntities(db: Db, options: { proposed?: 'include' } = {}): Promise<Entity[]> {
  const approvedOnly = options.proposed !== 'include';
  const [entities, translations] = await Promise.all([
    db
      .selectFrom('entities')
      .selectAll()
      .$if(approvedOnly, (q) => q.where('status', '=', 'approved'))
      .orderBy('slug')
      .execute(),
    db.selectFrom('entity_translations').selectAll().execute(),
  ]);
  return entities.map((e) => ({
    id: e.id,
    kind: e.kind as EntityKind,
    slug: e.slug,
    ...(e.status === 'proposed' ? { proposed: true as const } : {}),
    translations: Object.fromEntries(
      translations
        .filter((t) => t.entity_id === e.id)
        .map((t): [string, LocalizedEntity] => [
          t.locale,
          { name: t.name, aliases: JSON.parse(t.aliases) as string[], description: t.description },
        ]),
    ),
  }));
}

export async function insertMedia(db: Db, input: MediaInput, now: Date): Promise<number> {
  const existing = await db
    .selectFrom('media')
    .select('id')
    .where('file_name', '=', input.fileName)
    .executeTakeFirst();
  if (existing) return existing.id;
  const row = await db
    .insertInto('media')
    .values({
      file_name: input.fileName,
      mime_type: input.mimeType,
      width: input.width,
      height: input.height,
      renditions: JSON.stringify(input.renditions),
      credit: input.credit,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listMedia(db: Db): Promise<Media[]> {
  const [rows, texts] = await Promise.all([
    db.selectFrom('media').selectAll().orderBy('id').execute(),
    loadMediaTexts(db),
  ]);
  return rows.map((m) => ({
    id: m.id,
    fileName: m.file_name,
    mimeType: m.mime_type,
    width: m.width,
    height: m.height,
    renditions: JSON.parse(m.renditions) as Media['renditions'],
    credit: m.credit,
    createdAt: m.created_at,
    texts: texts.get(m.id) ?? {},
  }));
}

/** How many stories are in the section (a section with stories cannot be removed). */
export async function countStoriesInSection(db: Db, sectionId: number): Promise<number> {
  const row = await db
    .selectFrom('stories')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('section_id', '=', sectionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Removes a section and its translations; the caller has checked that no story is in it. */
export async function deleteSection(db: Db, sectionId: number): Promise<void> {
  await db.deleteFrom('sections').where('id', '=', sectionId).execute();
}

/** The stories tagged with the entity. */
export async function listStoryIdsTaggedWith(db: Db, entityId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('story_entities')
    .select('story_id')
    .where('entity_id', '=', entityId)
    .orderBy('story_id')
    .execute();
  return rows.map((row) => row.story_id);
}

/** Removes an entity with its translations and its tags on stories (the foreign keys cascade). */
export async function deleteEntity(db: Db, entityId: number): Promise<void> {
  await db.deleteFrom('entities').where('id', '=', entityId).execute();
}
