import { describe, expect, it } from 'vitest';
import { invertSpd } from './spd-inverse.ts';

describe('invertSpd', () => {
  it('inverts a symmetric positive definite matrix', () => {
    // A = XᵀX + I for a small random-ish X: A·A⁻¹ = I.
    const n = 7;
    const a = new Float64Array(n * n);
    for (let r = 0; r < 12; r++) {
      const x = Array.from({ length: n }, (_, i) => ((r * 7 + i * 3) % 5) - 2);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] += x[i] * x[j];
    }
    for (let i = 0; i < n; i++) a[i * n + i] += 1;
    const inv = invertSpd(a, n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += a[i * n + k] * inv[k * n + j];
        expect(s).toBeCloseTo(i === j ? 1 : 0, 10);
      }
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => invertSpd(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/positive definite/);
  });
});
