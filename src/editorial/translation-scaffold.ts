import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import { placeholder, scaffoldMarkdown, storyLinkReferences } from '../publishing/index.js';
import { type FaqItem, findStory, findStoryIdBySlug, type Story } from '../stories/index.js';
import { sourceVariantOf, variantOf } from './access.js';

type Db = Kysely<Database>;

/** The first draft of a translation that does not exist yet: the source's shape, text marked. */
export interface TranslationScaffold {
  title: string;
  summary: string;
  body: string;
  heroAlt: string;
  faq: FaqItem[];
}

/** How many `story:` references one scaffold looks up at most: a story links to a handful. */
const MAX_LOOKUPS = 50;

/**
 * For each `story:` reference of the source, the same story's slug in the target locale when it
 * has a variant there. References are looked up the way the site resolves them: a numeric id, or
 * a slug in the source's locale.
 */
async function targetSlugs(
  db: Db,
  references: string[],
  sourceLocale: string,
  targetLocale: string,
): Promise<Map<string, string>> {
  const slugs = new Map<string, string>();
  for (const reference of references.slice(0, MAX_LOOKUPS)) {
    const id = /^\d+$/.test(reference)
      ? Number(reference)
      : await findStoryIdBySlug(db, sourceLocale, reference);
    const linked = id === undefined ? undefined : await findStory(db, id);
    const translated = linked?.variants.find((v) => v.locale === targetLocale);
    if (translated) slugs.set(reference, translated.slug);
  }
  return slugs;
}

/**
 * The scaffold of `story` in `locale`, built from its source variant; undefined when the locale is
 * the source's, already has a variant, or the source has no text yet.
 */
export async function translationScaffold(
  db: Db,
  story: Story,
  locale: string,
): Promise<TranslationScaffold | undefined> {
  const source = sourceVariantOf(story);
  if (!source || locale === story.sourceLocale || variantOf(story, locale)) return undefined;
  const texts = [source.bodyMarkdown, ...source.faq.map((item) => item.answer)];
  const slugs = await targetSlugs(db, storyLinkReferences(texts.join('\n\n')), story.sourceLocale, locale);
  const options = { rewriteStoryLink: (reference: string) => slugs.get(reference) };
  return {
    title: placeholder(source.title),
    summary: placeholder(source.summary),
    body: scaffoldMarkdown(source.bodyMarkdown, options),
    heroAlt: placeholder(source.heroAlt),
    faq: source.faq.map((item) => ({
      question: placeholder(item.question),
      answer: scaffoldMarkdown(item.answer, options),
    })),
  };
}
