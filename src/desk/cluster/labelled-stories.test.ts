import { describe, expect, it } from 'vitest';
import { type CopyKind, LABELLED_STORIES } from '../../../test/fixtures/labelled-stories/index.js';
import { createClusterer } from './clusterer.js';
import { minhashSignature } from './minhash.js';
import { pairScores } from './pair-scores.js';
import { signatureText } from './shingles.js';

// Clustered as the desk would: in order of publication, undated last.
const ordered = [...LABELLED_STORIES].sort((a, b) =>
  (a.publishedAt ?? '~').localeCompare(b.publishedAt ?? '~'),
);
const clusterer = createClusterer();
const clusterOf = new Map(
  ordered.map((story) => [
    story.id,
    clusterer.add({ ...story, signature: minhashSignature(signatureText(story)) }).clusterId,
  ]),
);
const scores = pairScores(
  ordered.map((story) => clusterOf.get(story.id)),
  ordered.map((story) => story.label),
);
const originalOf = new Map(LABELLED_STORIES.filter((s) => s.kind === 'original').map((s) => [s.label, s.id]));

/** How many copies of a kind ended in the same cluster as their story's original. */
function joinedOriginal(kind: CopyKind): { joined: number; total: number } {
  const copies = LABELLED_STORIES.filter((s) => s.kind === kind);
  const joined = copies.filter((s) => clusterOf.get(s.id) === clusterOf.get(originalOf.get(s.label) ?? ''));
  return { joined: joined.length, total: copies.length };
}

describe('the labelled stories, clustered with the defaults', () => {
  it('has one original per label and both languages', () => {
    expect(originalOf.size).toBe(new Set(LABELLED_STORIES.map((s) => s.label)).size);
    expect(LABELLED_STORIES.some((s) => s.label.endsWith('/zh'))).toBe(true);
  });

  // Measured: precision 1.000 (32 of 32 pairs), recall 0.667 (32 of 48). At threshold 0.25 precision
  // falls to 0.86 (Chinese funding and acquisition stories share Parallax's boilerplate); at 0.5 recall
  // falls to 0.27. The misses are one-line summaries; see the next test.
  it('keeps distinct stories apart (pairwise precision ≥ 0.95) and finds most copies (recall ≥ 0.6)', () => {
    console.info(
      `labelled stories: precision ${scores.precision.toFixed(3)} (${scores.truePairs}/${scores.predictedPairs}), recall ${scores.recall.toFixed(3)} (${scores.truePairs}/${scores.labelledPairs})`,
    );
    expect(scores.precision).toBeGreaterThanOrEqual(0.95);
    expect(scores.recall).toBeGreaterThanOrEqual(0.6);
  });

  // Measured: copies 12/12, rewrites 4/4, snippets 1/2 (the other joined a summary that the wire
  // story had not caught: joining never merges two clusters), summaries 4/9. A one-sentence
  // summary shares a third of its bigrams or less with a three-sentence lead: MinHash's limit.
  it('puts every lightly edited copy and rewrite with its original', () => {
    const kinds = (['copy', 'rewrite', 'snippet', 'summary'] as const).map((kind) => ({
      kind,
      ...joinedOriginal(kind),
    }));
    console.info(`joined their original: ${kinds.map((k) => `${k.kind} ${k.joined}/${k.total}`).join(', ')}`);
    expect(joinedOriginal('copy')).toEqual({ joined: 12, total: 12 });
    expect(joinedOriginal('rewrite').joined).toBeGreaterThanOrEqual(3);
  });

  it('never merges across languages or across stories about one company', () => {
    const labelsOfCluster = new Map<unknown, Set<string>>();
    for (const story of LABELLED_STORIES) {
      const id = clusterOf.get(story.id);
      labelsOfCluster.set(id, (labelsOfCluster.get(id) ?? new Set()).add(story.label));
    }
    for (const labels of labelsOfCluster.values()) expect([...labels]).toHaveLength(1);
  });
});
