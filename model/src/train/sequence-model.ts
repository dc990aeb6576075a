/**
 * The shipped recommender: a sequence-aware sparse item-to-item model.
 *
 * Training builds an item×item matrix from the order of enrolment — what a learner took next,
 * weighted by how soon (decay^(gap−1) within `maxGap` steps), plus a weaker "taken before" term —
 * normalizes it by both items' popularity (count^alpha each), optionally blends in side
 * information (courses sharing concepts, field, teacher or school) so rarely taken courses still
 * have neighbours, and keeps each item's `neighbours` strongest successors. Serving sums the
 * neighbour rows of the learner's recent items with recency weights recency^(age) on top of a
 * small popularity prior. A dense low-rank factorization of the same matrix was tried first and
 * lost half the quality at a shippable rank (model/README.md); the sparse table keeps it.
 */
export type SequenceModel = {
  itemCount: number;
  /** Neighbours kept per item (M). */
  neighbours: number;
  /** N×M neighbour item indices, row-major (unused slots point at the item itself with weight 0). */
  index: Int32Array;
  /** N×M neighbour weights. */
  weight: Float32Array;
  /** Per-item prior (scaled log popularity), so empty or unknown histories still rank sensibly. */
  bias: Float32Array;
  /** Most recent items kept from a history. */
  maxHistory: number;
  /** Weight of the item `age` steps before the last: recency^age. */
  recency: number;
};

export type SequenceModelOptions = {
  neighbours?: number;
  maxGap?: number;
  decay?: number;
  backward?: number;
  alpha?: number;
  recency?: number;
  biasWeight?: number;
  maxHistory?: number;
  /** Item → side-information entity keys; blended in with `sideWeight`. */
  side?: Map<number, string[]>;
  sideWeight?: number;
};

export const DEFAULTS = {
  neighbours: 40,
  maxGap: 30,
  decay: 0.8,
  backward: 0.5,
  alpha: 0.5,
  recency: 0.8,
  biasWeight: 0.001,
  maxHistory: 50,
  sideWeight: 0.05,
} as const;

export function trainSequenceModel(
  train: readonly number[][],
  itemCount: number,
  options: SequenceModelOptions = {},
): SequenceModel {
  const o = { ...DEFAULTS, ...options };
  const { similarity, counts } = sequenceSimilarity(train, itemCount, o);
  return {
    itemCount,
    ...neighbourTable(similarity, itemCount, o.neighbours),
    bias: popularityPrior(counts, o.biasWeight),
    maxHistory: o.maxHistory,
    recency: o.recency,
  };
}

/**
 * The sequence model's dense n×n item-to-item matrix (row = earlier course) before the top-M cut,
 * and each item's enrolment count.
 */
