import { encodeHistory, excludeMask } from './encode.ts';
import { checkMeta, type ModelMeta, RecommenderError } from './model-meta.ts';

type Ort = typeof import('onnxruntime-web');

export type Recommendation = {
  items: string[];
  scores: number[];
  /** `model` when the history had items the model knows; `popularity` otherwise. */
  source: 'model' | 'popularity';
};

export type RecommendOptions = {
  k?: number;
  /** Items never to return (owned, past, sold out). */
  exclude?: Iterable<string>;
  /** Also return items already in the history (default: no). */
  includeHistory?: boolean;
};

export type Recommender = {
  meta: ModelMeta;
  recommend(history: readonly string[], options?: RecommendOptions): Promise<Recommendation>;
  release(): Promise<void>;
};

/**
 * onnxruntime-web, imported only when a model is loaded. The widget passes its own build
 * (`onnxruntime-web/wasm` with `env.wasm.wasmPaths` pointing at our server); Node uses the default.
 */
async function loadOrt(ort?: Ort): Promise<Ort> {
  // A variable specifier keeps bundlers from pulling the full onnxruntime-web into the widget,
  // which always injects its own lean `onnxruntime-web/wasm` build.
  const specifier = 'onnxruntime-web';
  const mod = ort ?? ((await import(/* @vite-ignore */ specifier)) as Ort);
  // One thread: more needs cross-origin isolation, which a host page cannot be asked for.
  mod.env.wasm.numThreads = 1;
  return mod;
}

export async function loadRecommender(
  model: Uint8Array | string,
  meta: ModelMeta,
  options: { ort?: Ort; fetch?: typeof fetch } = {},
): Promise<Recommender> {
  const checked = checkMeta(meta);
  const ort = await loadOrt(options.ort);
  let bytes: Uint8Array;
  if (typeof model === 'string') {
    const res = await (options.fetch ?? fetch)(model);
    if (!res.ok) throw new RecommenderError('invalid-model', `Model download failed: HTTP ${res.status}`);
    bytes = new Uint8Array(await res.arrayBuffer());
  } else bytes = model;
  let session: import('onnxruntime-web').InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  } catch (cause) {
    throw new RecommenderError('invalid-model', 'The model file is not a valid Lectern ONNX model', {
      cause,
    });
  }
  if (!session.inputNames.includes('history') || !session.outputNames.includes('items')) {
    await session.release();
    throw new RecommenderError('invalid-model', 'The model does not have the history → items signature');
  }
  const n = checked.items.length;

  return {
    meta: checked,
    async recommend(history, opts = {}) {
      const k = Math.max(1, Math.min(opts.k ?? 10, checked.k));
      const encoded = encodeHistory(history, checked);
      const excluded = new Set(opts.exclude ?? []);
      if (!opts.includeHistory) for (const key of history) excluded.add(key);
      const feeds = {
        history: new ort.Tensor('int64', encoded.history, [1, encoded.history.length]),
        weights: new ort.Tensor('float32', encoded.weights, [1, encoded.weights.length]),
        exclude: new ort.Tensor('float32', excludeMask(excluded, checked), [1, n]),
      };
      let out: Awaited<ReturnType<typeof session.run>>;
      try {
        out = await session.run(feeds);
      } catch (cause) {
        throw new RecommenderError('runtime', 'The model failed to run', { cause });
      }
      const idx = out.items.data as BigInt64Array;
      const val = out.scores.data as Float32Array;
      const items: string[] = [];
      const scores: number[] = [];
      for (let i = 0; i < idx.length && items.length < k; i++) {
        // Masked items sink to about -1e9: fewer candidates than k left.
        if (val[i] < -1e8) break;
        items.push(checked.items[Number(idx[i])]);
        scores.push(val[i]);
      }
      return { items, scores, source: encoded.known > 0 ? 'model' : 'popularity' };
    },
    release: () => session.release(),
  };
}
