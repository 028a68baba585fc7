import { hashString, seededRandom } from './hash.js';
import { type ShingleOptions, shingleHashes } from './shingles.js';

export type MinhashOptions = ShingleOptions & {
  /** Signature length; a similarity estimate's standard error is about 0.5/sqrt(permutations). */
  permutations?: number;
};

/** 128 values: a standard error of at most 0.044 per estimate, in 512 bytes per stored item. */
export const DEFAULT_PERMUTATIONS = 128;
const MAX_PERMUTATIONS = 1024;
// Part of the stored format: signatures made with other seeds do not compare (encoding.ts versions it).
const SEED = 0x5eed_c1a5;
const EMPTY_SLOT = 0xffffffff;

const seeds = (() => {
  const next = seededRandom(SEED);
  return Uint32Array.from({ length: MAX_PERMUTATIONS }, () => next());
})();

/**
 * The MinHash signature of a text (shingled as `shingles` does) or of a ready list of shingles.
 * Slot i holds the minimum over shingles of mix32(hash ^ seed_i): xor with a random seed followed
 * by an avalanche bijection acts as an independent random permutation per slot.
 */
export function minhashSignature(
  input: string | Iterable<string>,
  options: MinhashOptions = {},
): Uint32Array {
  const permutations = options.permutations ?? DEFAULT_PERMUTATIONS;
  if (!Number.isInteger(permutations) || permutations < 1 || permutations > MAX_PERMUTATIONS)
    throw new RangeError(`permutations must be an integer from 1 to ${MAX_PERMUTATIONS}`);
  const hashes = typeof input === 'string' ? shingleHashes(input, options) : Array.from(input, hashString);
  const signature = new Uint32Array(permutations).fill(EMPTY_SLOT);
  for (const hash of hashes) {
    for (let i = 0; i < permutations; i++) {
      // mix32 written out: as a call its uint32 result is boxed, which made this loop five times slower.
      let h = hash ^ (seeds[i] as number);
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      h >>>= 0;
      if (h < (signature[i] as number)) signature[i] = h;
    }
  }
  return signature;
}

/**
 * The fraction of equal slots: an unbiased estimate of the Jaccard similarity of the shingle sets.
 * Slots still empty on both sides do not count, so a text with no shingles matches nothing.
 */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError(`signatures differ in length: ${a.length} and ${b.length}`);
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i] && a[i] !== EMPTY_SLOT) equal++;
  return a.length === 0 ? 0 : equal / a.length;
}

/** True for the signature of a text with no shingles (empty or punctuation only): it matches nothing. */
export function isEmptySignature(signature: Uint32Array): boolean {
  return signature.every((value) => value === EMPTY_SLOT);
}
