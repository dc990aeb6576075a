import { createServer, request } from 'node:http';
import { connect } from 'node:net';

/** One request the proxy passed on: to which backend, and for whom. */
export type Served = { kind: 'http' | 'ws'; client: string; method: string; path: string; backend: number };

export type RoundRobinProxy = {
  url: string;
  port: number;
  served: Served[];
  stop(): Promise<void>;
};

/** The header a test's browser context sends to say which client it is (see `pin`). */
export const CLIENT_HEADER = 'x-lectern-test-client';

/**
 * A load balancer for tests, in front of several Lectern processes on 127.0.0.1:
 * - HTTP requests go round-robin, one backend after the other — except those of a client the
 *   test pinned (`pin`, e.g. `{ host: 0, learner: 1 }`, read at each request; by the `CLIENT_HEADER` its browser context
 *   sends), which always go to that backend: the test then knows that the host's and the
 *   learner's requests are served by different processes rather than hoping the rotation did it;
 * - a signalling WebSocket (`/peerjs…`) goes to the backend its room's tag picks (the eight hex
 *   digits after `lh-`/`ll-` in the `id` query parameter, modulo the number of backends), as
 *   nginx's `hash $lectern_room consistent` does in docs/deploy.md.
 */
export async function startRoundRobinProxy(
  ports: number[],
  pin: Record<string, number> = {},
): Promise<RoundRobinProxy> {
  let next = 0;
  const served: Served[] = [];
  const clientOf = (headers: Record<string, string | string[] | undefined>) =>
    String(headers[CLIENT_HEADER] ?? '');

  const server = createServer((req, res) => {
    const client = clientOf(req.headers);
    const backend = client in pin ? pin[client] : next++ % ports.length;
    served.push({ kind: 'http', client, method: req.method ?? '', path: req.url ?? '', backend });
    const upstream = request(
      { host: '127.0.0.1', port: ports[backend], method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });

  server.on('upgrade', (req, socket, head) => {
    const id = new URL(req.url ?? '', 'http://proxy').searchParams.get('id') ?? '';
    const tag = /^l[hl]-([0-9a-f]{8})/.exec(id)?.[1];
    const backend = tag ? Number.parseInt(tag, 16) % ports.length : next++ % ports.length;
    served.push({ kind: 'ws', client: clientOf(req.headers), method: 'GET', path: req.url ?? '', backend });
    const upstream = connect(ports[backend], '127.0.0.1', () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    const drop = () => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on('error', drop);
    socket.on('error', drop);
    upstream.on('close', drop);
    socket.on('close', drop);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://localhost:${port}`,
    port,
    served,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
