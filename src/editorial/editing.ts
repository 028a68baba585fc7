import type { Kysely } from 'kysely';
import { type Actor, type AuditAction, recordAudit } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import {
  addVariant,
  editStory,
  editVariant,
  type FaqItem,
  findSiteSettings,
  findStory,
  importStories,
  inTransaction,
  removeStory,
  type Story,
  slugify,
  UnknownReference,
  type Variant,
} from '../stories/index.js';
import { assertCan, loadStory, sourceVariantOf, variantOf } from './access.js';
import { EditConflict } from './errors.js';
import {
  changeOfStory,
  event,
  hasPublishedVariant,
  mergeOutcomes,
  NOTHING_PUBLIC,
  type Outcome,
} from './outcome.js';
import { buildQaReport, type VariantContent } from './qa.js';
import { decideQa, type QaDecision, recordQaDecision } from './qa-gate.js';
import { claimVariantRevision, insertRevision, updateAuthorId } from './queries.js';
import {
  type CreateStoryInput,
  CreateStorySchema,
  parseInput,
  type SaveVariantInput,
  SaveVariantSchema,
  type StoryMetaInput,
  StoryMetaSchema,
  type StoryRef,
  StoryRefSchema,
} from './schema.js';
import { retryingSlugRace } from './slug-race.js';

type Db = Kysely<Database>;

export interface WorkflowOptions {
  now: Date;
}

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

