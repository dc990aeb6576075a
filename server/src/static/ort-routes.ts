import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { repoRoot } from '../paths.ts';
import { ORT_PATH } from '../reco/routes.ts';

/**
 * onnxruntime-web's wasm runtime, served by us (never a CDN), precompressed at build time
 * (widget/scripts/prepare-ort.mjs) and cached forever: the version is in the path.
 */
export function ortRoutes() {
  const app = new Hono();
  const root = path.join(repoRoot, 'widget', 'ort-dist', ORT_PATH.split('/')[2]);
  if (!existsSync(root)) return app;
  app.use(
    `${ORT_PATH}*`,
    serveStatic({
      root,
      precompressed: true,
      rewriteRequestPath: (p) => p.slice(ORT_PATH.length - 1),
      onFound: (_p, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
        c.header('Access-Control-Allow-Origin', '*');
        c.header('Cross-Origin-Resource-Policy', 'cross-origin');
      },
    }),
  );
  return app;
}
