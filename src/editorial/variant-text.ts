import type { Kysely } from 'kysely';
import { type Actor, type AuditAction, recordAudit } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { type FaqItem, findStory, type Story, slugify, type Variant } from '../stories/index.js';
import {
  assertCan,
  assertEnabledLocale,
  type LoadedStory,
  loadStory,
  requireVariant,
  sourceVariantOf,
  variantOf,
} from './access.js';
import { bylineFieldsStep } from './byline.js';
import { EditConflict } from './errors.js';
import { changeOfStory, event, mergeOutcomes, NOTHING_PUBLIC, type Outcome } from './outcome.js';
import { buildQaReport, type VariantContent } from './qa.js';
import { decideQa, type QaDecision, recordQaDecision } from './qa-gate.js';
import { claimVariantRevision, insertRevision } from './queries.js';
import {
  type PatchVariantInput,
  PatchVariantSchema,
  PutVariantSchema,
  parseInput,
  type SaveVariantInput,
  type SaveVariantValue,
} from './schema.js';
import { runUseCase, type WorkflowOptions } from './use-case.js';
import { insertNewVariant } from './writes/stories.js';
import { writeVariantText } from './writes/variants.js';

type Db = Kysely<Database>;

export interface SavedVariant extends Outcome {
  storyId: number;
  locale: string;
  /** The variant's revision after the save (unchanged when nothing changed). */
  revision: number;
  /** False when the input matched what was stored: no new revision. */
  saved: boolean;
  /** True when the save added the locale's variant. */
  created: boolean;
}

export function snapshotOf(variant: Variant) {
  return {
    storyId: variant.storyId,
    locale: variant.locale,
    revision: variant.revision,
    title: variant.title,
    slug: variant.slug,
    summary: variant.summary,
    body: variant.bodyMarkdown,
    faq: variant.faq,
    heroAlt: variant.heroAlt,
  };
}

/** The snapshot of text just written: what was asked for, with the slug and revision stored. */
function writtenSnapshot(storyId: number, next: VariantContent, stored: { slug: string; revision: number }) {
  return {
    storyId,
    locale: next.locale,
    revision: stored.revision,
    title: next.title,
    slug: stored.slug,
    summary: next.summary,
    body: next.body,
    faq: next.faq,
    heroAlt: next.heroAlt,
  };
}

export interface NextContent extends VariantContent {
  slug: string | undefined;
}

