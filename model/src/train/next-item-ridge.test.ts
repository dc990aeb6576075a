import { describe, expect, it } from 'vitest';
import { nextItemRidge } from './next-item-ridge.ts';

/** (SᵀS + λI)⁻¹·SᵀT by Gauss–Jordan on the explicit pair rows: the definition, slowly. */
function reference(pairs: { history: Map<number, number>; next: number }[], n: number, lambda: number) {
  const a = Array.from({ length: n }, (_, i) =>
    Array.from({ length: 2 * n }, (_, j) => (i === j ? lambda : 0)),
  );
  for (const { history, next } of pairs)
    for (const [i, wi] of history) {
      for (const [j, wj] of history) a[i][j] += wi * wj;
      a[i][n + next] += wi;
    }
  for (let c = 0; c < n; c++) {
    const pivot = a[c][c];
    for (let j = 0; j < 2 * n; j++) a[c][j] /= pivot;
    for (let r = 0; r < n; r++)
      if (r !== c) {
        const f = a[r][c];
        for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[c][j];
      }
  }
  return a.map((row) => row.slice(n));
}

describe('next-item ridge', () => {
  it('is the closed form on "recency-weighted history → next course" pairs', () => {
    const train = [
      [0, 1, 2],
      [0, 1, 3],
      [2, 0, 1],
      [3, 4, 0, 1],
      [1, 0, 1],
    ];
    const n = 5;
    const window = 2;
    const decay = 0.5;
    const lambda = 0.7;
    const pairs = train.flatMap((seq) =>
      seq.slice(1).map((next, p) => {
        const history = new Map<number, number>();
        // Latest first; a course seen again further back keeps its latest weight.
        for (let s = p, w = 1; s >= 0 && p + 1 - s <= window; s--, w *= decay)
          if (!history.has(seq[s])) history.set(seq[s], w);
        return { history, next };
      }),
    );
    const want = reference(pairs, n, lambda);
    const b = nextItemRidge(train, n, { lambda, window, decay });
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(b[i * n + j]).toBeCloseTo(want[i][j], 5);
  });

  it('learns what comes next, not what came before', () => {
    const train = [
      [0, 1],
      [0, 1],
      [0, 1],
      [2, 0],
      [3, 4],
      [1, 4],
    ];
    const n = 5;
    const b = nextItemRidge(train, n, { lambda: 0.5 });
    expect(b[0 * n + 1]).toBeGreaterThan(b[0 * n + 2]);
    expect(b[0 * n + 1]).toBeGreaterThan(b[1 * n + 0]);
    expect(b[2 * n + 0]).toBeGreaterThan(0);
  });

  it('products over more than one block of output rows (sizes not a multiple of 8)', () => {
    // 19 courses in a chain: every course is followed by the next one.
    const n = 19;
    const train = Array.from({ length: 40 }, (_, r) => Array.from({ length: 6 }, (_, t) => (r + t) % n));
    const b = nextItemRidge(train, n, { lambda: 1, window: 1 });
    for (let i = 0; i < n; i++) {
      const row = Array.from(b.subarray(i * n, (i + 1) * n));
      expect(row.indexOf(Math.max(...row))).toBe((i + 1) % n);
    }
  });
});
