/**
 * Cosine similarity of items over learners: co-enrolment counts divided by the square root of both
 * items' learner counts (each learner counts an item once). Dense n×n, row = history item.
 */
export function cosineCoEnrolment(train: readonly number[][], itemCount: number): Float32Array {
  const n = itemCount;
  const co = new Float32Array(n * n);
  const counts = new Float32Array(n);
  for (const seq of train) {
    const items = [...new Set(seq)];
    for (const i of items) {
      counts[i] += 1;
      const row = i * n;
      for (const j of items) if (i !== j) co[row + j] += 1;
    }
  }
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) if (co[row + j] > 0) co[row + j] /= Math.sqrt(counts[i] * counts[j]);
  }
  return co;
}

/**
 * Plain item-kNN baseline: a learner's score for j sums j's cosine similarity to every item in the
 * history, whatever its age.
 */
export function itemKnn(train: readonly number[][], itemCount: number, similarity?: Float32Array) {
  const n = itemCount;
  const co = similarity ?? cosineCoEnrolment(train, n);
  return (history: readonly number[]) => {
    const scores = new Float32Array(n);
    for (const i of new Set(history)) {
      const row = i * n;
      for (let j = 0; j < n; j++) scores[j] += co[row + j];
    }
    return scores;
  };
}
