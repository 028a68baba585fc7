import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/index.js';
import {
  type ContentChange,
  deleteStoryRow,
  insertVariant,
  listEntities,
  listMedia,
  listSections,
  loadPinyin,
  type SourceInput,
  type Story,
  setStoryEntities,
  setStorySources,
  suggestAsciiSlug,
  UnknownReference,
  updateStory,
} from '../../stories/index.js';
import { changeOfStory, mergeChanges } from '../outcome.js';
import { findFreeSlug, renderVariant, writingSlug } from './render.js';
import type { VariantText } from './variants.js';

// The row writes of a story as a whole: a new locale variant, the story's own details, removal.
// They run inside a use case's transaction, with the rules of render.ts.

type Db = Kysely<Database>;

export interface NewVariantInput extends VariantText {
  locale: string;
  /** The source variant's revision this translation was made from; null for the source itself. */
  translatedFromRevision: number | null;
  /** The byline's writer and translator (users); absent leaves the credit empty. */
  authorId?: number | null;
  translatorId?: number | null;
}

/**
 * What a new variant's slug is made from when the editor gave none: its title, except that a
 * Chinese title gets a short ASCII slug (the English title, else pinyin) instead of a long
 * percent-encoded address. Slugs already stored are never recomputed.
 */
async function defaultSlugSource(story: Story, input: NewVariantInput): Promise<string> {
  if (!/^zh(?:-|$)/i.test(input.locale)) return input.title;
  const suggestion = suggestAsciiSlug({
    title: input.title,
    otherTitles: story.variants,
    pinyin: await loadPinyin(),
  });
  return suggestion ?? input.title;
}

/** Adds a draft variant (revision 1) in a locale the story does not have yet; returns its slug. */
export async function insertNewVariant(
  trx: Db,
  story: Story,
  input: NewVariantInput,
  now: Date,
): Promise<string> {
  const slug = await findFreeSlug(trx, input.locale, input.slug || (await defaultSlugSource(story, input)));
  const rendered = await renderVariant(trx, input);
  await writingSlug(input.locale, slug, () =>
    insertVariant(trx, {
      story_id: story.id,
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
      author_id: input.authorId ?? null,
      translator_id: input.translatorId ?? null,
    }),
  );
  await updateStory(trx, story.id, { updatedAt: now.toISOString() });
  return slug;
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
export async function writeStoryDetails(
  trx: Db,
  story: Story,
  changes: StoryDetailChanges,
  now: Date,
): Promise<ContentChange> {
  let sectionId: number | undefined;
  if (changes.section !== undefined) {
    const section = (await listSections(trx)).find((s) => s.key === changes.section);
    if (!section) throw new UnknownReference('section', changes.section);
    sectionId = section.id;
  }
  let entityIds: number[] = [];
  if (changes.entities !== undefined) {
    const entities = await listEntities(trx, { proposed: 'include' });
    entityIds = changes.entities.map((slug) => {
      const entity = entities.find((e) => e.slug === slug);
      if (!entity) throw new UnknownReference('entity', slug);
      return entity.id;
    });
    await setStoryEntities(trx, story.id, entityIds);
  }
  if (changes.heroMediaId !== undefined && changes.heroMediaId !== null) {
    const id = changes.heroMediaId;
    if (!(await listMedia(trx)).some((m) => m.id === id)) throw new UnknownReference('media', String(id));
  }
  if (changes.sources !== undefined) await setStorySources(trx, story.id, changes.sources);
  await updateStory(trx, story.id, {
    ...(sectionId === undefined ? {} : { sectionId }),
    ...(changes.heroMediaId === undefined ? {} : { heroMediaId: changes.heroMediaId }),
    updatedAt: now.toISOString(),
  });
  return mergeChanges([
    changeOfStory(story),
    { storyIds: [], sectionIds: sectionId === undefined ? [] : [sectionId], entityIds },
  ]);
}

/**
 * Deletes a story: its variants, tags, source links, redirects, shares, revisions and preview
 * links go with it (foreign keys cascade). Returns what readers could see of it.
 */
export async function deleteStoryRows(trx: Db, story: Story): Promise<ContentChange> {
  await deleteStoryRow(trx, story.id);
  return changeOfStory(story);
}
