import type { ContentChange, ContentEvent, Story, Variant } from '../stories/index.js';

/**
 * What a write means outside the database: the cached pages to drop (null when readers see no
 * difference, such as a draft edit) and the events for integrators.
 */
export interface Outcome {
  change: ContentChange | null;
  events: ContentEvent[];
}

export const NOTHING_PUBLIC: Outcome = { change: null, events: [] };

/** Hands an outcome to the site's cache and the webhooks; the admin and the Admin API both call it. */
export async function deliverOutcome(
  outcome: Outcome,
  sinks: {
    contentChanged: (change: ContentChange) => Promise<void>;
    emit: (event: ContentEvent) => Promise<void>;
  },
): Promise<void> {
  if (outcome.change) await sinks.contentChanged(outcome.change);
  for (const event of outcome.events) await sinks.emit(event);
}

/** The pages several writes touched together, each named once. */
export function mergeChanges(changes: ContentChange[]): ContentChange {
  const unique = (values: number[]) => [...new Set(values)];
  return {
    storyIds: unique(changes.flatMap((c) => c.storyIds)),
    sectionIds: unique(changes.flatMap((c) => c.sectionIds)),
    entityIds: unique(changes.flatMap((c) => c.entityIds)),
  };
}

/** One outcome for the steps of one use case: their pages merged, their events in order. */
export function mergeOutcomes(outcomes: Outcome[]): Outcome {
  const changes = outcomes.flatMap((o) => (o.change ? [o.change] : []));
  return {
    change: changes.length === 0 ? null : mergeChanges(changes),
    events: outcomes.flatMap((o) => o.events),
  };
}

/** The pages a story appears on: its own, its section's and its entities' lists. */
export function changeOfStory(story: Pick<Story, 'id' | 'sectionId' | 'entityIds'>): ContentChange {
  return { storyIds: [story.id], sectionIds: [story.sectionId], entityIds: story.entityIds };
}

export function hasPublishedVariant(story: Pick<Story, 'variants'>): boolean {
  return story.variants.some((v) => v.status === 'published');
}

export function event(type: ContentEvent['type'], variant: Pick<Variant, 'storyId' | 'locale'>, now: Date) {
  return { type, storyId: variant.storyId, locale: variant.locale, at: now.toISOString() };
}
