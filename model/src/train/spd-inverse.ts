/**
 * Inverse of a symmetric positive definite n×n matrix (row-major Float64Array) by Cholesky:
 * A = L·Lᵀ, U = L⁻ᵀ, A⁻¹ = U·Uᵀ (LAPACK's potrf, trtri and lauum), n³/2 multiply-adds in all.
 * Every phase is blocked so that its bulk runs in 4×2 tiles of dot products over contiguous rows:
 * 8 sums from 6 loads per step instead of 2 loads per multiply-add, k cut into 256-long pieces
 * that stay in cache. That made one 3,320-item inversion 3.6× faster than single dot products
 * (model/README.md). Throws when A is not positive definite.
 */
export function invertSpd(a: Float64Array, n: number): Float64Array {
  const l = Float64Array.from(a);
  cholesky(l, n);
  const u = new Float64Array(n * n);
  invertLowerTransposed(l, u, n);
  const inv = l; // L is no longer needed
  gramOfRows(u, inv, n);
  return inv;
}

/** Columns per panel of the factorisation and of the triangular inverse. */
const PANEL = 64;
/** Length of the pieces of k a tile sums over at a time (two 2 KB rows per operand row). */
const K_PIECE = 256;

/**
 * In place: the lower triangle of `l` becomes L (the upper one is left as garbage). Left-looking
 * by panels: a panel's columns are first updated with every earlier column (the n³/6 bulk, in
 * tiles), then factored column by column.
 */
function cholesky(l: Float64Array, n: number) {
  for (let j0 = 0; j0 < n; j0 += PANEL) {
    const j1 = Math.min(n, j0 + PANEL);
    subtractProducts(l, l, l, n, {
      rows: [j0, n],
      cols: [j0, j1],
      k1: j0,
      from: () => 0,
      wanted: (_i, iLast, j) => j <= iLast,
    });
    for (let j = j0; j < j1; j++) {
      const rj = j * n;
      const d = l[rj + j] - dot(l, rj + j0, l, rj + j0, j - j0);
      if (!(d > 0)) throw new Error('invertSpd: the matrix is not positive definite');
      const ljj = Math.sqrt(d);
      l[rj + j] = ljj;
      for (let i = j + 1; i < n; i++) {
        const ri = i * n;
        l[ri + j] = (l[ri + j] - dot(l, ri + j0, l, rj + j0, j - j0)) / ljj;
      }
    }
  }
}

/**
 * U = L⁻ᵀ, upper triangular: U_jj = 1/L_jj, U_ji = −(Σ_{j≤k<i} U_jk·L_ik)/L_ii, so both factors
 * are rows. By panels of columns i: first every earlier column's share (in tiles), then the
 * panel's own columns one by one.
 */
function invertLowerTransposed(l: Float64Array, u: Float64Array, n: number) {
  for (let i0 = 0; i0 < n; i0 += PANEL) {
    const i1 = Math.min(n, i0 + PANEL);
    // Rows j < i0 only: for j ≥ i0 every U_jk with k < i0 is zero.
    subtractProducts(u, u, l, n, {
      rows: [0, i0],
      cols: [i0, i1],
      k1: i0,
      from: (j) => j,
      wanted: () => true,
    });
    for (let j = 0; j < i1; j++) {
      const rj = j * n;
      const from = Math.max(j, i0);
      if (j >= i0) u[rj + j] = 1 / l[j * n + j];
      for (let i = Math.max(i0, j + 1); i < i1; i++)
        u[rj + i] = (u[rj + i] - dot(u, rj + from, l, i * n + from, i - from)) / l[i * n + i];
    }
  }
}

/** out = U·Uᵀ, both halves: out_ij = Σ_{k≥max(i,j)} U_ik·U_jk (U's zeros do the bounds). */
function gramOfRows(u: Float64Array, out: Float64Array, n: number) {
  out.fill(0);
  subtractProducts(out, u, u, n, {
    rows: [0, n],
    cols: [0, n],
    k1: n,
    from: (i, j) => Math.max(i, j),
    wanted: (i, _iLast, _j, jLast) => jLast >= i,
  });
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = i; j < n; j++) out[ri + j] = -out[ri + j];
  }
  // Mirrored in a second pass: the tiles above also wrote a few entries below the diagonal.
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) out[i * n + j] = out[j * n + i];
}

type Block = {
  /** Rows i of c and a, [first, end). */
  rows: [number, number];
  /** Columns j of c = rows of b, [first, end). */
  cols: [number, number];
  /** Where the sums stop. */
  k1: number;
  /**
   * Where a tile's sums start, from its first row and column: entries of the tile that would
   * start later must have zeros in a or b before their own start.
   */
  from: (i: number, j: number) => number;
  /** Whether a tile (first and last row, first and last column) is needed at all. */
  wanted: (i: number, iLast: number, j: number, jLast: number) => boolean;
};

/** c_ij −= Σ_{from≤k<k1} a_ik·b_jk over the block, in 4×2 tiles and pieces of k. */
function subtractProducts(c: Float64Array, a: Float64Array, b: Float64Array, n: number, block: Block) {
  const [r0, r1] = block.rows;
  const [s0, s1] = block.cols;
  for (let piece = 0; piece < block.k1; piece += K_PIECE) {
    const k1 = Math.min(block.k1, piece + K_PIECE);
    for (let i = r0; i < r1; i += 4) {
      const rows = Math.min(4, r1 - i);
      for (let j = s0; j < s1; j += 2) {
        const cols = Math.min(2, s1 - j);
        if (!block.wanted(i, i + rows - 1, j, j + cols - 1)) continue;
        const k0 = Math.max(piece, block.from(i, j));
        if (k0 >= k1) continue;
        if (rows === 4 && cols === 2) {
          tile42(a, i * n, b, j * n, k0, k1, n);
          for (let x = 0; x < 4; x++) {
            c[(i + x) * n + j] -= sums[x * 2];
            c[(i + x) * n + j + 1] -= sums[x * 2 + 1];
          }
        } else
          for (let x = 0; x < rows; x++)
            for (let y = 0; y < cols; y++)
              c[(i + x) * n + j + y] -= dot(a, (i + x) * n + k0, b, (j + y) * n + k0, k1 - k0);
      }
    }
  }
}

const sums = new Float64Array(8);

/** The 8 dot products of rows ai…ai+3n of a with rows bj, bj+n of b over [k0, k1), into `sums`. */
function tile42(a: Float64Array, ai: number, b: Float64Array, bj: number, k0: number, k1: number, n: number) {
  let c00 = 0;
  let c01 = 0;
  let c10 = 0;
  let c11 = 0;
  let c20 = 0;
  let c21 = 0;
  let c30 = 0;
  let c31 = 0;
  const a1 = ai + n;
  const a2 = a1 + n;
  const a3 = a2 + n;
  const b1 = bj + n;
  for (let k = k0; k < k1; k++) {
    const x0 = b[bj + k];
    const x1 = b[b1 + k];
    const y0 = a[ai + k];
    c00 += y0 * x0;
    c01 += y0 * x1;
    const y1 = a[a1 + k];
    c10 += y1 * x0;
    c11 += y1 * x1;
    const y2 = a[a2 + k];
    c20 += y2 * x0;
    c21 += y2 * x1;
    const y3 = a[a3 + k];
    c30 += y3 * x0;
    c31 += y3 * x1;
  }
  sums[0] = c00;
  sums[1] = c01;
  sums[2] = c10;
  sums[3] = c11;
  sums[4] = c20;
  sums[5] = c21;
  sums[6] = c30;
  sums[7] = c31;
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
