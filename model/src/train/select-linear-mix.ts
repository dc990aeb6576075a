import { evaluate, leaveLastOut } from '../eval/protocol.ts';
import type { MixWeights } from '../runtime/model-meta.ts';
import { easeSimilarity } from './ease.ts';
import { LINEAR_MIX_DEFAULTS, type LinearMixOptions, mixSimilarities } from './linear-mix.ts';
import { nextItemRidge } from './next-item-ridge.ts';
import {
  DEFAULTS,
  neighbourTable,
  popularityPrior,
  scoreSequence,
  sequenceSimilarity,
} from './sequence-model.ts';

export type MixTrial = {
  lambda: number;
  ridgeLambda: number;
  mix: MixWeights;
  recency: number;
  neighbours: number;
  ndcg10: number;
};

export type MixGrid = {
  lambdas: number[];
  ridgeLambdas: number[];
  /** Shares step by this much over the simplex (0.2: 21 mixes). */
  mixStep: number;
  /** Tried for the best mix (at the first recency and neighbour count) only. */
  recencies: number[];
  neighbours: number[];
  maxCases: number;
};

// One λ each: every λ is one more inversion (about 11 s at 3,320 items) and the ridge's also a
// sparse product (about 7 s). Wider one-off runs on the same validation split put EASE's λ 100
// ahead of 200 and 400, and the ridge's λ 100 against 30 and 300 (model/README.md).
export const MIX_GRID: MixGrid = {
  lambdas: [100],
  ridgeLambdas: [100],
  mixStep: 0.2,
  recencies: [0.6, 0.4, 0.8],
  neighbours: [LINEAR_MIX_DEFAULTS.neighbours, 30, 24],
  maxCases: 20_000,
};

/**
 * Picks the λ's, the three shares, the serving recency and the neighbour count on a validation
 * split carved from the training sequences (each learner's last training enrolment held out; the
 * test split is never seen), by NDCG@10 of the sparse table that would ship: every mix on the
 * simplex grid at the first recency and neighbour count, then the other recencies and neighbour
 * counts for the best mix. One inversion per λ.
 */
export function selectLinearMix(
  train: readonly number[][],
  itemCount: number,
  options: LinearMixOptions = {},
  grid: MixGrid = MIX_GRID,
): { best: MixTrial; trials: MixTrial[]; fitSeconds: { ease: number[]; ridge: number[] } } {
  const o = { ...DEFAULTS, ...LINEAR_MIX_DEFAULTS, ...options };
  const n = itemCount;
  const split = leaveLastOut(train);
  const step = Math.max(1, Math.ceil(split.cases.length / grid.maxCases));
  const cases = split.cases.filter((_, i) => i % step === 0);
  const { similarity, counts } = sequenceSimilarity(split.train, n, o);
  const bias = popularityPrior(counts, o.biasWeight);
  const trials: MixTrial[] = [];
  const linear = n <= o.maxEaseItems;
  const timed = <T>(list: number[], fit: () => T): T => {
    const started = performance.now();
    const out = fit();
    list.push((performance.now() - started) / 1000);
    return out;
  };
  const fitSeconds = { ease: [] as number[], ridge: [] as number[] };
  const eases = (linear ? grid.lambdas : []).map((lambda) => ({
    lambda,
    x: timed(fitSeconds.ease, () =>
      easeSimilarity(split.train, n, { lambda, side: o.side, sideWeight: o.easeSideWeight }),
    ),
  }));
  const ridges = (linear ? grid.ridgeLambdas : []).map((lambda) => ({
    lambda,
    x: timed(fitSeconds.ridge, () => nextItemRidge(split.train, n, { lambda })),
  }));
  const tryMix = (t: Omit<MixTrial, 'ndcg10'>) => {
    const ease = eases.find((e) => e.lambda === t.lambda)?.x;
    const ridge = ridges.find((r) => r.lambda === t.ridgeLambda)?.x;
    const dense = mixSimilarities({ ease, ridge, sequence: similarity }, n, t.mix);
    const table = neighbourTable(dense, n, t.neighbours);
    const model = { itemCount: n, ...table, bias, maxHistory: o.maxHistory, recency: t.recency };
    const trial = { ...t, ndcg10: evaluate(cases, (h) => scoreSequence(model, h)).ndcg10 };
    trials.push(trial);
    return trial;
  };
  const first = { recency: grid.recencies[0], neighbours: grid.neighbours[0] };
  const mixes = linear ? simplex(grid.mixStep) : [{ ease: 0, ridge: 0, sequence: 1 }];
  for (const lambda of linear ? grid.lambdas : [0])
    for (const ridgeLambda of linear ? grid.ridgeLambdas : [0])
      for (const mix of mixes) {
        // The sequence model alone does not depend on the λ's: tried once.
        if (mix.sequence === 1 && trials.some((t) => t.mix.sequence === 1)) continue;
        tryMix({ lambda, ridgeLambda, mix, ...first });
      }
  const bestOf = () => trials.reduce((a, b) => (b.ndcg10 > a.ndcg10 ? b : a));
  const byMix = bestOf();
  for (const recency of grid.recencies.slice(1)) tryMix({ ...byMix, recency });
  const byRecency = bestOf();
  for (const neighbours of grid.neighbours.slice(1)) tryMix({ ...byRecency, neighbours });
  return { best: bestOf(), trials, fitSeconds };
}

/** Every (ease, ridge, sequence) with shares in steps of `step` summing to 1. */
export function simplex(step: number): MixWeights[] {
  const parts = Math.round(1 / step);
  const out: MixWeights[] = [];
  const share = (k: number) => Number((k / parts).toFixed(6));
  for (let e = 0; e <= parts; e++)
    for (let r = 0; e + r <= parts; r++)
      out.push({ ease: share(e), ridge: share(r), sequence: share(parts - e - r) });
  return out;
}
