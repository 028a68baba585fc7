import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { type Story, StoryNotFound, updateVariant } from '../stories/index.js';
import { assertCan, loadStory, requireVariant, sourceVariantOf, variantOf } from './access.js';
import { diffContent, type FieldDiff } from './diff.js';
import { WrongStatus } from './errors.js';
import { NOTHING_PUBLIC, type Outcome } from './outcome.js';
import { findRevision } from './queries.js';
import { parseInput, type VariantRef, VariantRefSchema } from './schema.js';
import { runUseCase, type WorkflowOptions } from './use-case.js';

type Db = Kysely<Database>;

/** Where a locale stands against the story's source variant. */
export type TranslationStatus = 'source' | 'current' | 'stale' | 'missing';

/**
 * A translation is stale when it was made from an older revision of the source variant than the
 * current one; one that does not say what it was made from counts as stale too.
 */
export function translationStatus(
  story: Pick<Story, 'sourceLocale' | 'variants'>,
  locale: string,
): TranslationStatus {
  if (locale === story.sourceLocale) return 'source';
  const variant = story.variants.find((v) => v.locale === locale);
  if (!variant) return 'missing';
  const source = story.variants.find((v) => v.locale === story.sourceLocale);
  if (!source) return 'current';
  const from = variant.translatedFromRevision;
  return from === null || from < source.revision ? 'stale' : 'current';
}

export interface TranslationState {
  storyId: number;
  locale: string;
  sourceLocale: string;
  status: TranslationStatus;
  stale: boolean;
  sourceRevision: number;
  translatedFromRevision: number | null;
  /**
   * What changed in the source since the translation was made: from its snapshot at
   * `translatedFromRevision` to the current source text. Null when not stale, or when no snapshot
   * of that revision exists (content imported before revisions were kept).
   */
  sourceDiff: FieldDiff[] | null;
}

export async function getTranslationState(
  db: Db,
  actor: Actor,
  input: VariantRef,
): Promise<TranslationState> {
  const ref = parseInput(VariantRefSchema, input);
  assertCan(actor, { action: 'story.view' });
  const { story } = await loadStory(db, ref.storyId);
  return translationStateOf(db, story, ref.locale);
}

/**
 * The translation state of a story already read (the editor's page reads it once): only the
 * source's snapshot at the translated-from revision is read, and only when the locale is stale.
 */
export async function translationStateOf(db: Db, story: Story, locale: string): Promise<TranslationState> {
  const source = sourceVariantOf(story);
  if (!source) throw new StoryNotFound(`story ${story.id} in ${story.sourceLocale}`);
  const status = translationStatus(story, locale);
  const from = variantOf(story, locale)?.translatedFromRevision ?? null;
  let sourceDiff: FieldDiff[] | null = null;
  if (status === 'stale' && from !== null) {
    const then = await findRevision(db, story.id, story.sourceLocale, from);
    if (then) {
      sourceDiff = diffContent(then, {
        title: source.title,
        summary: source.summary,
        body: source.bodyMarkdown,
        faq: source.faq,
      });
    }
  }
  return {
    storyId: story.id,
    locale,
    sourceLocale: story.sourceLocale,
    status,
    stale: status === 'stale',
    sourceRevision: source.revision,
    translatedFromRevision: from,
    sourceDiff,
  };
}

/** The translator's word that the translation reflects the current source revision. */
export async function confirmTranslation(
  db: Db,
  actor: Actor,
  input: VariantRef,
  options: WorkflowOptions,
): Promise<Outcome & { translatedFromRevision: number }> {
  const ref = parseInput(VariantRefSchema, input);
  return runUseCase(db, async (trx) => {
    const { story, scope } = await loadStory(trx, ref.storyId);
    assertCan(actor, { action: 'story.edit', story: scope, locale: ref.locale });
    if (ref.locale === story.sourceLocale) throw new WrongStatus('The source variant is not a translation.');
    const variant = requireVariant(story, ref.locale);
    const source = sourceVariantOf(story);
    if (!source) throw new StoryNotFound(`story ${story.id} in ${story.sourceLocale}`);
    await updateVariant(trx, variant.id, { translated_from_revision: source.revision });
    await recordAudit(
      trx,
      {
        actor,
        action: 'story.translation-confirm',
        subject: { kind: 'story', id: story.id },
        locale: variant.locale,
        summary: `Current with ${story.sourceLocale} revision ${source.revision}`,
        details: { from: variant.translatedFromRevision, to: source.revision },
      },
      options.now,
    );
    return { ...NOTHING_PUBLIC, translatedFromRevision: source.revision };
  });
}
