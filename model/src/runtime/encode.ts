import type { ModelMeta } from './model-meta.ts';

export type EncodedHistory = {
  /** Item indices, oldest first, most recent `maxHistory` known items; one zero-weight pad when empty. */
  history: BigInt64Array;
  weights: Float32Array;
  /** How many history items the model knows. */
  known: number;
};

const indexCache = new WeakMap<ModelMeta, Map<string, number>>();

export function itemIndex(meta: ModelMeta): Map<string, number> {
  let index = indexCache.get(meta);
  if (!index) {
    index = new Map(meta.items.map((key, i) => [key, i]));
    indexCache.set(meta, index);
  }
  return index;
}

/**
 * The one place a learner's history becomes model input. Unknown items are ignored (a new post the
 * model was not trained on); a longer history keeps its most recent `maxHistory` items; the most
 * recent item weighs 1, the one before `recency`, then recency², …
 */
export function encodeHistory(history: readonly string[], meta: ModelMeta): EncodedHistory {
  const index = itemIndex(meta);
  const known: number[] = [];
  for (const key of history) {
    const i = index.get(key);
    if (i !== undefined) known.push(i);
  }
  const recent = known.slice(-meta.maxHistory);
  if (recent.length === 0)
    return { history: BigInt64Array.from([0n]), weights: Float32Array.from([0]), known: 0 };
  const weights = new Float32Array(recent.length);
  for (let t = 0; t < recent.length; t++) weights[t] = meta.recency ** (recent.length - 1 - t);
  return { history: BigInt64Array.from(recent, (i) => BigInt(i)), weights, known: recent.length };
}

/** 1 for every item that must not be recommended (owned, past, sold out, or already taken). */
export function excludeMask(keys: Iterable<string>, meta: ModelMeta): Float32Array {
  const index = itemIndex(meta);
  const mask = new Float32Array(meta.items.length);
  for (const key of keys) {
    const i = index.get(key);
    if (i !== undefined) mask[i] = 1;
  }
  return mask;
}
