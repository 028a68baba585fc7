import type { Kysely } from 'kysely';
import { type Actor, can, type Permission, type StoryScope } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import {
  findSiteSettings,
  findStory,
  type Story,
  StoryNotFound,
  UnknownReference,
  type Variant,
} from '../stories/index.js';
import { NotAllowed } from './errors.js';
import { findAuthorId } from './queries.js';

type Db = Kysely<Database>;

/** Refuses unless the rule book allows `actor` the permission. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new NotAllowed(permission.action);
}

/**
 * What a permission needs to know of a story. "Ever published" counts a variant that is live,
 * scheduled, withdrawn, or carries a publication date: an author's rights end at the first one.
 */
function storyScope(story: Pick<Story, 'variants'>, authorId: number | null): StoryScope {
  return {
    authorId,
    everPublished: story.variants.some((v) => v.status !== 'draft' || v.publishedAt !== null),
  };
}

export interface LoadedStory {
  story: Story;
  authorId: number | null;
  scope: StoryScope;
}

export async function loadStory(db: Db, storyId: number): Promise<LoadedStory> {
  const [story, authorId] = await Promise.all([findStory(db, storyId), findAuthorId(db, storyId)]);
  if (!story) throw new StoryNotFound(`story ${storyId}`);
  return { story, authorId, scope: storyScope(story, authorId) };
}

export function variantOf(story: Story, locale: string): Variant | undefined {
  return story.variants.find((v) => v.locale === locale);
}

export function requireVariant(story: Story, locale: string): Variant {
  const variant = variantOf(story, locale);
  if (!variant) throw new StoryNotFound(`story ${story.id} in ${locale}`);
  return variant;
}

/** The story's source variant (the one translations are made from). */
export function sourceVariantOf(story: Story): Variant | undefined {
  return variantOf(story, story.sourceLocale);
}

/** Refuses a locale the site does not publish in. */
export async function assertEnabledLocale(db: Db, locale: string): Promise<void> {
  const settings = await findSiteSettings(db);
  if (!settings?.locales.includes(locale)) throw new UnknownReference('locale', locale);
}
