/** The text a duplicate signature is made from (title + lead), and its script-aware shingles. */

/** A cluster's earliest item and its most original (most linked-to) one; URL normalisation. */
export { type Canonical, type CanonicalCandidate, normaliseUrl, pickCanonical } from './canonical.js';
/** Online clustering of items by signature; rebuilt by adding stored items in their order. */
export {
  type ClusterAssignment,
  type Clusterer,
  type ClustererOptions,
  type ClusterItem,
  createClusterer,
  DEFAULT_THRESHOLD,
  type ItemId,
} from './clusterer.js';
/** Signatures to and from versioned little-endian bytes for a BLOB/bytea column. */
export { decodeSignature, encodeSignature, SIGNATURE_FORMAT_VERSION } from './encoding.js';
/** Typed errors: stored signature bytes unreadable, an item clustered twice. */
export { ClusterItemDuplicated, SignatureMalformed } from './errors.js';
/** LSH banding: band strings for a database index, or an in-memory index, and its S-curve. */
export {
  candidateProbability,
  createLshIndex,
  DEFAULT_LSH,
  type LshIndex,
  type LshOptions,
  lshBands,
  lshThreshold,
} from './lsh-index.js';
/** 128-slot MinHash signatures from fixed seeds, and their estimate of Jaccard similarity. */
export {
  DEFAULT_PERMUTATIONS,
  estimateSimilarity,
  isEmptySignature,
  type MinhashOptions,
  minhashSignature,
} from './minhash.js';
/** NFKC, lower case, no punctuation; tokens are words, or single characters in Han, Kana and Hangul. */
export { isCjk, normaliseText, tokenise } from './normalise.js';
/** Pairwise precision and recall of a clustering against labels, for tests and benchmarks. */
export { type PairScores, pairScores } from './pair-scores.js';
export {
  DEFAULT_CHARS_PER_SHINGLE,
  DEFAULT_MAX_BODY_WORDS,
  DEFAULT_WORDS_PER_SHINGLE,
  type ShingleOptions,
  type SignatureSource,
  type SignatureTextOptions,
  shingles,
  signatureText,
} from './shingles.js';
