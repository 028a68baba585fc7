import { describe, expect, it } from 'vitest';
import { RELATED_CANDIDATES_PER_ENTITY, rankRelatedStories } from './related.js';

const index = new Map<number, number[]>([
  [1, [90, 80, 70, 10]],
  [2, [80, 60, 10]],
  [3, [70, 10]],
]);

describe('rankRelatedStories', () => {
  it.each<[string, { id: number; entityIds: number[] }, number, number[]]>([
    ['most shared entities first, then newest', { id: 10, entityIds: [1, 2, 3] }, 4, [80, 70, 90, 60]],
    ['never the story itself', { id: 80, entityIds: [1, 2] }, 10, [10, 90, 70, 60]],
    ['a story without entities has none', { id: 5, entityIds: [] }, 4, []],
    ['an entity nobody else has gives none', { id: 5, entityIds: [99] }, 4, []],
    ['a repeated entity counts once', { id: 5, entityIds: [3, 3] }, 4, [70, 10]],
    ['the limit is kept', { id: 10, entityIds: [1, 2, 3] }, 1, [80]],
  ])('%s', (_, story, limit, expected) => expect(rankRelatedStories(index, story, limit)).toEqual(expected));

  it("looks only at each entity's newest stories", () => {
    const many = Array.from({ length: 100 }, (_, i) => 1000 - i);
    const related = rankRelatedStories(new Map([[1, many]]), { id: 1, entityIds: [1] }, 100);
    expect(related).toHaveLength(RELATED_CANDIDATES_PER_ENTITY);
    expect(related[0]).toBe(1000);
  });
});