export function sequenceSimilarity(
  train: readonly number[][],
  itemCount: number,
  options: SequenceModelOptions = {},
): { similarity: Float32Array; counts: Float32Array } {
  const o = { ...DEFAULTS, ...options };
  const n = itemCount;
  const a = new Float32Array(n * n);
  const counts = new Float32Array(n);
  for (const seq of train) {
    for (let t = 0; t < seq.length; t++) {
      const cur = seq[t];
      counts[cur] += 1;
      let w = 1;
      for (let g = 1; g <= o.maxGap && t - g >= 0; g++) {
        const prev = seq[t - g];
        if (prev !== cur) {
          a[prev * n + cur] += w;
          a[cur * n + prev] += o.backward * w;
        }
        w *= o.decay;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const ci = Math.max(1, counts[i]) ** o.alpha;
    for (let j = 0; j < n; j++) {
      const x = a[i * n + j];
      if (x !== 0) a[i * n + j] = x / (ci * Math.max(1, counts[j]) ** o.alpha);
    }
  }
  if (o.side && o.sideWeight > 0) addSideSimilarity(a, n, o.side, o.sideWeight);
  return { similarity: a, counts };
}

/** Each row's `neighbours` strongest positive entries (unused slots: the item itself, weight 0). */
export function neighbourTable(
  dense: Float32Array,
  itemCount: number,
  neighbours: number,
): { neighbours: number; index: Int32Array; weight: Float32Array } {
  const n = itemCount;
  const m = Math.max(1, Math.min(neighbours, n));
  const index = new Int32Array(n * m);
  const weight = new Float32Array(n * m);
  for (let i = 0; i < n; i++) {
    const row = dense.subarray(i * n, (i + 1) * n);
    const top = topIndices(row, m);
    for (let k = 0; k < m; k++) {
      const j = top[k];
      const ok = j !== undefined && row[j] > 0 && j !== i;
      index[i * m + k] = ok ? j : i;
      weight[i * m + k] = ok ? row[j] : 0;
    }
  }
  return { neighbours: m, index, weight };
}

/** A small scaled log-popularity prior: the answer for an empty history, and a tie-breaker. */
export function popularityPrior(counts: Float32Array, biasWeight: number): Float32Array {
  let max = 1;
  for (const c of counts) if (c > max) max = c;
  const maxLog = Math.log1p(max);
  const bias = new Float32Array(counts.length);
  for (let j = 0; j < counts.length; j++) bias[j] = (biasWeight * Math.log1p(counts[j])) / maxLog;
  return bias;
}

/** Indices of the `k` largest values, largest first (ties: lower index first). */
export function topIndices(values: ArrayLike<number>, k: number): number[] {
  const idx: number[] = [];
  for (let j = 0; j < values.length; j++) {
    if (idx.length < k) {
      idx.push(j);
      if (idx.length === k) idx.sort((x, y) => values[y] - values[x] || x - y);
      continue;
    }
    if (values[j] > values[idx[k - 1]]) {
      let p = k - 1;
      while (p > 0 && values[j] > values[idx[p - 1]]) p--;
      idx.splice(p, 0, j);
      idx.pop();
    }
  }
  if (idx.length < k) idx.sort((x, y) => values[y] - values[x] || x - y);
  return idx;
}

/**
 * Courses sharing concepts, field, teacher or school: cosine over entity sets, scaled so the
 * strongest side link is comparable to a typical behavioural link.
 */
function addSideSimilarity(a: Float32Array, n: number, side: Map<number, string[]>, weight: number) {
  const byEntity = new Map<string, number[]>();
  for (const [item, entities] of side) {
    for (const e of new Set(entities)) {
      const list = byEntity.get(e) ?? [];
      list.push(item);
      byEntity.set(e, list);
    }
  }
  const sizes = new Float32Array(n);
  for (const [item, entities] of side) sizes[item] = new Set(entities).size;
  let sum = 0;
  let nz = 0;
  for (let k = 0; k < a.length; k++) {
    if (a[k] > 0) {
      sum += a[k];
      nz++;
    }
  }
  const scale = nz ? (weight * sum) / nz : weight;
  for (const items of byEntity.values()) {
    if (items.length > 200) continue; // an entity shared by hundreds of courses says little
    for (const i of items)
      for (const j of items) if (i !== j) a[i * n + j] += scale / Math.sqrt(sizes[i] * sizes[j]);
  }
}

/** Recency weights for the last `length` items, oldest first: recency^(length−1−t). */
export function recencyWeights(length: number, recency: number): Float32Array {
  const w = new Float32Array(length);
  for (let t = 0; t < length; t++) w[t] = recency ** (length - 1 - t);
  return w;
}

/** Reference scoring in TypeScript; the exported ONNX graph computes the same sums. */
export function scoreSequence(model: SequenceModel, history: readonly number[]): Float32Array {
  const { neighbours: m, index, weight } = model;
  const scores = Float32Array.from(model.bias);
  const recent = history.slice(-model.maxHistory);
  const w = recencyWeights(recent.length, model.recency);
  recent.forEach((item, t) => {
    for (let k = 0; k < m; k++) scores[index[item * m + k]] += w[t] * weight[item * m + k];
  });
  return scores;
}
