import { ClusterItemDuplicated } from './errors.js';
import { createLshIndex, DEFAULT_LSH, type LshOptions } from './lsh-index.js';
import { estimateSimilarity, isEmptySignature } from './minhash.js';

export type ItemId = number | string;

export type ClusterItem = {
  id: ItemId;
  signature: Uint32Array;
  publishedAt: string | null;
  sourceId: ItemId;
  url: string | null;
  links?: string[];
};

export type ClustererOptions = Partial<LshOptions> & {
  /** Estimated similarity at or above which an item joins its best match's cluster. */
  threshold?: number;
};

export type ClusterAssignment = {
  /** The id of the cluster's first item, so a rebuild in the same order gives the same ids. */
  clusterId: ItemId;
  joined: boolean;
  /** The item it was matched with and their estimated similarity (null and 0 for a new cluster). */
  matchedId: ItemId | null;
  similarity: number;
};

export type Clusterer = {
  add(item: ClusterItem): ClusterAssignment;
  /** Item ids of a cluster in the order they were added; empty for an unknown cluster id. */
  membersOf(clusterId: ItemId): ItemId[];
  readonly size: number;
  readonly clusterCount: number;
};

// Measured (labelled-stories.test.ts prints the figures): lightly edited copies of one story score
// 0.4 to 0.6 against each other, a feed's cut-off snippet 0.4, a one-line summary or a rewritten lead
// 0.1 to 0.45; distinct stories about one company, sharing its boilerplate, reach 0.21, and unrelated
// wire documents sharing one sentence 0.22. 0.3 sits above those with about two standard errors of
// the 128-slot estimate to spare.
export const DEFAULT_THRESHOLD = 0.3;
const NONE = -1;

/**
 * Online near-duplicate clustering: each added item joins the cluster of its most similar earlier
 * item when the MinHash estimate reaches the threshold (LSH only proposes candidates), else it
 * starts a cluster. Items with no text never join or attract anything.
 */
export function createClusterer(options: ClustererOptions = {}): Clusterer {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const bands = options.bands ?? DEFAULT_LSH.bands;
  const rows = options.rows ?? DEFAULT_LSH.rows;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
  const index = createLshIndex({ bands, rows });
  const ids: ItemId[] = [];
  const positions = new Map<ItemId, number>();
  let founderOf = new Int32Array(1024);
  let nextMember = new Int32Array(1024);
  let lastMember = new Int32Array(1024);
  // Only items with text are indexed; this maps an index entry back to the item's position.
  let itemOfEntry = new Int32Array(1024);
  let clusterCount = 0;

  const remember = (signature: Uint32Array, item: number) => {
    const entry = index.insert(signature);
    if (entry === itemOfEntry.length) itemOfEntry = grown(itemOfEntry, entry * 2);
    itemOfEntry[entry] = item;
  };

  const bestMatch = (signature: Uint32Array) => {
    let best = NONE;
    let bestSimilarity = 0;
    for (const entry of index.candidates(signature)) {
      const similarity = estimateSimilarity(signature, index.signatureAt(entry));
      if (similarity >= threshold && similarity > bestSimilarity) {
        best = itemOfEntry[entry] as number;
        bestSimilarity = similarity;
      }
    }
    return { best, bestSimilarity };
  };

  return {
    get size() {
      return ids.length;
    },
    get clusterCount() {
      return clusterCount;
    },
    add(item) {
      if (positions.has(item.id)) throw new ClusterItemDuplicated(item.id);
      const position = ids.length;
      if (position === founderOf.length) {
        founderOf = grown(founderOf, position * 2);
        nextMember = grown(nextMember, position * 2);
        lastMember = grown(lastMember, position * 2);
      }
      const empty = isEmptySignature(item.signature);
      const { best, bestSimilarity } = empty ? { best: NONE, bestSimilarity: 0 } : bestMatch(item.signature);
      // First, because it is the step that can refuse the signature: nothing has changed yet.
      if (!empty) remember(item.signature, position);
      ids.push(item.id);
      positions.set(item.id, position);
      nextMember[position] = NONE;
      if (best === NONE) {
        founderOf[position] = position;
        lastMember[position] = position;
        clusterCount++;
      } else {
        const founder = founderOf[best] as number;
        founderOf[position] = founder;
        nextMember[lastMember[founder] as number] = position;
        lastMember[founder] = position;
      }
      const founder = founderOf[position] as number;
      return {
        clusterId: ids[founder] as ItemId,
        joined: best !== NONE,
        matchedId: best === NONE ? null : (ids[best] as ItemId),
        similarity: bestSimilarity,
      };
    },
    membersOf(clusterId) {
      const founder = positions.get(clusterId);
      if (founder === undefined || founderOf[founder] !== founder) return [];
      const members: ItemId[] = [];
      for (let at = founder; at !== NONE; at = nextMember[at] as number) members.push(ids[at] as ItemId);
      return members;
    },
  };
}

function grown<T extends Int32Array | Uint32Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}
