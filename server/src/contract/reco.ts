import type { ModelMeta } from '@lectern/model/runtime';

// The recommendation model's wire API (reco/routes.ts). Types only: the endpoints take no body.

/** Trained from the site's uploaded events, or (with none yet) from its workshops and sales. */
export type ModelSource = 'events' | 'cold-start';

/** `GET /v1/sites/:site/model`: the site's latest model and where its files are. */
export type SiteModel = {
  /** The model file's content hash: its URL never changes. */
  version: string;
  modelUrl: string;
  meta: ModelMeta;
  /** Where onnxruntime-web's wasm is served. */
  wasmBase: string;
  /** Share of readers (by anonymous id) shown model recommendations; the rest see popularity. */
  split: number;
  source: ModelSource;
  trainedAt: string;
};

/** `POST /v1/sites/:site/model/train` (owner): the model just trained. */
export type ModelTrained = { version: string; source: ModelSource; items: number };
