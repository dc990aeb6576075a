import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import type { ModelTrained, SiteModel } from '../contract/reco.ts';
import { notFound } from '../http/http-error.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { siteFromPath } from '../http/site-middleware.ts';
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

  const pathSite = siteFromPath(deps);

  app.get('/v1/sites/:site/model', read, pathSite, async (c) => {
    const s = c.var.site;
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

  app.get('/v1/sites/:site/models/:file', read, pathSite, async (c) => {
    const s = c.var.site;
    const version = /^([0-9a-f]{8,64})\.onnx$/.exec(c.req.param('file'))?.[1];
    const bytes = version ? await deps.reco.bytes(s.id, version) : null;
    if (!bytes) throw notFound('Model');
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/octet-stream',
      // The URL carries the content hash: it never changes.
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });

  const write = rateLimit(deps.limits.write, 'write');
  const owner = deps.ownerAuth.ownerOfPathSite();
  app.post('/v1/sites/:site/model/train', write, owner, pathSite, async (c) => {
    const model = await deps.reco.train(c.var.site.id);
    return c.json(
      { version: model.version, source: model.source, items: model.meta.items.length } satisfies ModelTrained,
      201,
    );
  });

  return app;
}
