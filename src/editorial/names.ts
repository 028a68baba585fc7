import type { ContentChange, ContentEvent } from '../stories/index.js';
import type { Outcome } from './outcome.js';

/**
 * The outcome of a write to what names things on every page (sections, entities, the site
 * settings, media): besides the pages it names, the site reloads its names and drops every page.
 * Integrators hear of stories only, so such writes carry no events.
 */
export interface NamesOutcome extends Outcome {
  reloadNames: true;
}

export function namesChanged(change: Partial<ContentChange>): NamesOutcome {
  return {
    change: {
      storyIds: change.storyIds ?? [],
      sectionIds: change.sectionIds ?? [],
      entityIds: change.entityIds ?? [],
    },
    events: [],
    reloadNames: true,
  };
}

/** Hands a names outcome to the site's cache (with the names reload) and the webhooks. */
export async function deliverNamesOutcome(
  outcome: NamesOutcome | Outcome,
  sinks: {
    contentChanged: (change: ContentChange, options?: { taxonomy?: boolean }) => Promise<void>;
    emit: (event: ContentEvent) => Promise<void>;
  },
): Promise<void> {
  const reloadNames = 'reloadNames' in outcome && outcome.reloadNames;
  if (outcome.change) await sinks.contentChanged(outcome.change, { taxonomy: reloadNames });
  for (const event of outcome.events) await sinks.emit(event);
}
