/**
 * Inverse of a symmetric positive definite n×n matrix (row-major Float64Array) by Cholesky:
 * A = L·Lᵀ, then U = L⁻ᵀ and A⁻¹ = U·Uᵀ. Every inner loop is a contiguous dot product or saxpy
 * over rows, which is what makes plain JavaScript fast enough here (n³/2 multiply-adds in all;
 * the figures are in model/README.md). Throws when A is not positive definite.
 */
export function invertSpd(a: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      const s = a[ri + j] - dot(l, ri, l, rj, j);
      if (i === j) {
        if (!(s > 0)) throw new Error('invertSpd: the matrix is not positive definite');
        l[ri + i] = Math.sqrt(s);
      } else l[ri + j] = s / l[rj + j];
    }
  }
  // U = L⁻ᵀ (upper triangular), row by row: U_ji = −(Σ_{j≤k<i} L_ik·U_jk) / L_ii, U_jj = 1/L_jj,
  // so that A⁻¹_ij = Σ_{k ≥ max(i,j)} U_ik·U_jk is a dot of two rows too.
  const u = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    u[rj + j] = 1 / l[rj + j];
    for (let i = j + 1; i < n; i++) u[rj + i] = -dot(l, i * n + j, u, rj + j, i - j) / l[i * n + i];
  }
  const inv = l; // L is no longer needed
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    // Both rows are zero before column j (U is upper triangular, j ≥ i).
    for (let j = i; j < n; j++) inv[ri + j] = dot(u, ri + j, u, j * n + j, n - j);
  }
  // Mirrored in a second pass: writing both halves in the loop above strides through memory.
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) inv[i * n + j] = inv[j * n + i];
  return inv;
}

/** Σ_{k<len} x[xi+k]·y[yi+k], four accumulators (about twice as fast as one in V8). */
function dot(x: Float64Array, xi: number, y: Float64Array, yi: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < len; k += 4) {
    s0 += x[xi + k] * y[yi + k];
    s1 += x[xi + k + 1] * y[yi + k + 1];
    s2 += x[xi + k + 2] * y[yi + k + 2];
    s3 += x[xi + k + 3] * y[yi + k + 3];
  }
  for (; k < len; k++) s0 += x[xi + k] * y[yi + k];
  return s0 + s1 + s2 + s3;
}
