import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { widgetDistDir } from '../paths.ts';

/**
 * The embeddable widget. `/lectern.js` keeps one URL for every blog, so browsers revalidate it
 * often; the chunks it imports are content-hashed and cached for a year. Brotli and gzip siblings
 * written at build time are served when the browser accepts them.
 */
export function widgetRoutes(distDir = widgetDistDir) {
  const app = new Hono();
  const cors = (c: { header(name: string, value: string): void }) => {
    // Module scripts are fetched in CORS mode from any blog's origin.
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  };
  app.get('/lectern.js', async (c, next) => {
    if (!existsSync(path.join(distDir, 'lectern.js'))) {
      return c.text('// The Lectern widget is not built yet: run `npm run build`.\n', 503, {
        'Content-Type': 'text/javascript; charset=utf-8',
      });
    }
    return serveStatic({
      root: distDir,
      path: 'lectern.js',
      precompressed: true,
      onFound: (_p, ctx) => {
        cors(ctx);
        ctx.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400');
      },
    })(c, next);
  });
  app.use(
    '/chunks/*',
    serveStatic({
      root: distDir,
      precompressed: true,
      onFound: (_p, c) => {
        cors(c);
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  return app;
}
