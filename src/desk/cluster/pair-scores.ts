// Pairwise precision and recall, the usual yardstick for clustering against labels: every pair of
// items is a decision (same cluster or not), so a cluster of ten wrongly split in two costs 25
// of its 45 pairs rather than counting as one miss.

export type PairScores = {
  precision: number;
  recall: number;
  /** Pairs put together that the labels also put together. */
  truePairs: number;
  predictedPairs: number;
  labelledPairs: number;
};

/** Scores predicted cluster ids against ground-truth labels; both arrays are indexed by item. */
export function pairScores(predicted: readonly unknown[], labels: readonly unknown[]): PairScores {
  if (predicted.length !== labels.length) throw new RangeError('one prediction per label is needed');
  const pairsIn = (groups: Map<string, number>) => {
    let pairs = 0;
    for (const size of groups.values()) pairs += (size * (size - 1)) / 2;
    return pairs;
  };
  const count = (keys: readonly string[]) => {
    const groups = new Map<string, number>();
    for (const key of keys) groups.set(key, (groups.get(key) ?? 0) + 1);
    return groups;
  };
  const predictedKeys = predicted.map((id) => JSON.stringify(id));
  const labelKeys = labels.map((label) => JSON.stringify(label));
  const predictedPairs = pairsIn(count(predictedKeys));
  const labelledPairs = pairsIn(count(labelKeys));
  const truePairs = pairsIn(count(predictedKeys.map((key, i) => `${key}\u0000${labelKeys[i]}`)));
  return {
    precision: predictedPairs === 0 ? 1 : truePairs / predictedPairs,
    recall: labelledPairs === 0 ? 1 : truePairs / labelledPairs,
    truePairs,
    predictedPairs,
    labelledPairs,
  };
}
