import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERMUTATIONS, estimateSimilarity, isEmptySignature, minhashSignature } from './minhash.js';
import { shingles } from './shingles.js';

const latinWord = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const hanWord = fc.stringMatching(/^[渡鸦半导体发布芯片训练模型数据中心云服务商]{1,4}$/);
const words = fc.array(fc.oneof(latinWord, hanWord), { minLength: 1, maxLength: 40 });
const text = words.map((list) => list.join(' '));

function jaccard(a: readonly string[], b: readonly string[]): number {
  const setB = new Set(b);
  const shared = a.filter((x) => setB.has(x)).length;
  return shared / (a.length + b.length - shared);
}

/** Two shingle sets cut from one pool, so their true Jaccard similarity is known and varied. */
const shinglePair = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 2, maxLength: 300 })
  .chain((pool) =>
    fc.tuple(fc.nat({ max: pool.length }), fc.nat({ max: pool.length })).map(([x, y]) => {
      const [from, to] = x <= y ? [x, y] : [y, x];
      return { a: pool.slice(0, Math.max(to, 1)), b: pool.slice(from) };
    }),
  );

describe('minhashSignature', () => {
  it('has 128 slots by default and more on request', () => {
    expect(minhashSignature('corvid unveils k9')).toHaveLength(DEFAULT_PERMUTATIONS);
    expect(minhashSignature('corvid unveils k9', { permutations: 256 })).toHaveLength(256);
    expect(() => minhashSignature('x', { permutations: 0 })).toThrow(RangeError);
  });

  it('is deterministic: the same text always gives the same slots', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(minhashSignature(t)).toEqual(minhashSignature(t));
      }),
    );
  });

  it('gives the same signature from the text as from its shingles', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(minhashSignature(t)).toEqual(minhashSignature(shingles(t)));
      }),
    );
  });

  it('does not see case, extra whitespace or punctuation', () => {
    const separator = fc.constantFrom(' ', '  ', ', ', ' - ', '\n', '! ', '。', '：“', ' (', ') ');
    fc.assert(
      fc.property(words, fc.array(separator, { minLength: 40, maxLength: 40 }), (list, separators) => {
        const plain = list.join(' ');
        const noisy = list.map((word, i) => (i % 2 ? word.toUpperCase() : word) + separators[i]).join('');
        expect(minhashSignature(`  ${noisy}  `)).toEqual(minhashSignature(plain));
      }),
    );
  });

  it('leaves a text with nothing to shingle empty', () => {
    expect(isEmptySignature(minhashSignature(''))).toBe(true);
    expect(isEmptySignature(minhashSignature('!?'))).toBe(true);
    expect(isEmptySignature(minhashSignature('a'))).toBe(false);
  });
});

describe('estimateSimilarity', () => {
  it('is 1 for a signature with itself', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(estimateSimilarity(minhashSignature(t), minhashSignature(t))).toBe(1);
      }),
    );
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(text, text, (x, y) => {
        const [a, b] = [minhashSignature(x), minhashSignature(y)];
        expect(estimateSimilarity(a, b)).toBe(estimateSimilarity(b, a));
      }),
    );
  });

  it('is 0 between empty texts: no text is nobody’s duplicate', () => {
    expect(estimateSimilarity(minhashSignature(''), minhashSignature(''))).toBe(0);
  });

  it('refuses signatures of different lengths', () => {
    expect(() => estimateSimilarity(new Uint32Array(2), new Uint32Array(3))).toThrow(RangeError);
  });

  // With 128 slots the estimate's standard deviation is sqrt(J(1-J)/128) ≤ 0.044, so an error of
  // 0.25 is over five deviations: about one pair in ten million, far from a flaky test.
  it('stays within 0.25 of the true Jaccard similarity of the shingle sets', () => {
    fc.assert(
      fc.property(shinglePair, ({ a, b }) => {
        const error = Math.abs(estimateSimilarity(minhashSignature(a), minhashSignature(b)) - jaccard(a, b));
        expect(error).toBeLessThanOrEqual(0.25);
      }),
      { numRuns: 300 },
    );
  });

  // The mean absolute error of an unbiased estimate with deviation ≤ 0.044 is at most 0.035; over
  // 300 pairs the mean of it wanders by under 0.003, so 0.05 holds unless the permutations are bad.
  it('has a mean error under 0.05 over many pairs', () => {
    const pairs = fc.sample(shinglePair, { numRuns: 300, seed: 42 });
    const errors = pairs.map(({ a, b }) =>
      Math.abs(estimateSimilarity(minhashSignature(a), minhashSignature(b)) - jaccard(a, b)),
    );
    const mean = errors.reduce((sum, e) => sum + e, 0) / errors.length;
    expect(mean).toBeLessThan(0.05);
  });
});
