import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { assertCan, type LoadedStory, loadStory, sourceVariantOf, variantOf } from './access.js';
import { proposeEntitiesStep } from './entity-proposals.js';
import { event, hasPublishedVariant, mergeOutcomes, NOTHING_PUBLIC, type Outcome } from './outcome.js';
import { parseInput, type StoryMetaInput, StoryMetaSchema, type StoryRef, StoryRefSchema } from './schema.js';
import { runUseCase, type WorkflowOptions } from './use-case.js';
import { rewriteVariantStep } from './variant-text.js';
import { deleteStoryRows, type StoryDetailChanges, writeStoryDetails } from './writes/stories.js';

type Db = Kysely<Database>;

/**
 * Section, entities, sources and hero image, inside the use case's transaction; they need the
 * right to edit the source locale. Readers see the change only where a variant is live.
 */
export async function storyDetailsStep(
  trx: Db,
  actor: Actor,
  loaded: LoadedStory,
  { proposedEntities, ...details }: StoryDetailChanges & { proposedEntities?: string[] | undefined },
  now: Date,
): Promise<Outcome> {
  const { story, scope } = loaded;
  if (Object.values(details).every((value) => value === undefined) && !proposedEntities?.length) {
    return NOTHING_PUBLIC;
  }
  assertCan(actor, { action: 'story.edit', story: scope, locale: story.sourceLocale });
  if (proposedEntities?.length) {
    const proposed = await proposeEntitiesStep(
      trx,
      actor,
      { names: proposedEntities, locale: story.sourceLocale, storyId: story.id },
      now,
    );
    const tagged = details.entities ?? (await listTaggedSlugs(trx, story.id));
    details.entities = [...new Set([...tagged, ...proposed])];
  }
  const change = await writeStoryDetails(trx, story, details, now);
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
  if (!hasPublishedVariant(story)) return NOTHING_PUBLIC;
  return {
    change,
    events: story.variants.filter((v) => v.status === 'published').map((v) => event('story.updated', v, now)),
  };
}

/**
 * Changes what the story says around its text: section, entities, sources and hero image, and
 * hero alt text per locale (each needs the right to edit that locale, and is saved as a revision
 * of its variant). All in one transaction.
 */
export async function updateStoryMeta(
  db: Db,
  actor: Actor,
  input: StoryMetaInput,
  options: WorkflowOptions,
): Promise<Outcome> {
  const meta = parseInput(StoryMetaSchema, input);
  const { now } = options;
  return runUseCase(db, async (trx) => {
    const loaded = await loadStory(trx, meta.storyId);
    const outcomes = [
      await storyDetailsStep(
        trx,
        actor,
        loaded,
        {
          section: meta.section,
          entities: meta.entities,
          proposedEntities: meta.proposedEntities,
          sources: meta.sources,
          heroMediaId: meta.heroMediaId,
        },
        now,
      ),
    ];
    for (const [locale, heroAlt] of Object.entries(meta.heroAlt ?? {})) {
      const { story, scope } = await loadStory(trx, meta.storyId);
      const variant = variantOf(story, locale);
      if (!variant || variant.heroAlt === heroAlt) continue;
      assertCan(actor, { action: 'story.edit', story: scope, locale });
      outcomes.push(
        await rewriteVariantStep(
          trx,
          actor,
          { story, variant, expectedRevision: variant.revision },
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
  });
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
  return runUseCase(db, async (trx) => {
    const { story } = await loadStory(trx, ref.storyId);
    const source = sourceVariantOf(story) ?? story.variants[0];
    const change = await deleteStoryRows(trx, story);
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
    const live = story.variants.filter((v) => v.status === 'published');
    return {
      change: live.length > 0 ? change : null,
      events: live.map((v) => event('story.unpublished', v, options.now)),
    };
  });
}

/** The slugs the story is tagged with now, in their order. */
async function listTaggedSlugs(trx: Db, storyId: number): Promise<string[]> {
  const rows = await trx
    .selectFrom('story_entities')
    .innerJoin('entities', 'entities.id', 'story_entities.entity_id')
    .select('entities.slug')
    .where('story_entities.story_id', '=', storyId)
    .orderBy('story_entities.position')
    .execute();
  return rows.map((r) => r.slug);
}
