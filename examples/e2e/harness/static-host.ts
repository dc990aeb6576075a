import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
};

export type StaticHost = { origin: string; close(): Promise<void> };

/**
 * A stand-in for a blogger's own web host: serves a folder on its own port (its own origin), with
 * optional response headers such as a Content-Security-Policy. `rewrite` lets a test adapt the
 * page (e.g. point the script tag at the Lectern server).
 */
export async function startStaticHost(
  dir: string,
  options: { headers?: Record<string, string>; rewrite?: (html: string) => string; spa?: boolean } = {},
): Promise<StaticHost> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file) && options.spa) file = path.join(dir, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.setHeader('Content-Type', type);
    for (const [k, v] of Object.entries(options.headers ?? {})) res.setHeader(k, v);
    if (type.startsWith('text/html') && options.rewrite) {
      import('node:fs').then(({ readFileSync }) => res.end(options.rewrite!(readFileSync(file, 'utf8'))));
      return;
    }
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
