import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import type { Story, Variant } from '../stories/index.js';
import { assertCan, loadStory, requireVariant } from './access.js';
import { InvalidInput, WrongStatus } from './errors.js';
import { changeOfStory, event, NOTHING_PUBLIC, type Outcome } from './outcome.js';
import { buildQaReport } from './qa.js';
import { decideQa, recordQaDecision } from './qa-gate.js';
import {
  type PublishInput,
  PublishSchema,
  parseInput,
  type ScheduleInput,
  ScheduleSchema,
  type VariantRef,
  VariantRefSchema,
} from './schema.js';
import { runUseCase, type WorkflowOptions } from './use-case.js';
import { writeVariantStatus } from './writes/variants.js';

type Db = Kysely<Database>;

function contentOf(variant: Variant) {
  return {
    locale: variant.locale,
    title: variant.title,
    summary: variant.summary,
    body: variant.bodyMarkdown,
    faq: variant.faq,
    heroAlt: variant.heroAlt,
  };
}

export type Release = { status: 'published' } | { status: 'scheduled'; publishAt: string };

/**
 * Lets a variant go live now or at a time, inside the use case's transaction, reading the story
 * as stored in it (so a save of the same submit is what QA sees). The one QA gate of going live:
 * refused with the findings (PublishBlocked) unless they are clean or an editor overrides them
 * with a reason, which goes to the audit log as `story.qa-override`.
 */
export async function releaseStep(
  trx: Db,
  actor: Actor,
  story: Story,
  input: { locale: string; release: Release; qaOverride?: { reason: string } | undefined },
  now: Date,
): Promise<Outcome> {
  assertCan(actor, { action: 'story.publish' });
  const variant = requireVariant(story, input.locale);
  const { release } = input;
  if (variant.status === 'published') {
    if (release.status === 'published') return NOTHING_PUBLIC;
    throw new WrongStatus(`The ${variant.locale} variant is already published; unpublish it first.`);
  }
  const decision = decideQa(actor, await buildQaReport(trx, story, contentOf(variant)), input.qaOverride);
  const publishAt = release.status === 'scheduled' ? release.publishAt : null;
  await writeVariantStatus(trx, variant, { status: release.status, publishAt }, now);
  await recordQaDecision(trx, actor, decision, now);
  await recordAudit(
    trx,
    {
      actor,
      action: release.status === 'published' ? 'story.publish' : 'story.schedule',
      subject: { kind: 'story', id: story.id },
      locale: variant.locale,
      summary: variant.title,
      details:
        release.status === 'published'
          ? { revision: variant.revision, qaOverridden: decision.overridden }
          : { publishAt, qaOverridden: decision.overridden },
    },
    now,
  );
  return release.status === 'published'
    ? { change: changeOfStory(story), events: [event('story.published', variant, now)] }
    : NOTHING_PUBLIC;
}

/**
 * Takes a variant off the site: a published one becomes `unpublished` (readers then get 410
 * Gone); a scheduled one that never went live goes back to draft.
 */
export async function withdrawStep(
  trx: Db,
  actor: Actor,
  story: Story,
  locale: string,
  now: Date,
): Promise<Outcome> {
  assertCan(actor, { action: 'story.publish' });
  const variant = requireVariant(story, locale);
  if (variant.status === 'draft' || variant.status === 'unpublished') {
    throw new WrongStatus(`The ${variant.locale} variant is not published.`);
  }
  const wasLive = variant.status === 'published';
  const target = wasLive || variant.publishedAt ? 'unpublished' : 'draft';
  await writeVariantStatus(trx, variant, { status: target }, now);
  await recordAudit(
    trx,
    {
      actor,
      action: 'story.unpublish',
      subject: { kind: 'story', id: story.id },
      locale: variant.locale,
      summary: variant.title,
      details: { from: variant.status, to: target },
    },
    now,
  );
  return wasLive
    ? { change: changeOfStory(story), events: [event('story.unpublished', variant, now)] }
    : NOTHING_PUBLIC;
}

/** A schedule time must lie ahead of now. */
export function assertFuture(publishAt: string, now: Date): string {
  const at = new Date(publishAt);
  if (at.getTime() <= now.getTime()) {
    throw new InvalidInput([{ path: 'publishAt', message: 'must be in the future' }]);
  }
  return at.toISOString();
}

/** Publishes a variant now. Publishing what is already live changes nothing. */
export async function publish(
  db: Db,
  actor: Actor,
  input: PublishInput,
  options: WorkflowOptions,
): Promise<Outcome> {
  const ref = parseInput(PublishSchema, input);
  assertCan(actor, { action: 'story.publish' });
  return runUseCase(db, async (trx) => {
    const { story } = await loadStory(trx, ref.storyId);
    return releaseStep(
      trx,
      actor,
      story,
      { locale: ref.locale, release: { status: 'published' }, qaOverride: ref.qaOverride },
      options.now,
    );
  });
}

/**
 * Schedules a variant to go live at `publishAt` (the scheduler publishes it then, or as soon as
 * it runs again after downtime). The same QA gate as publishing applies now, at scheduling.
 */
export async function schedule(
  db: Db,
  actor: Actor,
  input: ScheduleInput,
  options: WorkflowOptions,
): Promise<Outcome & { publishAt: string }> {
  const ref = parseInput(ScheduleSchema, input);
  const publishAt = assertFuture(ref.publishAt, options.now);
  assertCan(actor, { action: 'story.publish' });
  const outcome = await runUseCase(db, async (trx) => {
    const { story } = await loadStory(trx, ref.storyId);
    return releaseStep(
      trx,
      actor,
      story,
      { locale: ref.locale, release: { status: 'scheduled', publishAt }, qaOverride: ref.qaOverride },
      options.now,
    );
  });
  return { ...outcome, publishAt };
}

/** Takes a variant off the site (see withdrawStep). */
export async function unpublish(
  db: Db,
  actor: Actor,
  input: VariantRef,
  options: WorkflowOptions,
): Promise<Outcome> {
  const ref = parseInput(VariantRefSchema, input);
  assertCan(actor, { action: 'story.publish' });
  return runUseCase(db, async (trx) => {
    const { story } = await loadStory(trx, ref.storyId);
    return withdrawStep(trx, actor, story, ref.locale, options.now);
  });
}
