import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { renderMarkdown } from '../publishing/index.js';
import {
  type FaqItem,
  findSiteSettings,
  findStory,
  findStoryIdBySlug,
  listSections,
  sectionSlug,
  storyPath,
} from '../stories/index.js';
import { assertCan } from './access.js';
import { PreviewMarkdownSchema, parseInput } from './schema.js';

type Db = Kysely<Database>;

const STORY_LINK = /\]\(\s*story:([^)\s]+)/g;

/** The `story:` references of some Markdown texts, each once. */
function storyReferences(texts: string[]): string[] {
  return [...new Set(texts.flatMap((text) => [...text.matchAll(STORY_LINK)].map((m) => m[1] ?? '')))];
}

/**
 * Resolves `story:` references the way the store does (a numeric id, or a slug in this locale
 * first, then any) but reports the ones that go nowhere instead of refusing: the preview and the
 * QA report show them to the person who can fix them.
 */
async function resolveReferences(db: Db, locale: string, references: string[]): Promise<Map<string, string>> {
  const resolved = new Map<string, string>();
  if (references.length === 0) return resolved;
  const [settings, sections] = await Promise.all([findSiteSettings(db), listSections(db)]);
  const locales = [locale, ...(settings?.locales ?? []).filter((l) => l !== locale)];
  for (const reference of references) {
    let storyId: number | undefined;
    if (/^\d+$/.test(reference)) storyId = Number(reference);
    else {
      for (const candidate of locales) {
        storyId = await findStoryIdBySlug(db, candidate, reference);
        if (storyId !== undefined) break;
      }
    }
    const target = storyId === undefined ? undefined : await findStory(db, storyId);
    if (!target) continue;
    const variant =
      target.variants.find((v) => v.locale === locale) ??
      target.variants.find((v) => v.locale === target.sourceLocale) ??
      target.variants[0];
    const section = sections.find((s) => s.id === target.sectionId);
    if (variant && section) {
      resolved.set(reference, storyPath(variant.locale, sectionSlug(section, variant.locale), variant.slug));
    }
  }
  return resolved;
}

export interface RenderedPreview {
  bodyHtml: string;
  /** Aligned with the FAQ items. */
  faqAnswersHtml: string[];
  /** References that resolve to no story, each once. */
  danglingLinks: string[];
}

/** Renders unsaved Markdown as the site would (sanitised: raw HTML off), never throwing on links. */
export async function renderVariantPreview(
  db: Db,
  locale: string,
  content: { body: string; faq: FaqItem[] },
): Promise<RenderedPreview> {
  const texts = [content.body, ...content.faq.map((item) => item.answer)];
  const resolved = await resolveReferences(db, locale, storyReferences(texts));
  const options = { resolveStoryLink: (reference: string) => resolved.get(reference) };
  const body = renderMarkdown(content.body, options);
  const answers = content.faq.map((item) => renderMarkdown(item.answer, options));
  return {
    bodyHtml: body.html,
    faqAnswersHtml: answers.map((a) => a.html),
    danglingLinks: [...new Set([...body.danglingLinks, ...answers.flatMap((a) => a.danglingLinks)])],
  };
}

/** The admin's live preview: Markdown rendered as the site renders it, dangling links reported. */
export async function previewMarkdown(
  db: Db,
  actor: Actor,
  input: { locale: string; body: string; faq?: FaqItem[] },
): Promise<RenderedPreview> {
  const ref = parseInput(PreviewMarkdownSchema, input);
  assertCan(actor, { action: 'story.view' });
  return renderVariantPreview(db, ref.locale, { body: ref.body, faq: ref.faq });
}
