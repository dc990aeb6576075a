/** One example: feature values (raw) and the outcome. */
export type Example = { x: number[]; y: 0 | 1 };
export type LogisticModel = { weights: number[]; intercept: number; means: number[]; scales: number[] };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** log(1 + e^z) without overflow for large z. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/** Newton's method stops when its step would lower the objective by less than this. */
const DECREMENT_DONE = 1e-14;
const MAX_STEPS = 50;

/**
 * Logistic regression on standardised features with a small L2 penalty on the weights (not the
 * intercept): weights are comparable with each other, and a constant feature gets weight 0.
 * It minimises mean log-loss + l2/2·|w|², a strictly convex objective, by Newton's method
 * (iteratively reweighted least squares) with step halving: with a handful of features each
 * step is one pass over the examples and a tiny linear solve, and it reaches the exact minimum
 * in a few steps where gradient descent needs hundreds of passes and stops short of it.
 */
export function trainLogistic(data: readonly Example[], { l2 = 1e-3 } = {}): LogisticModel {
  const d = data[0]?.x.length ?? 0;
  const n = data.length;
  const means = Array.from({ length: d }, (_, j) => data.reduce((s, e) => s + e.x[j], 0) / n);
  const scales = means.map((m, j) => Math.sqrt(data.reduce((s, e) => s + (e.x[j] - m) ** 2, 0) / n) || 1);
  // Rows of [standardised features…, 1]: the intercept is the last coefficient.
  const p = d + 1;
  const xs = new Float64Array(n * p);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) xs[i * p + j] = (data[i].x[j] - means[j]) / scales[j];
    xs[i * p + d] = 1;
    ys[i] = data[i].y;
  }
  const objective = (beta: Float64Array) => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j < p; j++) z += beta[j] * xs[i * p + j];
      loss += softplus(z) - ys[i] * z;
    }
    let penalty = 0;
    for (let j = 0; j < d; j++) penalty += beta[j] * beta[j];
    return loss / n + (l2 / 2) * penalty;
  };
  let beta = new Float64Array(p);
  let current = objective(beta);
  const grad = new Float64Array(p);
  const hessian = new Float64Array(p * p);
  for (let step = 0; step < MAX_STEPS && n > 0; step++) {
    grad.fill(0);
    hessian.fill(0);
    for (let i = 0; i < n; i++) {
      const row = i * p;
      let z = 0;
      for (let j = 0; j < p; j++) z += beta[j] * xs[row + j];
      const prob = sigmoid(z);
      const err = prob - ys[i];
      const weight = prob * (1 - prob);
      for (let j = 0; j < p; j++) {
        const xj = xs[row + j];
        grad[j] += err * xj;
        // The Hessian is symmetric: fill the lower triangle only.
        for (let k = 0; k <= j; k++) hessian[j * p + k] += weight * xj * xs[row + k];
      }
    }
    for (let j = 0; j < p; j++) {
      grad[j] /= n;
      for (let k = 0; k <= j; k++) hessian[j * p + k] /= n;
    }
    for (let j = 0; j < d; j++) {
      grad[j] += l2 * beta[j];
      hessian[j * p + j] += l2;
    }
    const direction = solveSymmetric(hessian, grad, p);
    if (!direction) break;
    // Newton decrement: what the full step would gain. Once it is below what rounding lets the
    // objective show, take the full step (quadratic convergence) and stop.
    let decrement = 0;
    for (let j = 0; j < p; j++) decrement += grad[j] * direction[j];
    if (decrement < DECREMENT_DONE) {
      beta = beta.map((b, j) => b - direction[j]);
      break;
    }
    // Step halving: a full step can overshoot far from the minimum (separable data).
    let scale = 1;
    let next = beta.map((b, j) => b - direction[j]);
    let value = objective(next);
    for (let halvings = 0; value > current && halvings < 30; halvings++) {
      scale /= 2;
      next = beta.map((b, j) => b - scale * direction[j]);
      value = objective(next);
    }
    if (value > current) break;
    beta = next;
    current = value;
  }
  return { weights: Array.from(beta.subarray(0, d)), intercept: beta[d], means, scales };
}

/**
 * Solves H·x = g for a symmetric positive definite H (its lower triangle, row-major) by
 * Cholesky; null when H is not positive definite (cannot happen with l2 > 0 and the intercept
 * column, short of rounding).
 */
function solveSymmetric(h: Float64Array, g: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let diagonal = h[j * p + j];
    for (let k = 0; k < j; k++) diagonal -= l[j * p + k] ** 2;
    if (!(diagonal > 0)) return null;
    l[j * p + j] = Math.sqrt(diagonal);
    for (let i = j + 1; i < p; i++) {
      let v = h[i * p + j];
      for (let k = 0; k < j; k++) v -= l[i * p + k] * l[j * p + k];
      l[i * p + j] = v / l[j * p + j];
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let v = g[i];
    for (let k = 0; k < i; k++) v -= l[i * p + k] * y[k];
    y[i] = v / l[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let v = y[i];
    for (let k = i + 1; k < p; k++) v -= l[k * p + i] * x[k];
    x[i] = v / l[i * p + i];
  }
  return x;
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