function sameFaq(a: FaqItem[], b: FaqItem[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isUnchanged(variant: Variant, next: NextContent): boolean {
  return (
    variant.title === next.title &&
    (next.slug === undefined || slugify(next.slug, variant.locale) === variant.slug) &&
    variant.summary === next.summary &&
    variant.bodyMarkdown === next.body &&
    sameFaq(variant.faq, next.faq) &&
    variant.heroAlt === next.heroAlt
  );
}

/**
 * The one step by which a stored variant's text changes (saves, hero alt, restores alike), inside
 * the use case's transaction: edit conflict, QA for text that is live or scheduled, the write
 * (rendering, redirects), a revision snapshot and the audit entry.
 */
export async function rewriteVariantStep(
  trx: Db,
  actor: Actor,
  target: { story: Story; variant: Variant; expectedRevision: number },
  next: NextContent,
  options: { now: Date; action: AuditAction; summary: string; override?: { reason: string } | undefined },
): Promise<SavedVariant> {
  const { story, variant, expectedRevision } = target;
  const { now } = options;
  const unchanged = {
    storyId: story.id,
    locale: variant.locale,
    revision: variant.revision,
    saved: false,
    created: false,
    ...NOTHING_PUBLIC,
  };
  if (variant.revision !== expectedRevision) {
    throw new EditConflict(variant.locale, expectedRevision, variant.revision);
  }
  if (isUnchanged(variant, next)) return unchanged;
  let decision: QaDecision = { overridden: false };
  // Readers see a published variant's text as soon as it is saved, and a scheduled one when it
  // comes due without anyone looking again: both pass QA at save time.
  if (variant.status === 'published' || variant.status === 'scheduled') {
    decision = decideQa(actor, await buildQaReport(trx, story, next), options.override);
  }
  // The revision read above may be older than the row: a concurrent save claims it first.
  if (!(await claimVariantRevision(trx, variant.id, expectedRevision))) {
    const current = (await findStory(trx, story.id))?.variants.find((v) => v.id === variant.id);
    throw new EditConflict(variant.locale, expectedRevision, current?.revision ?? expectedRevision);
  }
  // Content imported or seeded has no snapshot of its first revision yet: keep it before it changes.
  await insertRevision(
    trx,
    { ...snapshotOf(variant), savedBy: null, savedAt: variant.updatedAt },
    { ifMissing: true },
  );
  const slug = await writeVariantText(trx, story, variant, next, now);
  const saved = writtenSnapshot(story.id, next, { slug, revision: variant.revision + 1 });
  await insertRevision(trx, { ...saved, savedBy: actor.id, savedAt: now.toISOString() });
  await recordAudit(
    trx,
    {
      actor,
      action: options.action,
      subject: { kind: 'story', id: story.id },
      locale: variant.locale,
      summary: options.summary,
      details: { revision: saved.revision, ...(saved.slug !== variant.slug ? { slug: saved.slug } : {}) },
    },
    now,
  );
  await recordQaDecision(trx, actor, decision, now);
  const live = variant.status === 'published';
  return {
    ...unchanged,
    revision: saved.revision,
    saved: true,
    change: live ? changeOfStory(story) : null,
    events: live ? [event('story.updated', variant, now)] : [],
  };
}

/** Adds the locale's variant as a draft translation, recording the source revision it was made from. */
async function addTranslationStep(
  trx: Db,
  actor: Actor,
  story: Story,
  next: NextContent,
  madeFrom: number | undefined,
  now: Date,
): Promise<SavedVariant> {
  await assertEnabledLocale(trx, next.locale);
  const source = sourceVariantOf(story);
  const translatedFromRevision = source ? Math.min(madeFrom ?? source.revision, source.revision) : null;
  // A translation credits the source's writer and whoever saves it first as its translator.
  const slug = await insertNewVariant(
    trx,
    story,
    { ...next, translatedFromRevision, authorId: source?.authorId ?? null, translatorId: actor.id },
    now,
  );
  const added = writtenSnapshot(story.id, next, { slug, revision: 1 });
  await insertRevision(trx, { ...added, savedBy: actor.id, savedAt: now.toISOString() });
  await recordAudit(
    trx,
    {
      actor,
      action: 'story.edit',
      subject: { kind: 'story', id: story.id },
      locale: next.locale,
      summary: next.title,
      details: { revision: 1, added: true, translatedFromRevision },
    },
    now,
  );
  return {
    storyId: story.id,
    locale: next.locale,
    revision: 1,
    saved: true,
    created: true,
    ...NOTHING_PUBLIC,
  };
}

/** The text step of a save: rewrites the locale's variant, or adds it when the story lacks it. */
export async function saveTextStep(
  trx: Db,
  actor: Actor,
  loaded: LoadedStory,
  ref: Omit<SaveVariantValue, 'storyId'>,
  now: Date,
): Promise<SavedVariant> {
  const { story, scope } = loaded;
  assertCan(actor, { action: 'story.edit', story: scope, locale: ref.locale });
  const next: NextContent = {
    locale: ref.locale,
    title: ref.title,
    slug: ref.slug || undefined,
    summary: ref.summary,
    body: ref.body,
    faq: ref.faq,
    heroAlt: ref.heroAlt,
  };
  const variant = variantOf(story, ref.locale);
  if (!variant) return addTranslationStep(trx, actor, story, next, ref.translatedFromRevision, now);
  return rewriteVariantStep(
    trx,
    actor,
    { story, variant, expectedRevision: ref.baseRevision ?? variant.revision },
    next,
    { now, action: 'story.edit', summary: ref.title, override: ref.qaOverride },
  );
}

/**
 * Saves a locale variant's text, or adds the variant when the story lacks that locale (a new
 * translation records the source revision it was made from). Every save that changes something
 * is a new revision, snapshotted with who saved it.
 */
export async function saveVariant(
  db: Db,
  actor: Actor,
  input: SaveVariantInput,
  options: WorkflowOptions,
): Promise<SavedVariant> {
  const { storyId, authorId, translatorId, ...text } = parseInput(PutVariantSchema, input);
  return runUseCase(db, async (trx) => {
    const saved = await saveTextStep(trx, actor, await loadStory(trx, storyId), text, options.now);
    const credited = await bylineFieldsStep(
      trx,
      actor,
      await loadStory(trx, storyId),
      text.locale,
      { authorId, translatorId },
      options.now,
    );
    return { ...saved, ...mergeOutcomes([saved, credited]) };
  });
}

/**
 * Changes some of a stored variant's text (the Admin API's PATCH): fields left out keep what is
 * stored when the transaction reads it, so the merge and the save are one.
 */
export async function patchVariant(
  db: Db,
  actor: Actor,
  input: PatchVariantInput,
  options: WorkflowOptions,
): Promise<SavedVariant> {
  const patch = parseInput(PatchVariantSchema, input);
  return runUseCase(db, async (trx) => {
    const { story, scope } = await loadStory(trx, patch.storyId);
    assertCan(actor, { action: 'story.edit', story: scope, locale: patch.locale });
    const variant = requireVariant(story, patch.locale);
    const title = patch.title ?? variant.title;
    const saved = await rewriteVariantStep(
      trx,
      actor,
      { story, variant, expectedRevision: patch.baseRevision ?? variant.revision },
      {
        locale: variant.locale,
        title,
        slug: patch.slug || undefined,
        summary: patch.summary ?? variant.summary,
        body: patch.body ?? variant.bodyMarkdown,
        faq: patch.faq ?? variant.faq,
        heroAlt: patch.heroAlt ?? variant.heroAlt,
      },
      { now: options.now, action: 'story.edit', summary: title, override: patch.qaOverride },
    );
    const credited = await bylineFieldsStep(
      trx,
      actor,
      await loadStory(trx, patch.storyId),
      variant.locale,
      { authorId: patch.authorId, translatorId: patch.translatorId },
      options.now,
    );
    return { ...saved, ...mergeOutcomes([saved, credited]) };
  });
}
