import type { PublicWorkshop, SiteModel } from '../api/client.ts';
import type { StoredEvent } from '../log/index.ts';
import { purchasable } from './purchasable.ts';
import { WasmBlockedError, wasmBlocked } from './wasm-blocked.ts';

export type Variant = 'model' | 'popularity';

/** Stable A/B assignment from the anonymous id: FNV-1a hash to [0, 1), below `split` → model. */
export function variantFor(anonId: string, split: number): Variant {
  let h = 0x811c9dc5;
  for (let i = 0; i < anonId.length; i++) {
    h ^= anonId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32 < split ? 'model' : 'popularity';
}

type Runtime = typeof import('@lectern/model/runtime');

/**
 * Ranks workshops for this reader: the site model on their own history (variant `model`), or the
 * site's popular list (variant `popularity`). Owned, past, cancelled and sold-out workshops and
 * every non-workshop item are excluded. The model variant throws `WasmBlockedError` when the
 * page's CSP forbids WebAssembly.
 */
export async function pickWorkshops(options: {
  runtime: Runtime;
  ort: typeof import('onnxruntime-web');
  info: SiteModel;
  events: readonly StoredEvent[];
  workshops: readonly PublicWorkshop[];
  owned: ReadonlySet<string>;
  variant: Variant;
  limit: number;
  now: number;
}): Promise<{ workshops: PublicWorkshop[]; source: 'model' | 'popularity' }> {
  const { runtime, info, variant, limit } = options;
  const open = purchasable(options.workshops, options.now);
  for (const id of options.owned) open.delete(`w:${id}`);
  if (variant === 'popularity') {
    const list = info.meta.popular.filter((k) => open.has(k));
    for (const k of open.keys()) if (!list.includes(k)) list.push(k);
    return { workshops: list.slice(0, limit).map((k) => open.get(k)!), source: 'popularity' };
  }
  // Before downloading the model and 2.4 MB of wasm that the page would refuse to compile.
  if (await wasmBlocked()) throw new WasmBlockedError();
  const history = runtime.historyItemKeys(options.events);
  const exclude = info.meta.items.filter((k) => !open.has(k));
  const recommender = await runtime.loadRecommender(info.modelUrl, info.meta, { ort: options.ort });
  try {
    const rec = await recommender.recommend(history, { k: info.meta.k, exclude });
    return {
      workshops: rec.items
        .filter((k) => open.has(k))
        .slice(0, limit)
        .map((k) => open.get(k)!),
      source: rec.source,
    };
  } finally {
    await recommender.release();
  }
}
