import type { Kysely } from 'kysely';
import { type Database, isUniqueViolation, type VariantStatus } from '../platform/database/index.js';
import { DomainError } from '../platform/errors.js';
import {
  checkVariantLanguageLazily,
  detectorFor,
  LanguageQaFailed,
  otherLanguages,
} from '../publishing/language-qa.js';
import { markdownTopLevelTexts, renderMarkdown } from '../publishing/markdown.js';
import { readingMinutes } from '../publishing/reading-time.js';
import { DanglingStoryLink, SlugTaken, StoryNotFound, UnknownReference } from './errors.js';
import type { Story, Variant } from './model.js';
import { updateFirstPublished } from './queries/listing.js';
import { setShareCount } from './queries/shares.js';
import {
  findStories,
  findStory,
  findStoryIdByReference,
  insertRedirect,
  insertStory,
  insertVariant,
  isSlugTaken,
  setStoryEntities,
  setStorySources,
  updateStory,
  updateVariant,
} from './queries/stories.js';
import { listEntities, listMedia, listSections } from './queries/taxonomy.js';
import { slugify, uniqueSlug } from './slug.js';
import type { FaqItem, StoryInput, VariantInput } from './types.js';
import { sectionSlug, storyPath } from './urls.js';

type Db = Kysely<Database>;

/** What a write touched, so the caller can drop exactly those cached pages. */
export interface ContentChange {
  storyIds: number[];
  sectionIds: number[];
  entityIds: number[];
}

export interface WriteOptions {
  now: Date;
  /** Publish even when language QA has findings (the editor's explicit override). */
  overrideLanguageQa?: boolean;
}

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is one, so a workflow
 * (the editorial layer) can combine several store writes with its own rows atomically.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

export function mergeChanges(changes: ContentChange[]): ContentChange {
  const unique = (values: number[]) => [...new Set(values)];
  return {
    storyIds: unique(changes.flatMap((c) => c.storyIds)),
    sectionIds: unique(changes.flatMap((c) => c.sectionIds)),
    entityIds: unique(changes.flatMap((c) => c.entityIds)),
  };
}

export function changeOf(story: Pick<Story, 'id' | 'sectionId' | 'entityIds'>): ContentChange {
  return { storyIds: [story.id], sectionIds: [story.sectionId], entityIds: story.entityIds };
}

async function resolveStoryLinks(db: Db, locale: string) {
  const sections = await listSections(db);
  const cache = new Map<string, string | undefined>();
  const lookup = async (reference: string): Promise<string | undefined> => {
    const storyId = await findStoryIdByReference(db, locale, reference);
    if (storyId === undefined) return undefined;
    const target = await findStory(db, storyId);
    if (!target) return undefined;
    const variant =
      target.variants.find((v) => v.locale === locale) ??
      target.variants.find((v) => v.locale === target.sourceLocale) ??
      target.variants[0];
    const section = sections.find((s) => s.id === target.sectionId);
    if (!variant || !section) return undefined;
    return storyPath(variant.locale, sectionSlug(section, variant.locale), variant.slug);
  };
  // markdown-it renders synchronously, so every reference is looked up before rendering.
  return {
    async prepare(markdownTexts: string[]): Promise<void> {
      const references = markdownTexts.flatMap((text) =>
        [...text.matchAll(/\]\(\s*story:([^)\s]+)/g)].map((m) => m[1] ?? ''),
      );
      for (const reference of references) {
        if (!cache.has(reference)) cache.set(reference, await lookup(reference));
      }
    },
    resolve: (reference: string) => cache.get(reference),
  };
}

/**
 * A free slug in `locale` for `wanted` (an editor's slug, or else the title): slugified, then
 * numbered by `uniqueSlug` if taken by another story's variant or redirect. Every store write that
 * names a new variant gets its slug here, so probing and choosing cannot disagree.
 */
export function findFreeSlug(
  db: Db,
  locale: string,
  wanted: string,
  exceptStoryId?: number,
): Promise<string> {
  return uniqueSlug(
    slugify(wanted, locale),
    (candidate) => isSlugTaken(db, locale, candidate, exceptStoryId),
    locale,
  );
}

