import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateProbability, createLshIndex, DEFAULT_LSH, lshBands, lshThreshold } from './lsh-index.js';
import { minhashSignature } from './minhash.js';

const signature = fc.uint32Array({ minLength: 128, maxLength: 128 });

/** Band equality checked slot by slot: what the index must agree with. */
function sharesBand(a: Uint32Array, b: Uint32Array, bands: number, rows: number): boolean {
  for (let band = 0; band < bands; band++) {
    let equal = true;
    for (let row = band * rows; row < (band + 1) * rows; row++) if (a[row] !== b[row]) equal = false;
    if (equal) return true;
  }
  return false;
}

describe('the S-curve', () => {
  it.each([
    [0.3, 0.998],
    [0.2, 0.927],
    [0.1, 0.474],
    [0.05, 0.148],
  ])('the default banding finds a pair at %s with probability %s', (similarity, expected) => {
    expect(candidateProbability(similarity, DEFAULT_LSH)).toBeCloseTo(expected, 3);
  });

  it('puts the even-odds point near (1/b)^(1/r)', () => {
    expect(lshThreshold({ bands: 42, rows: 3 })).toBeCloseTo(0.288, 3);
    expect(candidateProbability(1, DEFAULT_LSH)).toBe(1);
    expect(candidateProbability(0, DEFAULT_LSH)).toBe(0);
  });
});

describe('lshBands', () => {
  it('gives one string per band, naming rows and band', () => {
    const bands = lshBands(minhashSignature('corvid unveils k9 accelerator'));
    expect(bands).toHaveLength(64);
    expect(bands[0]).toMatch(/^r2b00:[0-9a-f]{8}$/);
    expect(bands[63]).toMatch(/^r2b63:[0-9a-f]{8}$/);
  });

  it('shares a string exactly when the index would call the pair candidates', () => {
    fc.assert(
      fc.property(signature, signature, fc.nat({ max: 128 }), (a, b, copied) => {
        b.set(a.subarray(0, copied));
        const shared = lshBands(a).some((band) => lshBands(b).includes(band));
        expect(shared).toBe(sharesBand(a, b, 64, 2));
      }),
    );
  });

  it('gives no bands for a text with nothing in it, so it is nobody’s candidate', () => {
    expect(lshBands(minhashSignature(''))).toEqual([]);
  });

  it('refuses banding that does not fit the signature', () => {
    expect(() => lshBands(new Uint32Array(10), { bands: 6, rows: 2 })).toThrow(RangeError);
    expect(() => lshBands(new Uint32Array(10), { bands: 0, rows: 2 })).toThrow(RangeError);
  });
});

describe('createLshIndex', () => {
  it('proposes exactly the stored signatures that share a band, each once, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(signature, fc.nat({ max: 128 })), { minLength: 1, maxLength: 30 }),
        signature,
        (stored, query) => {
          const index = createLshIndex({ bands: 42, rows: 3 });
          const signatures = stored.map(([s, copied]) => {
            s.set(query.subarray(0, copied));
            return s;
          });
          for (const s of signatures) index.insert(s);
          const expected = signatures.flatMap((s, i) => (sharesBand(s, query, 42, 3) ? [i] : []));
          expect(index.candidates(query)).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  // Growth past the first table and an odd band count: a table that is not a power of two long
  // once made probing loop for ever.
  it('keeps finding items across growth, with a band count that is not a power of two', () => {
    const index = createLshIndex({ bands: 42, rows: 3 });
    const signatures = Array.from({ length: 5000 }, (_, i) =>
      minhashSignature(`story ${i} about chips ${i % 7}`),
    );
    for (const s of signatures) index.insert(s);
    expect(index.size).toBe(5000);
    for (const i of [0, 1234, 4999]) expect(index.candidates(signatures[i] as Uint32Array)).toContain(i);
  });
});

describe('LshIndex.signatureAt', () => {
  it('returns the stored copy, not the caller’s array', () => {
    const index = createLshIndex(DEFAULT_LSH);
    const signature = minhashSignature('corvid unveils k9');
    index.insert(signature);
    signature.fill(0);
    expect(index.signatureAt(0)).toEqual(minhashSignature('corvid unveils k9'));
    expect(() => index.signatureAt(1)).toThrow(RangeError);
  });

  it('refuses signatures of another length than the first', () => {
    const index = createLshIndex(DEFAULT_LSH);
    index.insert(minhashSignature('a b'));
    expect(() => index.insert(minhashSignature('a b', { permutations: 256 }))).toThrow(RangeError);
    expect(() => index.candidates(minhashSignature('a b', { permutations: 256 }))).toThrow(RangeError);
  });
});
