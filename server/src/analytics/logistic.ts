/** One example: feature values (raw) and the outcome. */
export type Example = { x: number[]; y: 0 | 1 };
export type LogisticModel = { weights: number[]; intercept: number; means: number[]; scales: number[] };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Logistic regression by batch gradient descent on standardised features with a small L2
 * penalty: weights are comparable with each other, and a constant feature gets weight 0.
 */
export function trainLogistic(
  data: readonly Example[],
  { iterations = 150, rate = 1, l2 = 1e-3 } = {},
): LogisticModel {
  const d = data[0]?.x.length ?? 0;
  const means = Array.from({ length: d }, (_, j) => data.reduce((s, e) => s + e.x[j], 0) / data.length);
  const scales = means.map(
    (m, j) => Math.sqrt(data.reduce((s, e) => s + (e.x[j] - m) ** 2, 0) / data.length) || 1,
  );
  // Flat typed arrays: the same arithmetic in the same order as nested arrays (so the same
  // weights), without an array lookup per feature per example per iteration.
  const n = data.length;
  const xs = new Float64Array(n * d);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) xs[i * d + j] = (data[i].x[j] - means[j]) / scales[j];
    ys[i] = data[i].y;
  }
  const w = new Float64Array(d);
  const grad = new Float64Array(d);
  let intercept = 0;
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    let gradB = 0;
    for (let i = 0; i < n; i++) {
      const row = i * d;
      let z = intercept;
      for (let j = 0; j < d; j++) z += w[j] * xs[row + j];
      const err = sigmoid(z) - ys[i];
      for (let j = 0; j < d; j++) grad[j] += err * xs[row + j];
      gradB += err;
    }
    for (let j = 0; j < d; j++) w[j] -= rate * (grad[j] / n + l2 * w[j]);
    intercept -= (rate * gradB) / n;
  }
  const weights = Array.from(w);
  return { weights, intercept, means, scales };
}

export function predict(model: LogisticModel, x: readonly number[]): number {
  let z = model.intercept;
  for (let j = 0; j < x.length; j++) z += (model.weights[j] * (x[j] - model.means[j])) / model.scales[j];
  return sigmoid(z);
}

/** Area under the ROC curve: the chance a random positive scores above a random negative (ties count half). */
export function auc(scores: readonly number[], labels: readonly (0 | 1)[]): number | null {
  const order = scores.map((s, i) => [s, labels[i]] as const).sort((a, b) => a[0] - b[0]);
  const pos = labels.filter((y) => y === 1).length;
  const neg = labels.length - pos;
  if (!pos || !neg) return null;
  // Mann–Whitney U from average ranks, so tied scores share their rank.
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j][0] === order[i][0]) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (order[k][1] === 1) rankSum += avgRank;
    i = j;
  }
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
