import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { examplesDir } from '../paths.ts';

/**
 * The example host sites, served on the API's port for the demo and the browser tests. Production
 * deployments turn this off (LECTERN_SERVE_EXAMPLES=0): real blogs live on their own hosts.
 */
export function exampleRoutes() {
  const app = new Hono();
  app.get('/', (c) => c.redirect('/blog/'));
  for (const [mount, dir, spa] of [
    ['/blog', 'blog', false],
    ['/course', 'course-site', true],
  ] as const) {
    const root = path.join(examplesDir, dir);
    if (!existsSync(root)) continue;
    app.get(mount, (c) => c.redirect(`${mount}/`));
    app.use(
      `${mount}/*`,
      serveStatic({ root, rewriteRequestPath: (p) => p.slice(mount.length) || '/', onFound: noStore }),
    );
    // A single-page app answers every deep link with its shell.
    if (spa)
      app.get(`${mount}/*`, (c) =>
        c.html(readFileSync(path.join(root, 'index.html'), 'utf8'), 200, { 'Cache-Control': 'no-cache' }),
      );
  }
  return app;
}

// Example pages change while developing; never let a browser cache them.
function noStore(_path: string, c: { header(name: string, value: string): void }) {
  c.header('Cache-Control', 'no-cache');
}
