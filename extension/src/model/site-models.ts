// Each site's published model (`GET /v1/sites/:site/model`), cached in the extension's
// IndexedDB by version, run with onnxruntime-web bundled in the package (one thread, wasm from
// the package itself: MV3 forbids remote code). Sessions stay open while the background lives.

import { historyItemKeys, loadRecommender, type Recommender, workshopIdOf } from '@lectern/model/runtime';
import type { PublicWorkshop, SiteModel, WorkshopList } from '@lectern/server/contract';
import type { StoredEvent } from '@lectern/widget/log';
import * as ort from 'onnxruntime-web/wasm';
import { extensionUrl } from '../extension-url.ts';
import { extensionDb, type KnownSite } from '../store/extension-db.ts';

// The object form: the string prefix makes ORT import() its glue, disallowed in a service worker.
ort.env.wasm.wasmPaths = { wasm: extensionUrl('/ort/ort-wasm-simd-threaded.wasm') };
ort.env.wasm.numThreads = 1;

/** How long a model's info is trusted before asking the server for a newer version. */
const INFO_TTL_MS = 10 * 60_000;
/** Open sessions by site key, with when their model's version was last confirmed. */
const live = new Map<string, { version: string; checkedAt: number; recommender: Promise<Recommender> }>();

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { credentials: 'omit' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

const siteUrl = (site: KnownSite) => `${site.server}/v1/sites/${encodeURIComponent(site.site)}`;

export async function siteWorkshops(site: KnownSite): Promise<PublicWorkshop[]> {
  return (await getJson<WorkshopList>(`${siteUrl(site)}/workshops`)).workshops;
}

/** The site's model info and bytes: from the cache while fresh, else from the server. */
async function cachedModel(site: KnownSite, now: number) {
  const cached = await extensionDb.model(site.key);
  if (cached && now - cached.fetchedAt < INFO_TTL_MS) return cached;
  try {
    const info = await getJson<SiteModel>(`${siteUrl(site)}/model`);
    const bytes =
      cached?.info.version === info.version
        ? cached.bytes
        : new Uint8Array(await (await fetch(info.modelUrl, { credentials: 'omit' })).arrayBuffer());
    const fresh = { key: site.key, info, bytes, fetchedAt: now };
    await extensionDb.putModel(fresh);
    return fresh;
  } catch (err) {
    // Offline or the server is down: an older model is better than none.
    if (cached) return cached;
    throw err;
  }
}

/** The last inference times per site, read by the benchmark through the service worker. */
const timings: Record<string, number[]> = {};
(globalThis as { lecternInferenceMs?: typeof timings }).lecternInferenceMs = timings;
function noteInference(siteKey: string, ms: number): void {
  timings[siteKey] ??= [];
  const list = timings[siteKey];
  list.push(ms);
  if (list.length > 200) list.shift();
}

async function recommenderFor(site: KnownSite, now: number): Promise<Recommender> {
  const open = live.get(site.key);
  // A session on a version confirmed within the TTL needs neither the server nor the model's
  // bytes from IndexedDB (half a megabyte a site, read on every "For you" otherwise).
  if (open && now - open.checkedAt < INFO_TTL_MS) return open.recommender;
  const model = await cachedModel(site, now);
  if (open?.version === model.info.version) {
    open.checkedAt = model.fetchedAt;
    return open.recommender;
  }
  const recommender = loadRecommender(model.bytes, model.info.meta, {
    ort: ort as unknown as typeof import('onnxruntime-web'),
  });
  live.set(site.key, { version: model.info.version, checkedAt: model.fetchedAt, recommender });
  if (open) open.recommender.then((r) => r.release()).catch(() => undefined);
  recommender.catch(() => live.delete(site.key));
  return recommender;
}

/**
 * The site model's workshop picks (ids, best first) on the learner's history there, and whether
 * they follow that history (`model`) or are the site's popular list (`popularity`).
 */
export async function rankSite(
  site: KnownSite,
  events: readonly StoredEvent[],
  exclude: Iterable<string>,
  now: number,
): Promise<{ ids: string[]; source: 'model' | 'popularity' }> {
  const recommender = await recommenderFor(site, now);
  const excluded = new Set([...exclude].map((id) => `w:${id}`));
  const started = performance.now();
  const rec = await recommender.recommend(historyItemKeys(events), {
    k: recommender.meta.k,
    exclude: recommender.meta.items.filter((k) => excluded.has(k) || !k.startsWith('w:')),
  });
  noteInference(site.key, performance.now() - started);
  return { ids: rec.items.filter((k) => k.startsWith('w:')).map(workshopIdOf), source: rec.source };
}