/**
 * Runs a write that stores `slug` in `locale`. Two saves can still pick the same free slug at
 * once (on PostgreSQL both probe before either commits); the loser's UNIQUE violation becomes
 * `SlugTaken`, a conflict the caller may retry, instead of a raw database error.
 */
export async function writingSlug<T>(locale: string, slug: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'story_variants', ['locale', 'slug'])) throw new SlugTaken(locale, slug);
    throw error;
  }
}

interface RenderedVariant {
  bodyHtml: string;
  faqHtml: string;
  readingMinutes: number;
}

export async function renderVariant(
  db: Db,
  variant: { locale: string; body: string; faq: FaqItem[] },
): Promise<RenderedVariant> {
  const links = await resolveStoryLinks(db, variant.locale);
  await links.prepare([variant.body, ...variant.faq.map((item) => item.answer)]);
  // Blocks in another language (left so by an editor's QA override, or a quotation) get their own
  // `lang` in the stored HTML: decided once here, at save and publish, never per request.
  const bodyBlocks = markdownTopLevelTexts(variant.body);
  const answerBlocks = variant.faq.map((item) => markdownTopLevelTexts(item.answer));
  const questions = variant.faq.map((item) => item.question);
  const detector = await detectorFor(variant.locale, [...bodyBlocks, ...answerBlocks.flat(), ...questions]);
  const render = (markdown: string, blocks: string[]) =>
    renderMarkdown(markdown, {
      resolveStoryLink: links.resolve,
      blockLanguages: otherLanguages(detector, variant.locale, blocks),
    });
  const body = render(variant.body, bodyBlocks);
  const answers = variant.faq.map((item, index) => render(item.answer, answerBlocks[index] ?? []));
  const questionLangs = otherLanguages(detector, variant.locale, questions).map((lang) => lang ?? null);
  const dangling = [...body.danglingLinks, ...answers.flatMap((answer) => answer.danglingLinks)];
  if (dangling.length > 0) throw new DanglingStoryLink(variant.locale, [...new Set(dangling)]);
  return {
    bodyHtml: body.html,
    faqHtml: JSON.stringify({ answers: answers.map((answer) => answer.html), questionLangs }),
    readingMinutes: readingMinutes({ body: variant.body, faq: variant.faq }),
  };
}

async function assertPublishable(
  variant: Omit<VariantInput, 'status'>,
  options: WriteOptions,
): Promise<void> {
  if (options.overrideLanguageQa) return;
  const findings = await checkVariantLanguageLazily({
    locale: variant.locale,
    title: variant.title,
    summary: variant.summary,
    body: variant.body,
    faq: variant.faq,
    heroAlt: variant.heroAlt,
  });
  if (findings.length > 0) throw new LanguageQaFailed(findings);
}

function statusFields(
  variant: Pick<VariantInput, 'status' | 'publishAt' | 'publishedAt'>,
  now: Date,
): { status: VariantStatus; publish_at: string | null; published_at: string | null } {
  const status = variant.status ?? 'draft';
  if (status === 'scheduled' && !variant.publishAt) {
    throw new DomainError('invalid', 'A scheduled variant needs a publish time.');
  }
  return {
    status,
    publish_at: status === 'scheduled' ? (variant.publishAt ?? null) : null,
    published_at:
      status === 'published' ? (variant.publishedAt ?? now.toISOString()) : (variant.publishedAt ?? null),
  };
}

/**
 * Saves stories in two passes inside one transaction: first every story and variant, then the
 * rendering, so `story:` links between stories of the same batch resolve in either order.
 */
