import { describe, expect, it } from 'vitest';
import { invertSpd } from './spd-inverse.ts';

/** A = XᵀX + I for a small deterministic X with `rows` learners. */
function gram(n: number, rows: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let r = 0; r < rows; r++) {
    const x = Array.from({ length: n }, (_, i) => ((r * 7 + i * 3) % 5) - 2);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] += x[i] * x[j];
  }
  for (let i = 0; i < n; i++) a[i * n + i] += 1;
  return a;
}

function expectInverse(a: Float64Array, inv: Float64Array, n: number, digits: number) {
  let worst = 0;
  // Every row of A·A⁻¹ for small n, every 7th above (the product is n³).
  for (let i = 0; i < n; i += n > 100 ? 7 : 1)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k] * inv[k * n + j];
      worst = Math.max(worst, Math.abs(s - (i === j ? 1 : 0)));
    }
  expect(worst).toBeLessThan(10 ** -digits);
}

describe('invertSpd', () => {
  it('inverts a symmetric positive definite matrix', () => {
    const a = gram(7, 12);
    expectInverse(a, invertSpd(a, 7), 7, 10);
  });

  it('inverts across its panels and tiles: sizes that are not multiples of them, symmetric result', () => {
    // 301: five 64-column panels (the last one short), two 256-long pieces of k, edge tiles.
    for (const n of [65, 301]) {
      const a = gram(n, 2 * n);
      const inv = invertSpd(a, n);
      expectInverse(a, inv, n, 8);
      let asymmetric = 0;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < i; j++) if (inv[i * n + j] !== inv[j * n + i]) asymmetric++;
      expect(asymmetric).toBe(0);
    }
  });

  it('leaves its argument as it was', () => {
    const a = gram(9, 20);
    const copy = Float64Array.from(a);
    invertSpd(a, 9);
    expect(a).toEqual(copy);
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => invertSpd(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/positive definite/);
  });
});
