import { invertSpd } from './spd-inverse.ts';

export type NextItemRidgeOptions = {
  /** L2 penalty λ on the weights. */
  lambda?: number;
  /** How many courses before the next one make up a history row. */
  window?: number;
  /** Weight of the course `age` steps before the next one: decay^age (the latest weighs 1). */
  decay?: number;
};

export const NEXT_ITEM_RIDGE_DEFAULTS = { lambda: 100, window: 10, decay: 0.6 } as const;

/**
 * The next-item ridge (SLIT in SLIST, Choi et al. WWW 2021): from every position of every
 * training sequence one pair "recency-weighted history → the course taken next", S the history
 * rows and T the next courses, and the item-item weights in closed form,
 * B = (SᵀS + λI)⁻¹·SᵀT (row = history course, column = next course). Where EASE learns which
 * courses go together, this learns which course follows a recent history, order included.
 * SᵀT is sparse (pairs within the window), so the product costs n·nnz(SᵀT), not n³.
 */
export function nextItemRidge(
  train: readonly number[][],
  itemCount: number,
  options: NextItemRidgeOptions = {},
): Float32Array {
  const o = { ...NEXT_ITEM_RIDGE_DEFAULTS, ...options };
  const n = itemCount;
  const gram = new Float64Array(n * n);
  // SᵀT, dense while it is summed up (row = history course, column = next course).
  const pairs = new Float64Array(n * n);
  const items: number[] = [];
  const weights: number[] = [];
  for (const seq of train) {
    for (let t = 1; t < seq.length; t++) {
      const next = seq[t];
      items.length = 0;
      weights.length = 0;
      let w = 1;
      for (let s = t - 1; s >= 0 && t - s <= o.window; s--, w *= o.decay) {
        // A course taken twice within the window counts at its latest position only.
        if (items.includes(seq[s])) continue;
        items.push(seq[s]);
        weights.push(w);
      }
      for (let x = 0; x < items.length; x++) {
        const row = items[x] * n;
        for (let y = 0; y < items.length; y++) gram[row + items[y]] += weights[x] * weights[y];
        pairs[row + next] += weights[x];
      }
    }
  }
  for (let i = 0; i < n; i++) gram[i * n + i] += o.lambda;
  const p = invertSpd(gram, n);
  return productWithSparse(p, pairs, n);
}

const ROWS = 8;

/**
 * P·C for a dense symmetric P and a mostly-zero C (n×n each), as Float32. C is read as lists of
 * non-zeros per row once per block of 8 output rows; the block's sums sit interleaved (one cache
 * line per column), and P being symmetric, its 8 entries per k are contiguous too.
 */
function productWithSparse(p: Float64Array, c: Float64Array, n: number): Float32Array {
  let nnz = 0;
  for (let x = 0; x < c.length; x++) if (c[x] !== 0) nnz++;
  const start = new Int32Array(n + 1);
  const column = new Int32Array(nnz);
  const value = new Float64Array(nnz);
  for (let k = 0, z = 0; k < n; k++) {
    start[k] = z;
    for (let j = 0; j < n; j++)
      if (c[k * n + j] !== 0) {
        column[z] = j;
        value[z++] = c[k * n + j];
      }
    start[k + 1] = z;
  }
  const b = new Float32Array(n * n);
  const sums = new Float64Array(n * ROWS);
  for (let i0 = 0; i0 < n; i0 += ROWS) {
    const rows = Math.min(ROWS, n - i0);
    sums.fill(0);
    for (let k = 0; k < n; k++) {
      const pk = k * n + i0;
      if (rows === ROWS) {
        const p0 = p[pk];
        const p1 = p[pk + 1];
        const p2 = p[pk + 2];
        const p3 = p[pk + 3];
        const p4 = p[pk + 4];
        const p5 = p[pk + 5];
        const p6 = p[pk + 6];
        const p7 = p[pk + 7];
        for (let z = start[k]; z < start[k + 1]; z++) {
          const v = value[z];
          const s = column[z] * ROWS;
          sums[s] += p0 * v;
          sums[s + 1] += p1 * v;
          sums[s + 2] += p2 * v;
          sums[s + 3] += p3 * v;
          sums[s + 4] += p4 * v;
          sums[s + 5] += p5 * v;
          sums[s + 6] += p6 * v;
          sums[s + 7] += p7 * v;
        }
      } else
        for (let z = start[k]; z < start[k + 1]; z++)
          for (let r = 0; r < rows; r++) sums[column[z] * ROWS + r] += p[pk + r] * value[z];
    }
    for (let r = 0; r < rows; r++) {
      const row = (i0 + r) * n;
      for (let j = 0; j < n; j++) b[row + j] = sums[j * ROWS + r];
    }
  }
  return b;
}
