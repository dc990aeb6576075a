/**
 * Item-kNN baseline: cosine similarity of items over learners (co-enrolment counts divided by
 * the square root of both items' counts); a learner's score for j sums j's similarity to every
 * item in the history.
 */
export function itemKnn(train: readonly number[][], itemCount: number) {
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
  return (history: readonly number[]) => {
    const scores = new Float32Array(n);
    for (const i of new Set(history)) {
      const row = i * n;
      for (let j = 0; j < n; j++) scores[j] += co[row + j];
    }
    return scores;
  };
}
