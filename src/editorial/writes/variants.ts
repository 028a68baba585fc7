import type { Kysely } from 'kysely';
import type { Database, VariantStatus } from '../../platform/database/index.js';
import {
  type ContentChange,
  type FaqItem,
  findStories,
  findStory,
  insertRedirect,
  insertStory,
  insertVariant,
  isSlugTaken,
  listEntities,
  listMedia,
  listSections,
  SlugTaken,
  type Story,
  type StoryInput,
  StoryNotFound,
  setShareCount,
  setStoryEntities,
  setStorySources,
  slugify,
  UnknownReference,
  updateFirstPublished,
  updateStory,
  updateVariant,
  type Variant,
} from '../../stories/index.js';
import { changeOfStory, mergeChanges } from '../outcome.js';
import { findFreeSlug, renderVariant, statusFields, writingSlug } from './render.js';

// The row writes of variants, with the rules every one keeps (rendering, slugs, redirects). They
// run inside a use case's transaction; permission, QA, revisions and audit are the use case's.

type Db = Kysely<Database>;

/**
 * Stores stories in two passes: first every story and variant, then the rendering, so `story:`
 * links between stories of the same batch resolve in either order. No QA: a batch is either a
 * new draft (createStory) or content that passed QA where it was written (an import).
 */
export async function insertStories(
  trx: Db,
  inputs: StoryInput[],
  now: Date,
): Promise<{ stories: Story[]; change: ContentChange }> {
  const [sections, entities, media] = await Promise.all([
    listSections(trx),
    listEntities(trx),
    listMedia(trx),
  ]);
  const nowIso = now.toISOString();
  const created: { storyId: number; input: StoryInput; variantIds: number[] }[] = [];
  for (const input of inputs) {
    const section = sections.find((s) => s.key === input.section);
    if (!section) throw new UnknownReference('section', input.section);
    const entityIds = input.entities.map((slug) => {
      const entity = entities.find((e) => e.slug === slug);
      if (!entity) throw new UnknownReference('entity', slug);
      return entity.id;
    });
    let heroMediaId: number | null = null;
    if (input.heroImage) {
      const hero = media.find((m) => m.fileName === input.heroImage);
      if (!hero) throw new UnknownReference('media', input.heroImage);
      heroMediaId = hero.id;
    }
    const storyId = await insertStory(trx, {
      sectionId: section.id,
      sourceLocale: input.sourceLocale,
      heroMediaId,
      createdAt: input.createdAt ?? nowIso,
      updatedAt: input.updatedAt ?? nowIso,
    });
    await setStoryEntities(trx, storyId, entityIds);
    await setStorySources(trx, storyId, input.sources);
    const variantIds: number[] = [];
    for (const variant of input.variants) {
      const slug = await findFreeSlug(trx, variant.locale, variant.slug || variant.title);
      variantIds.push(
        await writingSlug(variant.locale, slug, () =>
          insertVariant(trx, {
            story_id: storyId,
            locale: variant.locale,
            title: variant.title,
            slug,
            summary: variant.summary,
            body_markdown: variant.body,
            faq: JSON.stringify(variant.faq),
            hero_alt: variant.heroAlt,
            status: 'draft',
            revision: variant.revision ?? 1,
            updated_at: variant.updatedAt ?? nowIso,
            translated_from_revision:
              variant.translatedFromRevision !== undefined
                ? variant.translatedFromRevision
                : variant.locale === input.sourceLocale
                  ? null
                  : 1,
          }),
        ),
      );
    }
    for (const former of input.formerSlugs ?? []) {
      await insertRedirect(trx, former.locale, former.slug, storyId, now);
    }
    if (input.shareCount) await setShareCount(trx, storyId, input.shareCount);
    created.push({ storyId, input, variantIds });
  }
  for (const { input, variantIds } of created) {
    for (const [index, variant] of input.variants.entries()) {
      const rendered = await renderVariant(trx, variant);
      await updateVariant(trx, variantIds[index] as number, {
        body_html: rendered.bodyHtml,
        faq_html: rendered.faqHtml,
        reading_minutes: rendered.readingMinutes,
        ...statusFields(variant, now),
      });
    }
  }
  await updateFirstPublished(
    trx,
    created.map((c) => c.storyId),
  );
  const stories = await findStories(
    trx,
    created.map((c) => c.storyId),
  );
  return { stories, change: mergeChanges(stories.map(changeOfStory)) };
}

export interface VariantText {
  title: string;
  /** An editor's new slug; absent keeps the stored one. */
  slug?: string | undefined;
  summary: string;
  body: string;
  faq: FaqItem[];
  heroAlt: string;
}

/**
 * Rewrites a variant's text and bumps its revision; a new slug keeps the old one as a redirect.
 * Returns the slug stored.
 */
export async function writeVariantText(
  trx: Db,
  story: Story,
  variant: Variant,
  next: VariantText,
  now: Date,
): Promise<string> {
  let slug = variant.slug;
  // An editor's explicit new slug is theirs to choose: taken means refused, not renumbered.
  if (next.slug !== undefined && slugify(next.slug, variant.locale) !== variant.slug) {
    slug = slugify(next.slug, variant.locale);
    if (await isSlugTaken(trx, variant.locale, slug, story.id)) throw new SlugTaken(variant.locale, slug);
    await insertRedirect(trx, variant.locale, variant.slug, story.id, now);
  }
  const rendered = await renderVariant(trx, { locale: variant.locale, body: next.body, faq: next.faq });
  await writingSlug(variant.locale, slug, () =>
    updateVariant(trx, variant.id, {
      title: next.title,
      slug,
      summary: next.summary,
      body_markdown: next.body,
      body_html: rendered.bodyHtml,
      faq_html: rendered.faqHtml,
      reading_minutes: rendered.readingMinutes,
      faq: JSON.stringify(next.faq),
      hero_alt: next.heroAlt,
      revision: variant.revision + 1,
      updated_at: now.toISOString(),
    }),
  );
  await updateStory(trx, story.id, { updatedAt: now.toISOString() });
  return slug;
}

/** Publishes, schedules or withdraws one variant; the others keep their own status. */
export async function writeVariantStatus(
  trx: Db,
  variant: Variant,
  target: { status: VariantStatus; publishAt?: string | null },
  now: Date,
): Promise<void> {
  const fields = statusFields(
    { status: target.status, publishAt: target.publishAt ?? null, publishedAt: variant.publishedAt },
    now,
  );
  await updateVariant(trx, variant.id, { ...fields, updated_at: now.toISOString() });
  await updateFirstPublished(trx, [variant.storyId]);
}

/** The story and its variant in `locale` as stored now, inside the caller's transaction. */
export async function findVariantOrThrow(
  trx: Db,
  storyId: number,
  locale: string,
): Promise<{ story: Story; variant: Variant }> {
  const story = await findStory(trx, storyId);
  const variant = story?.variants.find((v) => v.locale === locale);
  if (!story || !variant) throw new StoryNotFound(`story ${storyId} in ${locale}`);
  return { story, variant };
}
