import type { Kysely } from 'kysely';
import { type Database, isUniqueViolation, type VariantStatus } from '../../platform/database/index.js';
import { DomainError } from '../../platform/errors.js';
import {
  detectorFor,
  type EmbedLabels,
  markdownTopLevelTexts,
  otherLanguages,
  readingMinutes,
  renderMarkdown,
} from '../../publishing/index.js';
import {
  DanglingStoryLink,
  type FaqItem,
  findStory,
  findStoryIdByReference,
  isSlugTaken,
  listSections,
  SlugTaken,
  sectionSlug,
  slugify,
  storyPath,
  uniqueSlug,
  type VariantInput,
} from '../../stories/index.js';

import { embedLabels } from './embed-labels.js';

// What every write of a variant's text derives from it before storing: the rendered HTML with
// resolved `story:` links, the reading time, a free slug, and the status columns.

type Db = Kysely<Database>;

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
 * numbered by `uniqueSlug` if taken by another story's variant or redirect. Every write that
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

export interface RenderedVariant {
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
  const render = (markdown: string, blocks: string[], embeds?: EmbedLabels) =>
    renderMarkdown(markdown, {
      resolveStoryLink: links.resolve,
      blockLanguages: otherLanguages(detector, variant.locale, blocks),
      ...(embeds ? { embeds } : {}),
    });
  // Only the body gets embed cards: an FAQ answer sits inside the page's own list markup.
  const body = render(variant.body, bodyBlocks, embedLabels(variant.locale));
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

/** The status columns of a variant going to `status`: a schedule needs its time, a publish its date. */
export function statusFields(
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
