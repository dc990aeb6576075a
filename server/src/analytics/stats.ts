import type { Interval } from '../contract/analytics.ts';

/** z for a two-sided 95 % interval. */
const Z95 = 1.959964;

/** part / whole, or null when there is nothing to divide by. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export const round = (x: number, digits = 4): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
export const roundOrNull = (x: number | null, digits = 4): number | null =>
  x === null ? null : round(x, digits);

/** Wilson score interval of a proportion: well-behaved near 0 and 1 and for small n, unlike Wald's. */
export function wilson(successes: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: round(Math.max(0, centre - half)), high: round(Math.min(1, centre + half)) };
}

/** Interval of p1 − p2 (two independent proportions) with the normal approximation. */
export function differenceInterval(s1: number, n1: number, s2: number, n2: number, z = Z95): Interval | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const p1 = s1 / n1;
  const p2 = s2 / n2;
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  return { low: p1 - p2 - z * se, high: p1 - p2 + z * se };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}
