import { existsSync } from 'node:fs';
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
  for (const [mount, dir] of [
    ['/blog', 'blog'],
    ['/course', 'course-site'],
  ] as const) {
    const root = path.join(examplesDir, dir);
    if (!existsSync(root)) continue;
    app.get(mount, (c) => c.redirect(`${mount}/`));
    app.use(
      `${mount}/*`,
      serveStatic({ root, rewriteRequestPath: (p) => p.slice(mount.length) || '/', onFound: noStore }),
    );
  }
  return app;
}

// Example pages change while developing; never let a browser cache them.
function noStore(_path: string, c: { header(name: string, value: string): void }) {
  c.header('Cache-Control', 'no-cache');
}
