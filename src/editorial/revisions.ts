import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { assertCan, loadStory, requireVariant } from './access.js';
import { diffContent, type FieldDiff } from './diff.js';
import { RevisionNotFound } from './errors.js';
import { findRevision, listRevisionRows, type RevisionRow } from './queries.js';
import {
  type CompareInput,
  CompareSchema,
  type ListRevisionsInput,
  ListRevisionsSchema,
  parseInput,
  type RestoreInput,
  RestoreSchema,
  type RevisionRef,
  RevisionRefSchema,
} from './schema.js';
import { runUseCase, type WorkflowOptions } from './use-case.js';
import { rewriteVariantStep, type SavedVariant } from './variant-text.js';

type Db = Kysely<Database>;

export type Revision = RevisionRow;
export type RevisionSummary = Omit<RevisionRow, 'body' | 'faq' | 'summary' | 'heroAlt'>;

/** A story's revisions, per locale (or one locale), newest first, with who saved each. */
export async function listRevisions(
  db: Db,
  actor: Actor,
  input: ListRevisionsInput,
): Promise<RevisionSummary[]> {
  const ref = parseInput(ListRevisionsSchema, input);
  assertCan(actor, { action: 'story.view' });
  await loadStory(db, ref.storyId);
  const rows = await listRevisionRows(db, ref.storyId, ref.locale);
  return rows.map(({ body: _b, faq: _f, summary: _s, heroAlt: _h, ...summary }) => summary);
}

/** One revision's full content. */
async function getRevision(db: Db, actor: Actor, input: RevisionRef): Promise<Revision> {
  const ref = parseInput(RevisionRefSchema, input);
  assertCan(actor, { action: 'story.view' });
  const revision = await findRevision(db, ref.storyId, ref.locale, ref.revision);
  if (!revision) throw new RevisionNotFound(ref.storyId, ref.locale, ref.revision);
  return revision;
}

export interface RevisionComparison {
  from: Revision;
  to: Revision;
  /** Title, summary, body and FAQ, each as a line diff from `from` to `to`. */
  fields: FieldDiff[];
}

/** The line diff between two revisions of one variant. */
export async function compareRevisions(
  db: Db,
  actor: Actor,
  input: CompareInput,
): Promise<RevisionComparison> {
  const ref = parseInput(CompareSchema, input);
  const [from, to] = await Promise.all([
    getRevision(db, actor, { storyId: ref.storyId, locale: ref.locale, revision: ref.from }),
    getRevision(db, actor, { storyId: ref.storyId, locale: ref.locale, revision: ref.to }),
  ]);
  return { from, to, fields: diffContent(from, to) };
}

/**
 * Brings back an old revision's text (title, summary, body, FAQ, hero alt) as a new revision;
 * history is never rewritten, and the slug stays as it is.
 */
export async function restoreRevision(
  db: Db,
  actor: Actor,
  input: RestoreInput,
  options: WorkflowOptions,
): Promise<SavedVariant> {
  const ref = parseInput(RestoreSchema, input);
  const { now } = options;
  return runUseCase(db, async (trx) => {
    const { story, scope } = await loadStory(trx, ref.storyId);
    assertCan(actor, { action: 'story.edit', story: scope, locale: ref.locale });
    const variant = requireVariant(story, ref.locale);
    const old = await getRevision(trx, actor, {
      storyId: ref.storyId,
      locale: ref.locale,
      revision: ref.revision,
    });
    return rewriteVariantStep(
      trx,
      actor,
      { story, variant, expectedRevision: variant.revision },
      // The slug stays: restoring old text should not move a live story's URL.
      {
        locale: ref.locale,
        title: old.title,
        slug: undefined,
        summary: old.summary,
        body: old.body,
        faq: old.faq,
        heroAlt: old.heroAlt,
      },
      {
        now,
        action: 'story.restore',
        summary: `Restored revision ${old.revision}`,
        override: ref.qaOverride,
      },
    );
  });
}
