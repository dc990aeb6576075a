/** What a served model needs besides its ONNX bytes. Written by training, read by every runtime. */
export type ModelMeta = {
  format: 'lectern-reco/1';
  /** Content hash of the ONNX file: logged with every impression. */
  version: string;
  /** Item keys in model index order (e.g. "1042", or "w:ws_abc" / "p:/blog/post.html" on a site). */
  items: string[];
  /** Most recent items the model looks at. */
  maxHistory: number;
  /** Recency weight base: the item `age` steps before the last weighs recency^age. */
  recency: number;
  /** How many items the model returns at most. */
  k: number;
  /** Most popular items first: the answer when the model cannot run at all. */
  popular: string[];
  trainedAt: string;
  /** Which model this is; a sequence model says why it is not the EASE mix (e.g. catalogue size). */
  algorithm?: ModelAlgorithm;
};

/** Shares of the three item-item models in the shipped mix (they sum to 1). */
export type MixWeights = { ease: number; ridge: number; sequence: number };

/**
 * Written by training; absent in models trained before issue 20 (all sequence models).
 * `ease+sequence` (mix = EASE's share) is what a site trained before the next-item ridge holds.
 */
export type ModelAlgorithm =
  | { name: 'ease+ridge+sequence'; lambda: number; ridgeLambda: number; mix: MixWeights }
  | { name: 'ease+sequence'; lambda: number; mix: number }
  | { name: 'sequence'; reason: string };

export class RecommenderError extends Error {
  constructor(
    readonly type: 'invalid-model' | 'invalid-meta' | 'runtime',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RecommenderError';
  }
}

export function checkMeta(meta: unknown): ModelMeta {
  const m = meta as Partial<ModelMeta> | null;
  if (
    m?.format !== 'lectern-reco/1' ||
    !Array.isArray(m.items) ||
    m.items.length === 0 ||
    typeof m.maxHistory !== 'number' ||
    typeof m.recency !== 'number' ||
    typeof m.k !== 'number'
  ) {
    throw new RecommenderError('invalid-meta', 'Model metadata is missing or not in lectern-reco/1 format');
  }
  return m as ModelMeta;
}
