import type { ModelAlgorithm } from '../runtime/model-meta.ts';
import { EASE_DEFAULTS, easeSimilarity } from './ease.ts';
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
  /** Share of EASE in the mix (0 = the sequence model alone, 1 = EASE alone). */
  mix?: number;
  /** Pseudo-learner weight of a side-information entity in EASE. */
  easeSideWeight?: number;
  /** Above this many items the EASE inversion does not fit the training budget: sequence model only. */
  maxEaseItems?: number;
};

/**
 * λ, mix and recency were picked on a validation split carved from the MOOC training data
 * (`npm -w model run train` repeats the pick and prints it); sites use these. The item limit is
 * where one inversion takes about 53 s on the 2-core reference machine (45 s at 3,320) (model/README.md).
 */
export const LINEAR_MIX_DEFAULTS = {
  // 36 neighbours (int16 index + float16 weight each) keep the 3,320-course ONNX file under
  // 500 KB in either unit; 40 made it 526 KB.
  neighbours: 36,
  lambda: 100,
  mix: 0.5,
  easeSideWeight: EASE_DEFAULTS.sideWeight,
  maxEaseItems: 3500,
  recency: 0.6,
} as const;

/**
 * The shipped model: a weighted mix of EASE (which courses go together) and the sequence model
 * (which course comes next), each scaled so a typical row's strongest link is 1, cut to the same
 * sparse top-M neighbour table the ONNX graph serves with recency-weighted history. Catalogues
 * above `maxEaseItems` get the sequence model alone, and the returned `algorithm` says so.
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
  if (n > o.maxEaseItems || o.mix <= 0) {
    const reason =
      n > o.maxEaseItems
        ? `${n} items is above the ${o.maxEaseItems}-item limit of the EASE inversion`
        : 'mix 0';
    return {
      model: { ...base, ...neighbourTable(similarity, n, o.neighbours), recency: o.recency },
      algorithm: { name: 'sequence', reason },
    };
  }
  const ease = easeSimilarity(train, n, { lambda: o.lambda, side: o.side, sideWeight: o.easeSideWeight });
  const dense = mixSimilarities(ease, similarity, n, o.mix);
  return {
    model: { ...base, ...neighbourTable(dense, n, o.neighbours), recency: o.recency },
    algorithm: { name: 'ease+sequence', lambda: o.lambda, mix: o.mix },
  };
}

/** mix·ease/scale(ease) + (1−mix)·sequence/scale(sequence), written into a new array. */
export function mixSimilarities(
  ease: Float32Array,
  sequence: Float32Array,
  n: number,
  mix: number,
): Float32Array {
  const a = mix / typicalRowMax(ease, n);
  const b = (1 - mix) / typicalRowMax(sequence, n);
  const out = new Float32Array(n * n);
  for (let k = 0; k < out.length; k++) out[k] = a * ease[k] + b * sequence[k];
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
