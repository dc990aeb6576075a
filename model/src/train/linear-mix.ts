import type { MixWeights, ModelAlgorithm } from '../runtime/model-meta.ts';
import { EASE_DEFAULTS, easeSimilarity } from './ease.ts';
import { NEXT_ITEM_RIDGE_DEFAULTS, nextItemRidge } from './next-item-ridge.ts';
import {
  DEFAULTS,
  neighbourTable,
  popularityPrior,
  type SequenceModel,
  type SequenceModelOptions,
  sequenceSimilarity,
} from './sequence-model.ts';

export type LinearMixOptions = SequenceModelOptions & {
  /** EASE's λ. */
  lambda?: number;
  /** The next-item ridge's λ. */
  ridgeLambda?: number;
  /** Shares of EASE, the next-item ridge and the sequence model in the mix (they sum to 1). */
  mix?: MixWeights;
  /** Pseudo-learner weight of a side-information entity in EASE. */
  easeSideWeight?: number;
  /** Above this many items the two inversions do not fit the training budget: sequence model only. */
  maxEaseItems?: number;
};

/**
 * λ's, the mix and recency were picked on a validation split carved from the MOOC training data
 * (`npm -w model run train` repeats the pick and prints it); sites use these. The item limit is
 * where the `train` command's six inversions would no longer fit its 5-minute budget
 * (model/README.md).
 */
export const LINEAR_MIX_DEFAULTS = {
  // 36 neighbours (int16 index + float16 weight each) keep the 3,320-course ONNX file under
  // 500 KB in either unit; 40 made it 526 KB.
  neighbours: 36,
  lambda: 100,
  ridgeLambda: NEXT_ITEM_RIDGE_DEFAULTS.lambda,
  mix: { ease: 0.4, ridge: 0.4, sequence: 0.2 },
  easeSideWeight: EASE_DEFAULTS.sideWeight,
  maxEaseItems: 3500,
  recency: 0.6,
} as const;

/**
 * The shipped model: a weighted mix of EASE (which courses go together), the next-item ridge
 * (which course follows a recent history) and the sequence model (which course comes next, by
 * counting), each scaled so a typical row's strongest link is 1, cut to the same sparse top-M
 * neighbour table the ONNX graph serves with recency-weighted history. Catalogues above
 * `maxEaseItems` get the sequence model alone, and the returned `algorithm` says so.
 */
export function trainLinearMix(
  train: readonly number[][],
  itemCount: number,
  options: LinearMixOptions = {},
): { model: SequenceModel; algorithm: ModelAlgorithm } {
  const o = { ...DEFAULTS, ...LINEAR_MIX_DEFAULTS, ...options };
  const n = itemCount;
  const { similarity, counts } = sequenceSimilarity(train, n, o);
  const base = { itemCount: n, bias: popularityPrior(counts, o.biasWeight), maxHistory: o.maxHistory };
  if (n > o.maxEaseItems || o.mix.ease + o.mix.ridge <= 0) {
    const reason =
      n > o.maxEaseItems
        ? `${n} items is above the ${o.maxEaseItems}-item limit of the EASE and ridge inversions`
        : 'no EASE or ridge share in the mix';
    return {
      model: { ...base, ...neighbourTable(similarity, n, o.neighbours), recency: o.recency },
      algorithm: { name: 'sequence', reason },
    };
  }
  const parts = linearParts(train, n, o);
  const dense = mixSimilarities({ ...parts, sequence: similarity }, n, o.mix);
  return {
    model: { ...base, ...neighbourTable(dense, n, o.neighbours), recency: o.recency },
    algorithm: { name: 'ease+ridge+sequence', lambda: o.lambda, ridgeLambda: o.ridgeLambda, mix: o.mix },
  };
}

/** EASE and the next-item ridge, each fitted only when its share is above 0. */
export function linearParts(
  train: readonly number[][],
  n: number,
  o: LinearMixOptions & { mix: MixWeights },
): { ease?: Float32Array; ridge?: Float32Array } {
  return {
    ease:
      o.mix.ease > 0
        ? easeSimilarity(train, n, { lambda: o.lambda, side: o.side, sideWeight: o.easeSideWeight })
        : undefined,
    ridge: o.mix.ridge > 0 ? nextItemRidge(train, n, { lambda: o.ridgeLambda }) : undefined,
  };
}

/** Σ share·matrix/scale(matrix) over the parts with a share above 0, into a new array. */
export function mixSimilarities(
  parts: { [K in keyof MixWeights]?: Float32Array },
  n: number,
  mix: MixWeights,
): Float32Array {
  const out = new Float32Array(n * n);
  for (const key of ['ease', 'ridge', 'sequence'] as const) {
    const x = parts[key];
    if (!(mix[key] > 0)) continue;
    if (!x) throw new Error(`mixSimilarities: the mix has a ${key} share but no ${key} matrix`);
    const a = mix[key] / typicalRowMax(x, n);
    for (let k = 0; k < out.length; k++) out[k] += a * x[k];
  }
  return out;
}

/** Mean over rows with a positive entry of the row's largest entry (1 for an all-zero matrix). */
function typicalRowMax(x: Float32Array, n: number): number {
  let sum = 0;
  let rows = 0;
  for (let i = 0; i < n; i++) {
    let max = 0;
    for (let j = i * n; j < (i + 1) * n; j++) if (x[j] > max) max = x[j];
    if (max > 0) {
      sum += max;
      rows++;
    }
  }
  return rows ? sum / rows : 1;
}
