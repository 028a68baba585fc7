import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { inTransaction, type Story, setVariantStatus, type Variant } from '../stories/index.js';
import { assertCan, loadStory, requireVariant } from './access.js';
import type { WorkflowOptions } from './editing.js';
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

async function checkedForRelease(
  db: Db,
  actor: Actor,
  input: { storyId: number; locale: string; qaOverride?: { reason: string } | undefined },
): Promise<{ story: Story; variant: Variant; decision: ReturnType<typeof decideQa> }> {
  assertCan(actor, { action: 'story.publish' });
  const { story } = await loadStory(db, input.storyId);
  const variant = requireVariant(story, input.locale);
  const report = await buildQaReport(db, story, contentOf(variant));
  return { story, variant, decision: decideQa(actor, report, input.qaOverride) };
}

/**
 * Publishes a variant now. Refused with the QA findings (PublishBlocked) unless they are clean or
 * an editor overrides them with a reason, which goes to the audit log as `story.qa-override`.
 * Publishing what is already live changes nothing.
 */
export async function publish(
  db: Db,
  actor: Actor,
  input: PublishInput,
  options: WorkflowOptions,
): Promise<Outcome> {
  const ref = parseInput(PublishSchema, input);
  const { now } = options;
  const { story, variant, decision } = await checkedForRelease(db, actor, ref);
  if (variant.status === 'published') return NOTHING_PUBLIC;
  const change = await inTransaction(db, async (trx) => {
    // Our QA report is a superset of the store's language check, which is skipped here.
    const done = await setVariantStatus(
      trx,
      story.id,
      variant.locale,
      { status: 'published' },
      { now, overrideLanguageQa: true },
    );
    await recordQaDecision(trx, actor, decision, now);
    await recordAudit(
      trx,
      {
        actor,
        action: 'story.publish',
        subject: { kind: 'story', id: story.id },
        locale: variant.locale,
        summary: variant.title,
        details: { revision: variant.revision, qaOverridden: decision.overridden },
      },
      now,
    );
    return done;
  });
  return { change, events: [event('story.published', variant, now)] };
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
  const { now } = options;
  const publishAt = new Date(ref.publishAt);
  if (publishAt.getTime() <= now.getTime()) {
    throw new InvalidInput([{ path: 'publishAt', message: 'must be in the future' }]);
  }
  const { story, variant, decision } = await checkedForRelease(db, actor, ref);
  if (variant.status === 'published') {
    throw new WrongStatus(`The ${variant.locale} variant is already published; unpublish it first.`);
  }
  await inTransaction(db, async (trx) => {
    await setVariantStatus(
      trx,
      story.id,
      variant.locale,
      { status: 'scheduled', publishAt: publishAt.toISOString() },
      { now, overrideLanguageQa: true },
    );
    await recordQaDecision(trx, actor, decision, now);
    await recordAudit(
      trx,
      {
        actor,
        action: 'story.schedule',
        subject: { kind: 'story', id: story.id },
        locale: variant.locale,
        summary: variant.title,
        details: { publishAt: publishAt.toISOString(), qaOverridden: decision.overridden },
      },
      now,
    );
  });
  return { ...NOTHING_PUBLIC, publishAt: publishAt.toISOString() };
}

/**
 * Takes a variant off the site: a published one becomes `unpublished` (readers then get 410
 * Gone); a scheduled one that never went live goes back to draft.
 */
export async function unpublish(
  db: Db,
  actor: Actor,
  input: VariantRef,
  options: WorkflowOptions,
): Promise<Outcome> {
  const ref = parseInput(VariantRefSchema, input);
  const { now } = options;
  assertCan(actor, { action: 'story.publish' });
  const { story } = await loadStory(db, ref.storyId);
  const variant = requireVariant(story, ref.locale);
  if (variant.status === 'draft' || variant.status === 'unpublished') {
    throw new WrongStatus(`The ${variant.locale} variant is not published.`);
  }
  const wasLive = variant.status === 'published';
  const target = wasLive || variant.publishedAt ? 'unpublished' : 'draft';
  await inTransaction(db, async (trx) => {
    await setVariantStatus(trx, story.id, variant.locale, { status: target }, { now });
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
  });
  return wasLive
    ? { change: changeOfStory(story), events: [event('story.unpublished', variant, now)] }
    : NOTHING_PUBLIC;
}
