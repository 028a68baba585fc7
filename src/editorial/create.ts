import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { assertCan, assertEnabledLocale } from './access.js';
import { NOTHING_PUBLIC } from './outcome.js';
import { insertRevision, updateAuthorId } from './queries.js';
import { type CreateStoryInput, CreateStorySchema, parseInput } from './schema.js';
import { runUseCase, type WorkflowOptions } from './use-case.js';
import { type SavedVariant, snapshotOf } from './variant-text.js';
import { writeStoryDetails } from './writes/stories.js';
import { insertStories } from './writes/variants.js';

type Db = Kysely<Database>;

/** Starts a story as a draft in its source locale; the actor becomes its author. */
export async function createStory(
  db: Db,
  actor: Actor,
  input: CreateStoryInput,
  options: WorkflowOptions,
): Promise<SavedVariant> {
  const story = parseInput(CreateStorySchema, input);
  assertCan(actor, { action: 'story.create' });
  const { now } = options;
  const storyId = await runUseCase(db, async (trx) => {
    await assertEnabledLocale(trx, story.sourceLocale);
    const { stories } = await insertStories(
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
      now,
    );
    const created = stories[0];
    if (!created?.variants[0]) throw new Error('The new story was not stored.');
    if (story.heroMediaId !== null) {
      await writeStoryDetails(trx, created, { heroMediaId: story.heroMediaId }, now);
    }
    await updateAuthorId(trx, created.id, actor.id);
    await insertRevision(trx, {
      ...snapshotOf(created.variants[0]),
      savedBy: actor.id,
      savedAt: now.toISOString(),
    });
    await recordAudit(
      trx,
      {
        actor,
        action: 'story.create',
        subject: { kind: 'story', id: created.id },
        locale: story.sourceLocale,
        summary: story.variant.title,
      },
      now,
    );
    return created.id;
  });
  return { storyId, locale: story.sourceLocale, revision: 1, saved: true, created: true, ...NOTHING_PUBLIC };
}
