import { mix32 } from './hash.js';
import { isEmptySignature } from './minhash.js';

export type LshOptions = {
  /** Number of bands; two signatures become candidates when all rows of any one band agree. */
  bands: number;
  /** Signature slots per band. */
  rows: number;
};

// 64 × 2 = all 128 slots. With the 0.3 clustering threshold (clusterer.ts), a pair at 0.3 becomes a
// candidate 99.8% of the time and one at 0.4 always; the cost is more candidates to verify (at 0.1,
// 47%). 42 × 3 would halve that cost but find a pair at 0.3 only 68% of the time.
export const DEFAULT_LSH: LshOptions = { bands: 64, rows: 2 };

/** The similarity at which a pair has even odds of becoming a candidate: about (1/b)^(1/r). */
export function lshThreshold({ bands, rows }: LshOptions): number {
  return (1 / bands) ** (1 / rows);
}

/** The chance that a pair of signatures with this similarity shares at least one band. */
export function candidateProbability(similarity: number, { bands, rows }: LshOptions): number {
  return 1 - (1 - similarity ** rows) ** bands;
}

/** The key of one band: a hash of its rows, seeded with the band number so bands never collide. */
function bandKey(values: Uint32Array, offset: number, band: number, rows: number): number {
  let h = mix32(band + 1);
  for (let row = offset + band * rows; row < offset + (band + 1) * rows; row++)
    h = mix32(h ^ (values[row] as number));
  // Kept as a signed 32-bit integer: V8 stores those unboxed, and the index compares millions.
  return h | 0;
}

/**
 * A signature's bands as strings for a database column, e.g. "r3b07:9f3a01bc": items sharing any
 * string are candidates. Rows are part of the string so a change of banding cannot match stale
 * rows. A signature of no text has no bands: it must never become anyone's candidate.
 */
export function lshBands(signature: Uint32Array, options: LshOptions = DEFAULT_LSH): string[] {
  const { bands, rows } = checked(options, signature);
  if (isEmptySignature(signature)) return [];
  return Array.from({ length: bands }, (_, band) => {
    const key = (bandKey(signature, 0, band, rows) >>> 0).toString(16).padStart(8, '0');
    return `r${rows}b${String(band).padStart(2, '0')}:${key}`;
  });
}

function checked(options: LshOptions, signature?: Uint32Array): LshOptions {
  const { bands, rows } = options;
  if (!Number.isInteger(bands) || !Number.isInteger(rows) || bands < 1 || rows < 1)
    throw new RangeError('bands and rows must be positive integers');
  if (signature && signature.length < bands * rows)
    throw new RangeError(`a signature of ${signature.length} slots cannot fill ${bands} × ${rows}`);
  return options;
}

export type LshIndex = {
  /** Stores a copy of the signature and returns its index (0, 1, 2… in insertion order). */
  insert(signature: Uint32Array): number;
  /** Indices of the stored items sharing at least one band with the signature, each once, ascending. */
  candidates(signature: Uint32Array): number[];
  /** The stored signature of an item, as a read-only view. */
  signatureAt(item: number): Uint32Array;
  readonly size: number;
};

const EMPTY = -1;
// Linear probing stays short (about 2.5 probes to find a key, 9 to miss one) up to 0.8 full; the
// table is the second-largest allocation after the signatures, so it is not kept emptier.
const MAX_LOAD = 0.8;
const FIRST_CAPACITY = 1024;

// All in typed arrays, one entry per (item, band): a Map per band would cost several times the
// memory at 100,000 items. `heads` is an open-addressing table from a band key to the newest entry
// with that key; `previous` chains each entry to the older one with the same key. Keys are not
// stored: they are recomputed from the stored signature (three mixes) when a probe needs one.
export function createLshIndex(options: LshOptions): LshIndex {
  const { bands, rows } = checked(options);
  let slots = 0;
  let signatures = new Uint32Array(0);
  let previous = new Int32Array(FIRST_CAPACITY * bands);
  let seen = new Uint32Array(FIRST_CAPACITY);
  // Linear probing wraps with a bit mask, so the table length must stay a power of two.
  let heads = new Int32Array(2 ** Math.ceil(Math.log2(2 * FIRST_CAPACITY * bands))).fill(EMPTY);
  let used = 0;
  let size = 0;
  let query = 0;

  const keyOf = (entry: number) => {
    const item = (entry / bands) | 0;
    return bandKey(signatures, item * slots, entry - item * bands, rows);
  };
  const slotOf = (key: number, band: number) => mix32(key + Math.imul(band, 0x9e3779b9)) & (heads.length - 1);

  /** The table slot holding this (band, key), or the empty slot where it belongs. */
  const find = (key: number, band: number): number => {
    const mask = heads.length - 1;
    let slot = slotOf(key, band);
    for (;;) {
      const entry = heads[slot] as number;
      if (entry === EMPTY || (entry % bands === band && keyOf(entry) === key)) return slot;
      slot = (slot + 1) & mask;
    }
  };

  const growTable = () => {
    const old = heads;
    heads = new Int32Array(old.length * 2).fill(EMPTY);
    for (const entry of old) if (entry !== EMPTY) heads[find(keyOf(entry), entry % bands)] = entry;
  };

  const growItems = () => {
    const capacity = Math.ceil(Math.max(FIRST_CAPACITY, seen.length) * 1.5);
    signatures = copyInto(new Uint32Array(capacity * slots), signatures);
    previous = copyInto(new Int32Array(capacity * bands), previous);
    seen = copyInto(new Uint32Array(capacity), seen);
  };

  return {
    get size() {
      return size;
    },
    insert(signature) {
      checked(options, signature);
      if (slots === 0) {
        slots = signature.length;
        signatures = new Uint32Array(FIRST_CAPACITY * slots);
      }
      if (signature.length !== slots)
        throw new RangeError(`signature has ${signature.length} slots; this index holds ${slots}`);
      if ((size + 1) * slots > signatures.length) growItems();
      const item = size++;
      signatures.set(signature, item * slots);
      for (let band = 0; band < bands; band++) {
        if (used + 1 > heads.length * MAX_LOAD) growTable();
        const entry = item * bands + band;
        const slot = find(bandKey(signature, 0, band, rows), band);
        const head = heads[slot] as number;
        previous[entry] = head;
        if (head === EMPTY) used++;
        heads[slot] = entry;
      }
      return item;
    },
    candidates(signature) {
      if (size === 0) return [];
      if (signature.length !== slots)
        throw new RangeError(`signature has ${signature.length} slots; this index holds ${slots}`);
      query = (query + 1) >>> 0;
      if (query === 0) {
        seen.fill(0);
        query = 1;
      }
      const found: number[] = [];
      for (let band = 0; band < bands; band++) {
        for (let entry = heads[find(bandKey(signature, 0, band, rows), band)] as number; entry !== EMPTY; ) {
          const item = (entry / bands) | 0;
          if (seen[item] !== query) {
            seen[item] = query;
            found.push(item);
          }
          entry = previous[entry] as number;
        }
      }
      return found.sort((a, b) => a - b);
    },
    signatureAt(item) {
      if (!(item >= 0 && item < size)) throw new RangeError(`no item ${item} in an index of ${size}`);
      return signatures.subarray(item * slots, (item + 1) * slots);
    },
  };
}

function copyInto<T extends Uint32Array | Int32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
