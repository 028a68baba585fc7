import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import { DomainError } from '../platform/errors.js';
import { StoryNotFound, UnknownReference } from './errors.js';
import {
  deleteStoryRow,
  findStory,
  insertVariant,
  setStoryEntities,
  setStorySources,
  updateStory,
  updateVariant,
} from './queries/stories.js';
import { listEntities, listMedia, listSections } from './queries/taxonomy.js';
import {
  type ContentChange,
  changeOf,
  findFreeSlug,
  inTransaction,
  mergeChanges,
  renderVariant,
  writingSlug,
} from './save.js';
import type { FaqItem, SourceInput } from './types.js';

// Store writes of the editorial workflow: a new locale variant on an existing story, the story's
// own details, the translation mark, and removal. Each keeps the rules of save.ts (rendering,
// unique slugs) and joins the caller's transaction when it has one.

type Db = Kysely<Database>;

export interface NewVariantInput {
  locale: string;
  title: string;
  /** Derived from the title when absent; made unique within the locale. */
  slug?: string | undefined;
  summary: string;
  body: string;
  faq: FaqItem[];
  heroAlt: string;
  /** The source variant's revision this translation was made from; null for the source itself. */
  translatedFromRevision: number | null;
}

/** Adds a draft variant (revision 1) in a locale the story does not have yet. */
export async function addVariant(
  db: Db,
  storyId: number,
  input: NewVariantInput,
  now: Date,
): Promise<{ variantId: number; change: ContentChange }> {
  return inTransaction(db, async (trx) => {
    const story = await findStory(trx, storyId);
    if (!story) throw new StoryNotFound(`story ${storyId}`);
    if (story.variants.some((v) => v.locale === input.locale)) {
      throw new DomainError('conflict', `Story ${storyId} already has a ${input.locale} variant.`);
    }
    const slug = await findFreeSlug(trx, input.locale, input.slug || input.title);
    const rendered = await renderVariant(trx, input);
    const variantId = await writingSlug(input.locale, slug, () =>
      insertVariant(trx, {
        story_id: storyId,
        locale: input.locale,
        title: input.title,
        slug,
        summary: input.summary,
        body_markdown: input.body,
        body_html: rendered.bodyHtml,
        faq: JSON.stringify(input.faq),
        faq_html: rendered.faqHtml,
        reading_minutes: rendered.readingMinutes,
        hero_alt: input.heroAlt,
        status: 'draft',
        revision: 1,
        updated_at: now.toISOString(),
        translated_from_revision: input.translatedFromRevision,
      }),
    );
    await updateStory(trx, storyId, { updatedAt: now.toISOString() });
    return { variantId, change: changeOf(story) };
  });
}

export interface StoryDetailChanges {
  /** Section key. */
  section?: string | undefined;
  /** Entity slugs, in display order. */
  entities?: string[] | undefined;
  sources?: SourceInput[] | undefined;
  /** A media library id, or null for no hero image. */
  heroMediaId?: number | null | undefined;
}

/**
 * Changes a story's section, entity tags, sources and hero image; fields left undefined stay.
 * The change names the old and the new section and entities, so both lists drop their pages.
 */
export async function editStory(
  db: Db,
  storyId: number,
  changes: StoryDetailChanges,
  now: Date,
): Promise<ContentChange> {
  return inTransaction(db, async (trx) => {
    const story = await findStory(trx, storyId);
    if (!story) throw new StoryNotFound(`story ${storyId}`);
    let sectionId: number | undefined;
    if (changes.section !== undefined) {
      const section = (await listSections(trx)).find((s) => s.key === changes.section);
      if (!section) throw new UnknownReference('section', changes.section);
      sectionId = section.id;
    }
    let entityIds: number[] = [];
    if (changes.entities !== undefined) {
      const entities = await listEntities(trx);
      entityIds = changes.entities.map((slug) => {
        const entity = entities.find((e) => e.slug === slug);
        if (!entity) throw new UnknownReference('entity', slug);
        return entity.id;
      });
      await setStoryEntities(trx, storyId, entityIds);
    }
    if (changes.heroMediaId !== undefined && changes.heroMediaId !== null) {
      const id = changes.heroMediaId;
      if (!(await listMedia(trx)).some((m) => m.id === id)) throw new UnknownReference('media', String(id));
    }
    if (changes.sources !== undefined) await setStorySources(trx, storyId, changes.sources);
    await updateStory(trx, storyId, {
      ...(sectionId === undefined ? {} : { sectionId }),
      ...(changes.heroMediaId === undefined ? {} : { heroMediaId: changes.heroMediaId }),
      updatedAt: now.toISOString(),
    });
    return mergeChanges([
      changeOf(story),
      { storyIds: [], sectionIds: sectionId === undefined ? [] : [sectionId], entityIds },
    ]);
  });
}

/** Records that a translation reflects `revision` of the story's source variant. */
export async function setTranslatedFromRevision(
  db: Db,
  storyId: number,
  locale: string,
  revision: number,
): Promise<void> {
  const story = await findStory(db, storyId);
  const variant = story?.variants.find((v) => v.locale === locale);
  if (!story || !variant) throw new StoryNotFound(`story ${storyId} in ${locale}`);
  await updateVariant(db, variant.id, { translated_from_revision: revision });
}

/**
 * Deletes a story: its variants, tags, source links, redirects, shares, revisions and preview
 * links go with it (foreign keys cascade). Returns what readers could see of it.
 */
export async function removeStory(db: Db, storyId: number): Promise<ContentChange> {
  return inTransaction(db, async (trx) => {
    const story = await findStory(trx, storyId);
    if (!story) throw new StoryNotFound(`story ${storyId}`);
    await deleteStoryRow(trx, storyId);
    return changeOf(story);
  });
}
