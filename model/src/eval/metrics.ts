/**
 * Ranking metrics for one held-out item at 0-based `rank` among the candidates (null = not
 * rankable, e.g. excluded). With a single relevant item, Recall@K equals HR@K.
 */
export function hitAt(rank: number | null, k: number): number {
  return rank !== null && rank < k ? 1 : 0;
}

export function ndcgAt(rank: number | null, k: number): number {
  return rank !== null && rank < k ? 1 / Math.log2(rank + 2) : 0;
}

export type Metrics = { users: number; hr10: number; ndcg10: number; recall20: number };

export class MetricAccumulator {
  private n = 0;
  private hr = 0;
  private ndcg = 0;
  private recall = 0;

  add(rank: number | null): void {
    this.n += 1;
    this.hr += hitAt(rank, 10);
    this.ndcg += ndcgAt(rank, 10);
    this.recall += hitAt(rank, 20);
  }

  result(): Metrics {
    const d = Math.max(1, this.n);
    return { users: this.n, hr10: this.hr / d, ndcg10: this.ndcg / d, recall20: this.recall / d };
  }
}

/**
 * Full-ranking rank of `target`: how many candidates score strictly higher, ties broken
 * pessimistically (an equal score counts as higher when its index is lower), excluded items skipped.
 */
export function rankOf(
  scores: Float32Array | Float64Array,
  target: number,
  excluded: ReadonlySet<number>,
): number | null {
  if (excluded.has(target)) return null;
  const t = scores[target];
  // Count over every item, then take the excluded ones back out: a set lookup per item made a
  // full evaluation several times slower.
  let rank = 0;
  for (let j = 0; j < scores.length; j++) {
    const s = scores[j];
    if (s > t || (s === t && j < target)) rank++;
  }
  for (const j of excluded) {
    if (j < 0 || j >= scores.length) continue;
    const s = scores[j];
    if (s > t || (s === t && j < target)) rank--;
  }
  return rank;
}
