import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Actor, can, recordAudit } from '../accounts/index.js';
import type { AdminNoticeKind, Database } from '../platform/database/index.js';
import { loadStory, requireVariant } from './access.js';
import { NotAllowed, WrongStatus } from './errors.js';
import {
  decideReview,
  findRecipient,
  findStoryReview,
  insertNotices,
  insertStoryNote,
  isWaitingForReview,
  listReviewers,
  type Recipient,
  upsertSubmittedReview,
} from './review-queries.js';
import { parseInput } from './schema.js';
import type { WorkflowOptions } from './use-case.js';
import { recordedWrite } from './use-case.js';

type Db = Kysely<Database>;

/** Long enough for a paragraph of advice, short enough to read in a mail and a banner. */
export const MAX_REVIEW_NOTE_CHARS = 2000;
/** A team note is a line or two, not a second story. */
export const MAX_STORY_NOTE_CHARS = 1000;

const VariantSchema = z.object({
  storyId: z.number().int().positive(),
  locale: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/),
});
const SendBackSchema = VariantSchema.extend({
  note: z.string().trim().min(1).max(MAX_REVIEW_NOTE_CHARS),
});
const NoteSchema = z.object({
  storyId: z.number().int().positive(),
  body: z.string().trim().min(1).max(MAX_STORY_NOTE_CHARS),
});

/** Who is to be told of a review step, and what; the caller mails them after the commit. */
export interface ReviewNotice {
  kind: AdminNoticeKind;
  storyId: number;
  locale: string;
  title: string;
  actorName: string;
  note: string;
  recipients: Recipient[];
}

function nameOf(actor: Actor, recipient: Recipient | undefined): string {
  return recipient?.displayName || actor.email;
}

async function tell(trx: Db, notice: ReviewNotice, now: Date): Promise<void> {
  await insertNotices(
    trx,
    notice.recipients.map((r) => ({
      userId: r.id,
      kind: notice.kind,
      storyId: notice.storyId,
      locale: notice.locale,
      actorName: notice.actorName,
      note: notice.note,
      at: now.toISOString(),
    })),
  );
}

/**
 * An author asks the editors to review a draft variant. Only someone who may edit the variant may
 * ask, only for a variant never published (published text is the editors' already), and only once
 * while it waits: a second submit is a conflict, not a second round of mail.
 */
export async function submitForReview(
  db: Db,
  actor: Actor,
  input: z.input<typeof VariantSchema>,
  options: WorkflowOptions,
): Promise<ReviewNotice> {
  const ref = parseInput(VariantSchema, input);
  const { now } = options;
  return recordedWrite(db, async (trx) => {
    const { story, scope } = await loadStory(trx, ref.storyId);
    if (!can(actor, { action: 'story.edit', story: scope, locale: ref.locale })) {
      throw new NotAllowed('story.review-submit');
    }
    const variant = requireVariant(story, ref.locale);
    if (variant.status !== 'draft') throw new WrongStatus('Only a draft can be submitted for review.');
    if (await isWaitingForReview(trx, story.id, ref.locale)) {
      throw new WrongStatus('This draft is already waiting for review.');
    }
    await upsertSubmittedReview(trx, {
      storyId: story.id,
      locale: ref.locale,
      requestedBy: actor.id,
      at: now.toISOString(),
    });
    const self = await findRecipient(trx, actor.id);
    const notice: ReviewNotice = {
      kind: 'review.submitted',
      storyId: story.id,
      locale: ref.locale,
      title: variant.title,
      actorName: nameOf(actor, self),
      note: '',
      recipients: (await listReviewers(trx)).filter((r) => r.id !== actor.id),
    };
    await tell(trx, notice, now);
    await recordAudit(
      trx,
      {
        actor,
        action: 'story.review-submit',
        subject: { kind: 'story', id: story.id },
        locale: ref.locale,
        summary: variant.title,
      },
      now,
    );
    return notice;
  });
}

async function decide(
  db: Db,
  actor: Actor,
  ref: { storyId: number; locale: string; note: string },
  to: 'changes_requested' | 'approved',
  now: Date,
): Promise<ReviewNotice> {
  if (!can(actor, { action: 'story.publish' })) throw new NotAllowed(`story.review-${to}`);
  return recordedWrite(db, async (trx) => {
    const { story } = await loadStory(trx, ref.storyId);
    const variant = requireVariant(story, ref.locale);
    const review = await findStoryReview(trx, story.id, ref.locale);
    const decided = await decideReview(trx, {
      storyId: story.id,
      locale: ref.locale,
      from: 'submitted',
      to,
      decidedBy: actor.id,
      at: now.toISOString(),
      note: ref.note,
    });
    if (!review || !decided) throw new WrongStatus('This draft is not waiting for review.');
    const requester = review.requestedBy === null ? undefined : await findRecipient(trx, review.requestedBy);
    const self = await findRecipient(trx, actor.id);
    const notice: ReviewNotice = {
      kind: to === 'approved' ? 'review.approved' : 'review.changes_requested',
      storyId: story.id,
      locale: ref.locale,
      title: variant.title,
      actorName: nameOf(actor, self),
      note: ref.note,
      recipients: requester && requester.id !== actor.id ? [requester] : [],
    };
    await tell(trx, notice, now);
    await recordAudit(
      trx,
      {
        actor,
        action: to === 'approved' ? 'story.review-approve' : 'story.review-send-back',
        subject: { kind: 'story', id: story.id },
        locale: ref.locale,
        summary: variant.title,
        ...(ref.note ? { details: { note: ref.note } } : {}),
      },
      now,
    );
    return notice;
  });
}

/** An editor sends a waiting draft back to its author with a note saying what to change. */
export async function sendBackForChanges(
  db: Db,
  actor: Actor,
  input: z.input<typeof SendBackSchema>,
  options: WorkflowOptions,
): Promise<ReviewNotice> {
  const ref = parseInput(SendBackSchema, input);
  return decide(db, actor, ref, 'changes_requested', options.now);
}

/** An editor approves a waiting draft; publishing it stays the editor's usual publish. */
export async function approveReview(
  db: Db,
  actor: Actor,
  input: z.input<typeof VariantSchema>,
  options: WorkflowOptions,
): Promise<ReviewNotice> {
  const ref = parseInput(VariantSchema, input);
  return decide(db, actor, { ...ref, note: '' }, 'approved', options.now);
}

/** Anyone who can see the story adds a short plain-text note for the team. */
export async function addStoryNote(
  db: Db,
  actor: Actor,
  input: z.input<typeof NoteSchema>,
  options: WorkflowOptions,
): Promise<{ id: number }> {
  const note = parseInput(NoteSchema, input);
  if (!can(actor, { action: 'story.view' })) throw new NotAllowed('story.note');
  const { now } = options;
  return recordedWrite(db, async (trx) => {
    const { story } = await loadStory(trx, note.storyId);
    const id = await insertStoryNote(trx, {
      storyId: story.id,
      userId: actor.id,
      body: note.body,
      at: now.toISOString(),
    });
    await recordAudit(
      trx,
      {
        actor,
        action: 'story.note',
        subject: { kind: 'story', id: story.id },
        summary: note.body.slice(0, 80),
      },
      now,
    );
    return { id };
  });
}
