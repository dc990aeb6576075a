import { describe, expect, it } from 'vitest';
import { medianSteps, quantile, stats } from './stats.ts';

describe('rooms bench figures', () => {
  it('takes the quantile from the sorted joins, rounded, never past the slowest', () => {
    const xs = [300.4, 100.2, 200.6, 400, 500];
    expect(quantile(xs, 0.5)).toBe(300);
    expect(quantile(xs, 0.95)).toBe(500);
    expect(quantile(xs, 1)).toBe(500);
    expect(stats(xs)).toEqual({ median: 300, p95: 500, n: 5 });
  });

  it('gives each step its median over the joins that took it, in step order, and leaves out steps none took', () => {
    const runs: Record<string, number>[] = [
      { media: 300, pass: 10, signalling: 40 },
      { media: 200, signalling: 60 },
      { media: 400, pass: 30, signalling: 50, unknown: 7 },
    ];
    const steps = medianSteps(runs);
    expect(steps).toEqual({ pass: 30, signalling: 50, media: 300 });
    expect(Object.keys(steps)).toEqual(['pass', 'signalling', 'media']);
  });
});
