import type { Kysely } from 'kysely';
import type { Actor, StoryScope } from '../accounts/index.js';
import type { Database, VariantStatus } from '../platform/database/index.js';
import { findSiteSettings, findStoryCards, type Story } from '../stories/index.js';
import { assertCan, loadStory } from './access.js';
import { listDeskStoryIds, listStoryAuthors } from './queries.js';
import { type DeskFilter, DeskFilterSchema, parseInput } from './schema.js';
import { type TranslationStatus, translationStatus } from './translation.js';

type Db = Kysely<Database>;

export interface DeskVariant {
  locale: string;
  title: string;
  slug: string;
  status: VariantStatus;
  revision: number;
  publishAt: string | null;
  publishedAt: string | null;
  updatedAt: string;
  translation: TranslationStatus;
}

export interface DeskStory {
  id: number;
  sectionId: number;
  sourceLocale: string;
  updatedAt: string;
  author: { id: number; email: string; displayName: string } | null;
  variants: DeskVariant[];
}

export interface DeskPage {
  stories: DeskStory[];
  total: number;
  limit: number;
  offset: number;
  /** The site's enabled locales, in order: the columns of per-locale status. */
  locales: string[];
}

function deskStory(story: Story, author: DeskStory['author']): DeskStory {
  return {
    id: story.id,
    sectionId: story.sectionId,
    sourceLocale: story.sourceLocale,
    updatedAt: story.updatedAt,
    author,
    variants: story.variants.map((v) => ({
      locale: v.locale,
      title: v.title,
      slug: v.slug,
      status: v.status,
      revision: v.revision,
      publishAt: v.publishAt,
      publishedAt: v.publishedAt,
      updatedAt: v.updatedAt,
      translation: translationStatus(story, v.locale),
    })),
  };
}

/**
 * The newsroom's story list: every story whatever its status, most recently updated first,
 * filtered by section, variant status, locale, translation state and words of a title.
 */
export async function listDeskStories(db: Db, actor: Actor, input: DeskFilter): Promise<DeskPage> {
  const filter = parseInput(DeskFilterSchema, input);
  assertCan(actor, { action: 'story.view' });
  const enabledLocales = (await findSiteSettings(db))?.locales ?? [];
  const { ids, total } = await listDeskStoryIds(db, { ...filter, enabledLocales });
  const [stories, authors] = await Promise.all([findStoryCards(db, ids), listStoryAuthors(db, ids)]);
  return {
    stories: stories.map((s) => deskStory(s, authors.get(s.id) ?? null)),
    total,
    limit: filter.limit,
    offset: filter.offset,
    locales: enabledLocales,
  };
}

export interface EditableStory {
  story: Story;
  authorId: number | null;
  /** What permission checks on this story need (accounts' `can`). */
  scope: StoryScope;
}

/** A whole story for the editor (every variant with its text), with what permissions need. */
export async function getStory(db: Db, actor: Actor, storyId: number): Promise<EditableStory> {
  assertCan(actor, { action: 'story.view' });
  return loadStory(db, storyId);
}
