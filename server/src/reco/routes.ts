import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Context, Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import type { ModelTrained, SiteModel } from '../contract/reco.ts';
import { allowSiteOrigin } from '../http/cors.ts';
import { notFound } from '../http/http-error.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { repoRoot } from '../paths.ts';

// onnxruntime-web's exports map hides package.json; read it from the workspace's node_modules.
const ortVersion: string = JSON.parse(
  readFileSync(path.join(repoRoot, 'node_modules', 'onnxruntime-web', 'package.json'), 'utf8'),
).version;

/** Where the browser finds onnxruntime-web's wasm (served by static/ort-routes.ts). */
export const ORT_PATH = `/ort/${ortVersion}/`;

export function recoRoutes(deps: AppDeps) {
  const app = new Hono();
  const read = rateLimit(deps.limits.read, 'read');

  async function site(c: Context) {
    const found = await deps.sites.get(c.req.param('site')!);
    if (!found) throw notFound('Site');
    allowSiteOrigin(c, found, deps.ownOrigins);
    return found;
  }

  app.get('/v1/sites/:site/model', read, async (c) => {
    const s = await site(c);
    const model = await deps.reco.latestOrTrain(s.id);
    const split = typeof s.settings.recoSplit === 'number' ? s.settings.recoSplit : deps.config.recoSplit;
    c.header('Cache-Control', 'public, max-age=60');
    return c.json({
      version: model.version,
      modelUrl: `${deps.config.publicUrl}/v1/sites/${encodeURIComponent(s.id)}/models/${model.version}.onnx`,
      meta: model.meta,
      wasmBase: `${deps.config.publicUrl}${ORT_PATH}`,
      split,
      source: model.source,
      trainedAt: new Date(model.createdAt).toISOString(),
    } satisfies SiteModel);
  });

  app.get('/v1/sites/:site/models/:file', read, async (c) => {
    const s = await site(c);
    const version = /^([0-9a-f]{8,64})\.onnx$/.exec(c.req.param('file'))?.[1];
    const bytes = version ? await deps.reco.bytes(s.id, version) : null;
    if (!bytes) throw notFound('Model');
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/octet-stream',
      // The URL carries the content hash: it never changes.
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });

  app.post('/v1/sites/:site/model/train', rateLimit(deps.limits.write, 'write'), async (c) => {
    const siteId = c.req.param('site');
    await deps.ownerAuth.requireSite(c, siteId);
    await site(c);
    const model = await deps.reco.train(siteId);
    return c.json(
      { version: model.version, source: model.source, items: model.meta.items.length } satisfies ModelTrained,
      201,
    );
  });

  return app;
}
