// Related stories are ranked in memory: every story page needs them, and on a cache miss the SQL
// version (each entity's newest stories, grouped by overlap) cost more than the rest of the page.

/** How many of each entity's newest stories are considered, so a popular entity costs no more. */
export const RELATED_CANDIDATES_PER_ENTITY = 24;

/** Published story ids per entity, newest (highest id) first. */
export type StoriesByEntity = ReadonlyMap<number, readonly number[]>;

/**
 * Published stories sharing entities with `story`, most shared first, then newest, among each
 * entity's newest `RELATED_CANDIDATES_PER_ENTITY` other stories.
 */
export function rankRelatedStories(
  byEntity: StoriesByEntity,
  story: { id: number; entityIds: readonly number[] },
  limit: number,
): number[] {
  const shared = new Map<number, number>();
  for (const entityId of new Set(story.entityIds)) {
    let taken = 0;
    for (const candidate of byEntity.get(entityId) ?? []) {
      if (taken === RELATED_CANDIDATES_PER_ENTITY) break;
      if (candidate === story.id) continue;
      shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
      taken++;
    }
  }
  return [...shared]
    .sort(([idA, countA], [idB, countB]) => countB - countA || idB - idA)
    .slice(0, limit)
    .map(([id]) => id);
}
