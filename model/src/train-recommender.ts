import { createHash } from 'node:crypto';
import { Vocabulary } from './data/vocabulary.ts';
import { exportSequenceModel } from './export/onnx-export.ts';
import type { ModelAlgorithm, ModelMeta } from './runtime/model-meta.ts';
import { type LinearMixOptions, trainLinearMix } from './train/linear-mix.ts';
import { popularityCounts, popularityOrder } from './train/popularity.ts';
import type { SequenceModel } from './train/sequence-model.ts';

export type TrainedRecommender = {
  onnx: Uint8Array;
  meta: ModelMeta;
  model: SequenceModel;
  algorithm: ModelAlgorithm;
  vocabulary: Vocabulary;
};

/**
 * Trains and exports a recommender from item sequences (oldest first). Works for any catalogue:
 * the shared MOOC data, or a site's workshops and posts (`w:…`, `p:…`), however small: the EASE +
 * next-item ridge + sequence mix up to `maxEaseItems` items, the sequence model alone above (see
 * `meta.algorithm`).
 * `side` maps item keys to side-information entities (optional).
 */
export function trainRecommender(
  sequences: readonly string[][],
  options: Omit<LinearMixOptions, 'side'> & {
    k?: number;
    side?: Map<string, string[]>;
    items?: string[];
  } = {},
): TrainedRecommender {
  const keys = new Set<string>(options.items ?? []);
  for (const seq of sequences) for (const item of seq) keys.add(item);
  if (keys.size === 0) throw new Error('trainRecommender: no items to learn from');
  const vocabulary = options.items
    ? new Vocabulary(keys)
    : Vocabulary.fromSequences(sequences.map((items) => ({ user: '', items })));
  const encoded = sequences.map((s) => vocabulary.encode(s));
  const side = new Map<number, string[]>();
  for (const [key, entities] of options.side ?? []) {
    const i = vocabulary.indexOf(key);
    if (i !== undefined) side.set(i, entities);
  }
  const { model, algorithm } = trainLinearMix(encoded, vocabulary.size, { ...options, side });
  const k = Math.min(options.k ?? 50, vocabulary.size);
  const onnx = exportSequenceModel(model, k);
  const order = popularityOrder(popularityCounts(encoded, vocabulary.size));
  const meta: ModelMeta = {
    format: 'lectern-reco/1',
    version: createHash('sha256').update(onnx).digest('hex').slice(0, 16),
    items: vocabulary.keys,
    maxHistory: model.maxHistory,
    recency: model.recency,
    k,
    popular: order.slice(0, 50).map((i) => vocabulary.keys[i]),
    trainedAt: new Date().toISOString(),
    algorithm,
  };
  return { onnx, meta, model, algorithm, vocabulary };
}
