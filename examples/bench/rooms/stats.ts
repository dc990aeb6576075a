// The rooms benchmark's figures: quantiles of join times and the median of each step of a join.

/** The value at quantile `q` (0–1) of `xs`, rounded to whole milliseconds. */
export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]);
};

export const STEPS = ['joinSent', 'joinAnswered', 'pass', 'signalling', 'host', 'call', 'media'];

/** Median of each step; steps a join did not take (no join request after the click: the pass came with the screen) are left out. */
export const medianSteps = (runs: Record<string, number>[]) =>
  Object.fromEntries(
    STEPS.flatMap((k) => {
      const xs = runs.map((st) => st[k]).filter((x) => x !== undefined);
      return xs.length ? [[k, quantile(xs, 0.5)]] : [];
    }),
  );

export type JoinStats = { median: number; p95: number; n: number };

export const stats = (xs: number[]): JoinStats => ({
  median: quantile(xs, 0.5),
  p95: quantile(xs, 0.95),
  n: xs.length,
});
