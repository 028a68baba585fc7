import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { loadStory } from './access.js';
import { bylineStep } from './byline.js';
import { mergeOutcomes, type Outcome } from './outcome.js';
import { assertFuture, releaseStep, withdrawStep } from './publishing.js';
import { parseInput, type SubmitStoryInput, SubmitStorySchema } from './schema.js';
import { storyDetailsStep } from './story-details.js';
import { runUseCase, type WorkflowOptions } from './use-case.js';
import { saveTextStep } from './variant-text.js';

type Db = Kysely<Database>;

export interface SubmittedStory extends Outcome {
  /** The variant's revision after the submit; undefined when the submit carried no text. */
  revision: number | undefined;
}

/**
 * An editor's submit of the story form, whatever it changes, as one transaction: withdrawal
 * first (so the text of a variant taken off is saved as a draft's), then the text, the story's
 * details, and going live. Each step reads the story as the previous ones left it, so QA at
 * publish judges the text being saved; any refusal (QA, an edit conflict, a taken slug) leaves
 * nothing of the submit stored.
 */
export async function submitStory(
  db: Db,
  actor: Actor,
  input: SubmitStoryInput,
  options: WorkflowOptions,
): Promise<SubmittedStory> {
  const submit = parseInput(SubmitStorySchema, input);
  const { now } = options;
  const publishAt =
    submit.intent === 'schedule' && submit.publishAt ? assertFuture(submit.publishAt, now) : undefined;
  return runUseCase(db, async (trx) => {
    let loaded = await loadStory(trx, submit.storyId);
    // The story is read again only when a later step needs what an earlier one wrote: every step
    // needs the statuses after a withdrawal, and going live needs the text just saved (for QA).
    // The details step reads no variant text, so a save before it does not make it read again.
    const written = { status: false, text: false };
    const current = async (needs: { text: boolean }) => {
      if (written.status || (needs.text && written.text)) {
        loaded = await loadStory(trx, submit.storyId);
        written.status = false;
        written.text = false;
      }
      return loaded;
    };
    const outcomes: Outcome[] = [];
    if (submit.intent === 'unpublish') {
      outcomes.push(await withdrawStep(trx, actor, loaded.story, submit.locale, now));
      written.status = true;
    }
    let revision: number | undefined;
    if (submit.text) {
      const saved = await saveTextStep(
        trx,
        actor,
        await current({ text: true }),
        { ...submit.text, locale: submit.locale, qaOverride: submit.qaOverride },
        now,
      );
      revision = saved.revision;
      outcomes.push(saved);
      written.text ||= saved.saved;
    }
    if (submit.details) {
      outcomes.push(await storyDetailsStep(trx, actor, await current({ text: false }), submit.details, now));
      written.text = true;
    }
    if (submit.byline) {
      outcomes.push(
        await bylineStep(trx, actor, await current({ text: true }), submit.locale, submit.byline, now),
      );
    }
    if (submit.intent === 'publish' || publishAt) {
      const release = publishAt
        ? { status: 'scheduled' as const, publishAt }
        : { status: 'published' as const };
      outcomes.push(
        await releaseStep(
          trx,
          actor,
          (await current({ text: true })).story,
          { locale: submit.locale, release, qaOverride: submit.qaOverride },
          now,
        ),
      );
    }
    return { ...mergeOutcomes(outcomes), revision };
  });
}
