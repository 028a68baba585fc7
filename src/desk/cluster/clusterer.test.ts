import { describe, expect, it } from 'vitest';
import { type ClusterItem, createClusterer } from './clusterer.js';
import { ClusterItemDuplicated } from './errors.js';
import { lshBands } from './lsh-index.js';
import { estimateSimilarity, minhashSignature } from './minhash.js';
import { signatureText } from './shingles.js';

const K9 =
  'Corvid Semiconductor on Tuesday unveiled the K9, a data-centre accelerator built for training large AI models, and said it delivers twice the training throughput of the K7 at the same power draw.';
const EARNINGS =
  'Corvid Semiconductor said on Wednesday that revenue rose 48% from a year earlier to $6.2 billion in its fiscal second quarter, driven by demand for its K7 accelerators from cloud providers.';

function item(id: number | string, title: string, text: string | null = null): ClusterItem {
  return {
    id,
    signature: minhashSignature(signatureText({ title, text })),
    publishedAt: null,
    sourceId: `source-${id}`,
    url: null,
  };
}

describe('createClusterer', () => {
  it('starts a cluster for new news and joins copies to it', () => {
    const clusterer = createClusterer();
    expect(clusterer.add(item(1, 'Corvid unveils K9', K9))).toEqual({
      clusterId: 1,
      joined: false,
      matchedId: null,
      similarity: 0,
    });
    const copy = clusterer.add(
      item(2, "Corvid's K9 doubles AI training speed", K9.replace('built', 'designed')),
    );
    expect(copy).toMatchObject({ clusterId: 1, joined: true, matchedId: 1 });
    expect(copy.similarity).toBeGreaterThan(0.5);
    expect(clusterer.add(item(3, 'Corvid revenue jumps 48%', EARNINGS))).toMatchObject({
      clusterId: 3,
      joined: false,
    });
    expect(clusterer.membersOf(1)).toEqual([1, 2]);
    expect(clusterer.membersOf(3)).toEqual([3]);
    expect(clusterer.membersOf(2)).toEqual([]);
    expect(clusterer.size).toBe(3);
    expect(clusterer.clusterCount).toBe(2);
  });

  it('joins the cluster of the most similar earlier item, not the first one found', () => {
    const clusterer = createClusterer({ threshold: 0.2 });
    const words = Array.from({ length: 110 }, (_, i) => `w${i}`);
    clusterer.add(item('a', words.slice(0, 60).join(' ')));
    // 9 of 59 bigrams shared with a: Jaccard 0.08, a cluster of its own.
    expect(clusterer.add(item('b', words.slice(50, 110).join(' '))).joined).toBe(false);
    // Jaccard 0.33 with a and 0.49 with b: both pass 0.2, b is closer.
    expect(clusterer.add(item('c', words.slice(30, 90).join(' ')))).toMatchObject({
      clusterId: 'b',
      matchedId: 'b',
    });
  });

  it('verifies candidates by the estimate: sharing a band is not enough', () => {
    const clusterer = createClusterer({ threshold: 0.9, bands: 64, rows: 2 });
    const original = item(1, 'Corvid unveils K9', K9);
    const copy = item(2, 'K9 arrives at last', K9.replace('twice', 'three times'));
    const copyBands = lshBands(copy.signature);
    expect(lshBands(original.signature).some((band) => copyBands.includes(band))).toBe(true);
    expect(estimateSimilarity(original.signature, copy.signature)).toBeLessThan(0.9);
    clusterer.add(original);
    const result = clusterer.add(copy);
    expect(result.joined).toBe(false);
    expect(result.similarity).toBe(0);
  });

  it('joins through a third copy when two texts are not alike enough directly', () => {
    const clusterer = createClusterer();
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    clusterer.add(item(1, words.slice(0, 40).join(' ')));
    clusterer.add(item(2, words.slice(10, 50).join(' ')));
    expect(clusterer.add(item(3, words.slice(20, 60).join(' ')))).toMatchObject({
      clusterId: 1,
      matchedId: 2,
    });
  });

  it('never joins or attracts an item with no text', () => {
    const clusterer = createClusterer();
    expect(clusterer.add(item(1, '', '')).joined).toBe(false);
    expect(clusterer.add(item(2, '!!', null)).joined).toBe(false);
    expect(clusterer.add(item(3, 'Corvid unveils K9', K9)).joined).toBe(false);
    expect(clusterer.clusterCount).toBe(3);
  });

  it('rebuilds the same clusters when stored items are added again in order', () => {
    const texts = [
      ['Corvid unveils K9', K9],
      ['Corvid revenue jumps', EARNINGS],
      ['K9 is here', K9.replace('Tuesday', 'Monday')],
      ['Corvid beats forecasts', EARNINGS.replace('rose', 'jumped')],
      ['Unrelated', 'Parallax Labs raises $400 million to build robots that learn from video.'],
    ] as const;
    const stored = texts.map(([title, text], i) => item(100 + i, title, text));
    const run = () => {
      const clusterer = createClusterer();
      return stored.map((s) => clusterer.add({ ...s, signature: Uint32Array.from(s.signature) }).clusterId);
    };
    const first = run();
    expect(first).toEqual([100, 101, 100, 101, 104]);
    expect(run()).toEqual(first);
  });

  it('refuses an id added twice and signatures of another length', () => {
    const clusterer = createClusterer();
    clusterer.add(item(1, 'Corvid unveils K9', K9));
    expect(() => clusterer.add(item(1, 'again', K9))).toThrow(ClusterItemDuplicated);
    expect(() =>
      clusterer.add({ ...item(2, 'short'), signature: minhashSignature('short text', { permutations: 64 }) }),
    ).toThrow(RangeError);
  });

  it('refuses a threshold outside (0, 1]', () => {
    expect(() => createClusterer({ threshold: 0 })).toThrow(RangeError);
    expect(() => createClusterer({ threshold: 1.5 })).toThrow(RangeError);
  });

  it('grows past its first allocation', () => {
    // Unrelated texts: near-identical ones would land in the same buckets and turn the run into
    // 3000² comparisons, which is the benchmark's subject (bench/desk-cluster.bench.ts), not this.
    const text = (i: number) =>
      Array.from({ length: 12 }, (_, word) => ((i * 7919 + word * 104_729) % 1_000_003).toString(36)).join(
        ' ',
      );
    const clusterer = createClusterer();
    for (let i = 0; i < 3000; i++) clusterer.add(item(i, `story ${i}`, text(i)));
    expect(clusterer.size).toBe(3000);
    expect(clusterer.add(item('again', 'story 2999', text(2999))).matchedId).toBe(2999);
  });
});