export async function importStories(
  db: Db,
  inputs: StoryInput[],
  options: WriteOptions,
): Promise<{ storyIds: number[]; change: ContentChange }> {
  return inTransaction(db, async (trx) => {
    const [sections, entities, media] = await Promise.all([
      listSections(trx),
      listEntities(trx),
      listMedia(trx),
    ]);
    const nowIso = options.now.toISOString();
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
        await insertRedirect(trx, former.locale, former.slug, storyId, options.now);
      }
      if (input.shareCount) await setShareCount(trx, storyId, input.shareCount);
      created.push({ storyId, input, variantIds });
    }
    for (const { input, variantIds } of created) {
      for (const [index, variant] of input.variants.entries()) {
        const rendered = await renderVariant(trx, variant);
        const fields = statusFields(variant, options.now);
        if (fields.status === 'published' || fields.status === 'scheduled')
          await assertPublishable(variant, options);
        await updateVariant(trx, variantIds[index] as number, {
          body_html: rendered.bodyHtml,
          faq_html: rendered.faqHtml,
          reading_minutes: rendered.readingMinutes,
          ...fields,
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
    return { storyIds: stories.map((s) => s.id), change: mergeChanges(stories.map(changeOf)) };
  });
}

export interface VariantChanges {
  title?: string;
  slug?: string;
  summary?: string;
  body?: string;
  faq?: FaqItem[];
  heroAlt?: string;
}

function findVariantOrThrow(
  story: Story | undefined,
  locale: string,
  reference: string,
): { story: Story; variant: Variant } {
  const variant = story?.variants.find((v) => v.locale === locale);
  if (!story || !variant) throw new StoryNotFound(`${reference} in ${locale}`);
  return { story, variant };
}

/** Edits a variant's text; a new slug keeps the old one as a redirect. Bumps the revision. */
export async function editVariant(
  db: Db,
  storyId: number,
  locale: string,
  changes: VariantChanges,
  options: WriteOptions,
): Promise<ContentChange> {
  return inTransaction(db, async (trx) => {
    const { story, variant } = findVariantOrThrow(await findStory(trx, storyId), locale, `story ${storyId}`);
    const next = {
      locale,
      title: changes.title ?? variant.title,
      summary: changes.summary ?? variant.summary,
      body: changes.body ?? variant.bodyMarkdown,
      faq: changes.faq ?? variant.faq,
      heroAlt: changes.heroAlt ?? variant.heroAlt,
    };
    let slug = variant.slug;
    // An editor's explicit new slug is theirs to choose: taken means refused, not renumbered.
    if (changes.slug !== undefined && slugify(changes.slug, locale) !== variant.slug) {
      slug = slugify(changes.slug, locale);
      if (await isSlugTaken(trx, locale, slug, storyId)) {
        throw new SlugTaken(locale, slug);
      }
      await insertRedirect(trx, locale, variant.slug, storyId, options.now);
    }
    if (variant.status === 'published') await assertPublishable(next, options);
    const rendered = await renderVariant(trx, next);
    await writingSlug(locale, slug, () =>
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
        updated_at: options.now.toISOString(),
      }),
    );
    await updateStory(trx, storyId, { updatedAt: options.now.toISOString() });
    return changeOf(story);
  });
}

/** Publishes, schedules or unpublishes one variant; the others keep their own status. */
export async function setVariantStatus(
  db: Db,
  storyId: number,
  locale: string,
  target: { status: VariantStatus; publishAt?: string | null },
  options: WriteOptions,
): Promise<ContentChange> {
  return inTransaction(db, async (trx) => {
    const { story, variant } = findVariantOrThrow(await findStory(trx, storyId), locale, `story ${storyId}`);
    if (target.status === 'published' || target.status === 'scheduled') {
      await assertPublishable(
        {
          locale,
          title: variant.title,
          summary: variant.summary,
          body: variant.bodyMarkdown,
          faq: variant.faq,
          heroAlt: variant.heroAlt,
        },
        options,
      );
    }
    const fields = statusFields(
      { status: target.status, publishAt: target.publishAt ?? null, publishedAt: variant.publishedAt },
      options.now,
    );
    await updateVariant(trx, variant.id, { ...fields, updated_at: options.now.toISOString() });
    await updateFirstPublished(trx, [storyId]);
    return changeOf(story);
  });
}

/** Moves a story to another section; its old URLs keep working through the slug lookup. */
export async function moveStory(
  db: Db,
  storyId: number,
  sectionKey: string,
  now: Date,
): Promise<ContentChange> {
  const sections = await listSections(db);
  const section = sections.find((s) => s.key === sectionKey);
  if (!section) throw new UnknownReference('section', sectionKey);
  const story = await findStory(db, storyId);
  if (!story) throw new StoryNotFound(`story ${storyId}`);
  await updateStory(db, storyId, { sectionId: section.id, updatedAt: now.toISOString() });
  return mergeChanges([changeOf(story), { storyIds: [], sectionIds: [section.id], entityIds: [] }]);
}