function snapshotOf(variant: Variant) {
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

async function assertEnabledLocale(db: Db, locale: string): Promise<void> {
  const settings = await findSiteSettings(db);
  if (!settings?.locales.includes(locale)) throw new UnknownReference('locale', locale);
}

/** Starts a story as a draft in its source locale; the actor becomes its author. */
export async function createStory(
  db: Db,
  actor: Actor,
  input: CreateStoryInput,
  options: WorkflowOptions,
): Promise<SavedVariant> {
  const story = parseInput(CreateStorySchema, input);
  assertCan(actor, { action: 'story.create' });
  await assertEnabledLocale(db, story.sourceLocale);
  const { now } = options;
  const storyId = await retryingSlugRace(db, () =>
    inTransaction(db, async (trx) => {
      const { storyIds } = await importStories(
        trx,
        [
          {
            section: story.section,
            sourceLocale: story.sourceLocale,
            entities: story.entities,
            sources: story.sources,
            variants: [{ ...story.variant, locale: story.sourceLocale, status: 'draft' }],
          },
        ],
        { now },
      );
      const id = storyIds[0] as number;
      if (story.heroMediaId !== null) await editStory(trx, id, { heroMediaId: story.heroMediaId }, now);
      await updateAuthorId(trx, id, actor.id);
      const created = (await findStory(trx, id))?.variants[0] as Variant;
      await insertRevision(trx, { ...snapshotOf(created), savedBy: actor.id, savedAt: now.toISOString() });
      await recordAudit(
        trx,
        {
          actor,
          action: 'story.create',
          subject: { kind: 'story', id },
          locale: story.sourceLocale,
          summary: story.variant.title,
        },
        now,
      );
      return id;
    }),
  );
  return { storyId, locale: story.sourceLocale, revision: 1, saved: true, created: true, ...NOTHING_PUBLIC };
}

interface NextContent extends VariantContent {
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
 * The one path by which a variant's text changes (saves and restores alike): permission, edit
 * conflict, QA for text that is live or scheduled, the store's edit (rendering, redirects), a
 * revision snapshot and the audit entry, in one transaction.
 */
async function writeVariant(
  db: Db,
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
    decision = decideQa(actor, await buildQaReport(db, story, next), options.override);
  }
  const revision = await inTransaction(db, async (trx) => {
    if (!(await claimVariantRevision(trx, variant.id, expectedRevision))) {
      const current = (await findStory(trx, story.id))?.variants.find((v) => v.id === variant.id);
      throw new EditConflict(variant.locale, expectedRevision, current?.revision ?? expectedRevision);
    }
    // Content imported or seeded has no snapshot of its first revision yet: keep it before it changes.
    await insertRevision(
      trx,
      { ...snapshotOf(variant), savedBy: null, savedAt: variant.updatedAt },
      {
        ifMissing: true,
      },
    );
    await editVariant(
      trx,
      story.id,
      variant.locale,
      {
        title: next.title,
        ...(next.slug ? { slug: next.slug } : {}),
        summary: next.summary,
        body: next.body,
        faq: next.faq,
        heroAlt: next.heroAlt,
      },
      { now, overrideLanguageQa: true },
    );
    const saved = (await findStory(trx, story.id))?.variants.find((v) => v.id === variant.id) as Variant;
    await insertRevision(trx, { ...snapshotOf(saved), savedBy: actor.id, savedAt: now.toISOString() });
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
    return saved.revision;
  });
  const live = variant.status === 'published';
  return {
    ...unchanged,
    revision,
    saved: true,
    change: live ? changeOfStory(story) : null,
    events: live ? [event('story.updated', variant, now)] : [],
  };
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
  const ref = parseInput(SaveVariantSchema, input);
  const { story, scope } = await loadStory(db, ref.storyId);
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
  if (variant) {
    return writeVariant(
      db,
      actor,
      { story, variant, expectedRevision: ref.baseRevision ?? variant.revision },
      next,
      { now: options.now, action: 'story.edit', summary: ref.title, override: ref.qaOverride },
    );
  }
  return addTranslation(db, actor, story, next, ref.translatedFromRevision, options.now);
}

async function addTranslation(
  db: Db,
  actor: Actor,
  story: Story,
  next: NextContent,
  madeFrom: number | undefined,
  now: Date,
): Promise<SavedVariant> {
  await assertEnabledLocale(db, next.locale);
  const source = sourceVariantOf(story);
  const translatedFromRevision = source ? Math.min(madeFrom ?? source.revision, source.revision) : null;
  await retryingSlugRace(db, () =>
    inTransaction(db, async (trx) => {
      await addVariant(trx, story.id, { ...next, translatedFromRevision }, now);
      const added = (await findStory(trx, story.id))?.variants.find(
        (v) => v.locale === next.locale,
      ) as Variant;
      await insertRevision(trx, { ...snapshotOf(added), savedBy: actor.id, savedAt: now.toISOString() });
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
    }),
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

/** Writes a variant's text from a stored revision (the restore of revisions.ts). */
export async function writeRestoredVariant(
  db: Db,
  actor: Actor,
  target: { story: Story; variant: Variant },
  content: VariantContent,
  options: { now: Date; revision: number; override?: { reason: string } | undefined },
): Promise<SavedVariant> {
  return writeVariant(
    db,
    actor,
    { ...target, expectedRevision: target.variant.revision },
    // The slug stays: restoring old text should not move a live story's URL.
    { ...content, slug: undefined },
    {
      now: options.now,
      action: 'story.restore',
      summary: `Restored revision ${options.revision}`,
      override: options.override,
    },
  );
}

/**
 * Changes what the story says around its text: section, entities, sources and hero image (these
 * need the right to edit the source locale), and hero alt text per locale (each needs the right
 * to edit that locale, and is saved as a revision of its variant).
 */
export async function updateStoryMeta(
  db: Db,
  actor: Actor,
  input: StoryMetaInput,
  options: WorkflowOptions,
): Promise<Outcome> {
  const meta = parseInput(StoryMetaSchema, input);
  const { story, scope } = await loadStory(db, meta.storyId);
  const { now } = options;
  const outcomes: Outcome[] = [];
  const details = {
    section: meta.section,
    entities: meta.entities,
    sources: meta.sources,
    heroMediaId: meta.heroMediaId,
  };
  const touchesStory = Object.values(details).some((value) => value !== undefined);
  if (touchesStory) {
    assertCan(actor, { action: 'story.edit', story: scope, locale: story.sourceLocale });
    await inTransaction(db, async (trx) => {
      const change = await editStory(trx, story.id, details, now);
      await recordAudit(
        trx,
        {
          actor,
          action: 'story.edit',
          subject: { kind: 'story', id: story.id },
          summary: 'Story details',
          details: Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)),
        },
        now,
      );
      if (hasPublishedVariant(story)) {
        outcomes.push({
          change,
          events: story.variants
            .filter((v) => v.status === 'published')
            .map((v) => event('story.updated', v, now)),
        });
      }
    });
  }
  for (const [locale, heroAlt] of Object.entries(meta.heroAlt ?? {})) {
    const current = (await loadStory(db, story.id)).story;
    const variant = variantOf(current, locale);
    if (!variant || variant.heroAlt === heroAlt) continue;
    assertCan(actor, { action: 'story.edit', story: scope, locale });
    outcomes.push(
      await writeVariant(
        db,
        actor,
        { story: current, variant, expectedRevision: variant.revision },
        {
          locale,
          title: variant.title,
          slug: undefined,
          summary: variant.summary,
          body: variant.bodyMarkdown,
          faq: variant.faq,
          heroAlt,
        },
        { now, action: 'story.edit', summary: 'Hero alt text', override: meta.qaOverride },
      ),
    );
  }
  return mergeOutcomes(outcomes);
}

/** Deletes a story and everything of it; readers of its published variants then get a 404. */
export async function deleteStory(
  db: Db,
  actor: Actor,
  input: StoryRef,
  options: WorkflowOptions,
): Promise<Outcome> {
  const ref = parseInput(StoryRefSchema, input);
  assertCan(actor, { action: 'story.delete' });
  const { story } = await loadStory(db, ref.storyId);
  const source = sourceVariantOf(story) ?? story.variants[0];
  const change = await inTransaction(db, async (trx) => {
    const removed = await removeStory(trx, story.id);
    await recordAudit(
      trx,
      {
        actor,
        action: 'story.delete',
        subject: { kind: 'story', id: story.id },
        summary: source?.title ?? '',
        details: { locales: story.variants.map((v) => v.locale) },
      },
      options.now,
    );
    return removed;
  });
  const live = story.variants.filter((v) => v.status === 'published');
  return {
    change: live.length > 0 ? change : null,
    events: live.map((v) => event('story.unpublished', v, options.now)),
  };
}
