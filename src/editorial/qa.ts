import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import {
  checkVariantLanguageLazily,
  type LanguageFinding,
  leftoverPlaceholders,
} from '../publishing/index.js';
import { type FaqItem, findSiteSettings, loadMediaTexts, type Story } from '../stories/index.js';
import { assertCan, loadStory, requireVariant } from './access.js';
import { renderVariantPreview } from './links.js';
import { parseInput, type VariantRef, VariantRefSchema } from './schema.js';

type Db = Kysely<Database>;

/**
 * One thing to look at before publishing. Errors block publishing unless an editor overrides them
 * with a reason; warnings (a locale not translated yet) are shown and never block, since a story is
 * usually published in its source language first.
 */
/** Where a scaffold's placeholder (`⟦source text⟧`) was left untranslated. */
export interface UntranslatedFinding {
  field: LanguageFinding['field'];
  /** 1-based FAQ item; absent for single fields. */
  index?: number;
  /** How many placeholders the field still holds. */
  count: number;
  /** The first one's source text, whitespace collapsed and cut short. */
  excerpt: string;
}

export type QaFinding =
  | ({ kind: 'untranslated'; severity: 'error' } & UntranslatedFinding)
  | ({ kind: 'language'; severity: 'error' } & LanguageFinding)
  | { kind: 'hero-alt-missing'; severity: 'error' }
  | { kind: 'dangling-link'; severity: 'error'; reference: string }
  | { kind: 'translation-missing'; severity: 'warning'; locale: string };

export interface QaReport {
  storyId: number;
  locale: string;
  findings: QaFinding[];
  /** True when some finding is an error. */
  blocking: boolean;
}

/** The text a report looks at: the stored variant, or a form's unsaved values. */
export interface VariantContent {
  locale: string;
  title: string;
  summary: string;
  body: string;
  faq: FaqItem[];
  heroAlt: string;
}

/** Placeholders of a translation scaffold still in the text, one finding per field holding any. */
export function untranslatedFindings(content: Omit<VariantContent, 'locale'>): UntranslatedFinding[] {
  const fields: [LanguageFinding['field'], string, number?][] = [
    ['title', content.title],
    ['summary', content.summary],
    ['body', content.body],
    ['hero-alt', content.heroAlt],
    ...content.faq.flatMap((item, i): [LanguageFinding['field'], string, number][] => [
      ['faq-question', item.question, i + 1],
      ['faq-answer', item.answer, i + 1],
    ]),
  ];
  return fields.flatMap(([field, text, index]) => {
    const left = leftoverPlaceholders(text);
    if (left.length === 0) return [];
    const excerpt = [...(left[0] ?? '').replace(/\s+/g, ' ').trim()].slice(0, 60).join('');
    return [{ field, ...(index === undefined ? {} : { index }), count: left.length, excerpt }];
  });
}

/** The content with each scaffold placeholder taken out, whatever it still holds. */
export function withoutPlaceholders(content: VariantContent): VariantContent {
  const strip = (text: string) => text.replace(/⟦[^⟧]*(?:⟧|$)/g, '');
  return {
    ...content,
    title: strip(content.title),
    summary: strip(content.summary),
    body: strip(content.body),
    heroAlt: strip(content.heroAlt),
    faq: content.faq.map((item) => ({ question: strip(item.question), answer: strip(item.answer) })),
  };
}

/**
 * Puts the checks' results together, in page order: text left untranslated, language, hero alt,
 * links, translations.
 */
export function qaFindings(input: {
  untranslated?: UntranslatedFinding[];
  language: LanguageFinding[];
  hasHeroImage: boolean;
  heroAlt: string;
  danglingLinks: string[];
  enabledLocales: string[];
  variantLocales: string[];
}): QaFinding[] {
  return [
    ...(input.untranslated ?? []).map((f): QaFinding => ({ kind: 'untranslated', severity: 'error', ...f })),
    ...input.language.map((f): QaFinding => ({ kind: 'language', severity: 'error', ...f })),
    ...(input.hasHeroImage && input.heroAlt.trim() === ''
      ? [{ kind: 'hero-alt-missing', severity: 'error' } as const]
      : []),
    ...input.danglingLinks.map(
      (reference): QaFinding => ({ kind: 'dangling-link', severity: 'error', reference }),
    ),
    ...input.enabledLocales
      .filter((locale) => !input.variantLocales.includes(locale))
      .map((locale): QaFinding => ({ kind: 'translation-missing', severity: 'warning', locale })),
  ];
}

export function isBlocking(findings: QaFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** The hero image's own alt text in `locale` (the default of a variant that has none), or ''. */
async function imageAltOf(db: Db, mediaId: number | null, locale: string): Promise<string> {
  if (mediaId === null) return '';
  return (await loadMediaTexts(db, [mediaId])).get(mediaId)?.[locale]?.alt ?? '';
}

/**
 * Runs every check over one variant's content (saved or not) within its story. A caller that
 * holds the site's enabled locales already (the editor's page) passes them, saving their read.
 */
export async function buildQaReport(
  db: Db,
  story: Story,
  content: VariantContent,
  known: { enabledLocales?: string[] } = {},
): Promise<QaReport> {
  const [language, preview, enabledLocales] = await Promise.all([
    // Text still in placeholders is reported as untranslated; the language check judges the rest.
    checkVariantLanguageLazily(withoutPlaceholders(content)),
    renderVariantPreview(db, content.locale, content),
    known.enabledLocales ?? findSiteSettings(db).then((settings) => settings?.locales ?? []),
  ]);
  const findings = qaFindings({
    untranslated: untranslatedFindings(content),
    language,
    hasHeroImage: story.heroMediaId !== null,
    heroAlt: content.heroAlt.trim()
      ? content.heroAlt
      : await imageAltOf(db, story.heroMediaId, content.locale),
    danglingLinks: preview.danglingLinks,
    enabledLocales,
    variantLocales: [...new Set([...story.variants.map((v) => v.locale), content.locale])],
  });
  return { storyId: story.id, locale: content.locale, findings, blocking: isBlocking(findings) };
}

/** The QA report of a stored variant: what publishing it now would be refused for. */
export async function languageQaReport(db: Db, actor: Actor, input: VariantRef): Promise<QaReport> {
  const ref = parseInput(VariantRefSchema, input);
  assertCan(actor, { action: 'story.view' });
  const { story } = await loadStory(db, ref.storyId);
  const variant = requireVariant(story, ref.locale);
  return buildQaReport(db, story, {
    locale: variant.locale,
    title: variant.title,
    summary: variant.summary,
    body: variant.bodyMarkdown,
    faq: variant.faq,
    heroAlt: variant.heroAlt,
  });
}
