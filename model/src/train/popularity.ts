/** Enrolment counts per item over the training histories. */
export function popularityCounts(train: readonly number[][], itemCount: number): Float32Array {
  const counts = new Float32Array(itemCount);
  for (const seq of train) for (const i of seq) counts[i] += 1;
  return counts;
}

/** Item indices, most popular first (ties: lower index first). */
export function popularityOrder(counts: Float32Array): number[] {
  return [...counts.keys()].sort((a, b) => counts[b] - counts[a] || a - b);
}

export function popularityScorer(counts: Float32Array) {
  return () => counts;
}
