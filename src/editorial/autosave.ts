import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { assertCan, loadStory, variantOf } from './access.js';
import { findRevision } from './queries.js';
import { STORY_LIMITS as L, parseInput } from './schema.js';

// Autosaved drafts: what a person had typed into a variant's text, kept server-side so a crash or a
// closed tab loses nothing. They are not revisions: nothing is numbered, published or listed in the
// history, and each person has one per variant, overwritten by their next autosave.

type Db = Kysely<Database>;

/** How long an autosave nobody came back to is kept. */
const AUTOSAVE_KEPT_MS = 30 * 24 * 3_600_000;

// Looser than a save: an autosave keeps half-typed text (an FAQ row with only a question).
export const AutosaveSchema = z.object({
  storyId: z.number().int().positive(),
  locale: z.string().min(2).max(35),
  baseRevision: z.number().int().positive().nullable(),
  title: z.string().max(L.titleChars),
  summary: z.string().max(L.summaryChars),
  body: z.string().max(L.bodyChars),
  heroAlt: z.string().max(L.heroAltChars),
  faq: z
    .array(z.object({ question: z.string().max(L.questionChars), answer: z.string().max(L.answerChars) }))
    .max(L.faqItems),
});
export type AutosaveInput = z.input<typeof AutosaveSchema>;

export interface Autosave {
  baseRevision: number | null;
  title: string;
  summary: string;
  body: string;
  heroAlt: string;
  faq: { question: string; answer: string }[];
  savedAt: string;
}

/** The variant's saved revision as it stands, for telling an editor someone else saved. */
export interface CurrentRevision {
  revision: number;
  savedAt: string;
  savedBy: string | null;
}

export async function currentRevisionOf(
  db: Db,
  storyId: number,
  locale: string,
): Promise<CurrentRevision | null> {
  const { story } = await loadStory(db, storyId);
  const variant = variantOf(story, locale);
  if (!variant) return null;
  const row = await findRevision(db, storyId, locale, variant.revision);
  return {
    revision: variant.revision,
    savedAt: row?.savedAt ?? variant.updatedAt,
    savedBy: row?.savedBy ? row.savedBy.displayName || row.savedBy.email : null,
  };
}

/** Stores (or overwrites) the actor's autosave of one variant; answers with the current revision. */
export async function autosaveVariant(
  db: Db,
  actor: Actor,
  input: AutosaveInput,
  options: { now: Date },
): Promise<{ savedAt: string; current: CurrentRevision | null }> {
  const value = parseInput(AutosaveSchema, input);
  const { scope } = await loadStory(db, value.storyId);
  assertCan(actor, { action: 'story.edit', story: scope, locale: value.locale });
  const savedAt = options.now.toISOString();
  const row = {
    base_revision: value.baseRevision,
    title: value.title,
    summary: value.summary,
    body_markdown: value.body.replace(/\r\n?/g, '\n'),
    faq: JSON.stringify(value.faq),
    hero_alt: value.heroAlt,
    saved_at: savedAt,
  };
  await db
    .insertInto('story_autosaves')
    .values({ story_id: value.storyId, locale: value.locale, user_id: actor.id, ...row })
    .onConflict((oc) => oc.columns(['story_id', 'locale', 'user_id']).doUpdateSet(row))
    .execute();
  return { savedAt, current: await currentRevisionOf(db, value.storyId, value.locale) };
}

/** The actor's autosave of a variant, if any. */
export async function findAutosave(
  db: Db,
  actor: Actor,
  storyId: number,
  locale: string,
): Promise<Autosave | undefined> {
  const row = await db
    .selectFrom('story_autosaves')
    .selectAll()
    .where('story_id', '=', storyId)
    .where('locale', '=', locale)
    .where('user_id', '=', actor.id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    baseRevision: row.base_revision,
    title: row.title,
    summary: row.summary,
    body: row.body_markdown,
    heroAlt: row.hero_alt,
    faq: JSON.parse(row.faq) as Autosave['faq'],
    savedAt: row.saved_at,
  };
}

/** Drops the actor's autosave of a variant (after a save, or when they discard it). */
export async function discardAutosave(db: Db, actor: Actor, storyId: number, locale: string): Promise<void> {
  await db
    .deleteFrom('story_autosaves')
    .where('story_id', '=', storyId)
    .where('locale', '=', locale)
    .where('user_id', '=', actor.id)
    .execute();
}

/** Removes autosaves older than AUTOSAVE_KEPT_MS; the scheduled prune calls it. */
export async function pruneAutosaves(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - AUTOSAVE_KEPT_MS).toISOString();
  const result = await db.deleteFrom('story_autosaves').where('saved_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
