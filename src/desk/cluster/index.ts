/** A cluster's earliest item and its most original (most linked-to) one. */
export { pickCanonical } from './canonical.js';
/** Online clustering of items by signature; rebuilt by adding stored items in their order. */
export {
  createClusterer,
  DEFAULT_THRESHOLD,
} from './clusterer.js';
/** Signatures to and from versioned little-endian bytes for a BLOB/bytea column. */
export { decodeSignature, encodeSignature } from './encoding.js';
/** LSH banding: the band strings a database index stores for candidate lookup. */
export {
  DEFAULT_LSH,
  lshBands,
} from './lsh-index.js';
/** 128-slot MinHash signatures from fixed seeds, and their estimate of Jaccard similarity. */
export {
  estimateSimilarity,
  minhashSignature,
} from './minhash.js';
/** Pairwise precision and recall of a clustering against labels, for tests and benchmarks. */
export { pairScores } from './pair-scores.js';
/** The text a duplicate signature is made from (title + lead). */
export { signatureText } from './shingles.js';
