import { evaluate, leaveLastOut } from '../eval/protocol.ts';
import { easeSimilarity } from './ease.ts';
import { LINEAR_MIX_DEFAULTS, type LinearMixOptions, mixSimilarities } from './linear-mix.ts';
import {
  DEFAULTS,
  neighbourTable,
  popularityPrior,
  scoreSequence,
  sequenceSimilarity,
} from './sequence-model.ts';

export type MixTrial = { lambda: number; mix: number; recency: number; ndcg10: number };

export type MixGrid = { lambdas: number[]; mixes: number[]; recencies: number[]; maxCases: number };

// One λ: each costs an inversion (about 45 s at 3,320 items) and the 5-minute budget allows one.
// A wider run (λ 100 / 200 / 400 × these mixes, on the same validation split) put 100 first,
// then 200, then 400 at every mix (model/README.md).
export const MIX_GRID: MixGrid = {
  lambdas: [100],
  mixes: [0, 0.25, 0.5, 0.75, 1],
  recencies: [0.4, 0.6, 0.8],
  maxCases: 20_000,
};

/**
 * Picks λ, the mix and the serving recency on a validation split carved from the training
 * sequences (each learner's last training enrolment held out; the test split is never seen), by
 * NDCG@10 of the sparse table that would ship. One EASE inversion per λ.
 */
export function selectLinearMix(
  train: readonly number[][],
  itemCount: number,
  options: LinearMixOptions = {},
  grid: MixGrid = MIX_GRID,
): { best: MixTrial; trials: MixTrial[]; easeSeconds: number[] } {
  const o = { ...DEFAULTS, ...LINEAR_MIX_DEFAULTS, ...options };
  const n = itemCount;
  const split = leaveLastOut(train);
  const step = Math.max(1, Math.ceil(split.cases.length / grid.maxCases));
  const cases = split.cases.filter((_, i) => i % step === 0);
  const { similarity, counts } = sequenceSimilarity(split.train, n, o);
  const bias = popularityPrior(counts, o.biasWeight);
  const trials: MixTrial[] = [];
  const lambdas = n > o.maxEaseItems ? [] : grid.lambdas;
  const tryTable = (dense: Float32Array, lambda: number, mix: number) => {
    const table = neighbourTable(dense, n, o.neighbours);
    for (const recency of grid.recencies) {
      const model = { itemCount: n, ...table, bias, maxHistory: o.maxHistory, recency };
      const { ndcg10 } = evaluate(cases, (h) => scoreSequence(model, h));
      trials.push({ lambda, mix, recency, ndcg10 });
    }
  };
  if (grid.mixes.includes(0) || lambdas.length === 0) tryTable(similarity, 0, 0);
  const easeSeconds: number[] = [];
  for (const lambda of lambdas) {
    const started = performance.now();
    const ease = easeSimilarity(split.train, n, { lambda, side: o.side, sideWeight: o.easeSideWeight });
    easeSeconds.push((performance.now() - started) / 1000);
    for (const mix of grid.mixes)
      if (mix > 0) tryTable(mixSimilarities(ease, similarity, n, mix), lambda, mix);
  }
  const best = trials.reduce((a, b) => (b.ndcg10 > a.ndcg10 ? b : a));
  return { best, trials, easeSeconds };
}
