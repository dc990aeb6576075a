import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type SecondProcess, twoProcesses } from '../jobs/second-process.ts';
import { createLogger } from '../log.ts';
import { jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { attachSignalling, type Signalling } from './signalling.ts';
import { paidTicket } from './test-tickets.ts';

// Process A holds the signalling sockets; process B serves the host's "remove" request.
const ORIGIN = 'https://blog.example';
const processes = twoProcesses();
let a: TestApp;
let b: SecondProcess;
let server: Server;
let signalling: Signalling;

beforeEach(async () => {
  ({ a, b } = processes);
  server = createServer((req, res) => {
    if (!signalling.handle(req, res)) res.writeHead(404).end();
  });
  // The timer never fires during the test: it calls the heartbeat itself.
  signalling = attachSignalling(server, a.deps, createLogger('silent'), 3_600_000);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  await signalling.close();
  await new Promise((resolve) => server.close(resolve));
});

/** An open signalling socket, and a promise of the close code it gets. */
async function connect(peerId: string, token: string) {
  const { port } = server.address() as AddressInfo;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/peerjs/peerjs?key=lectern&id=${peerId}&token=${token}`);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    ws.once('message', resolve);
    ws.once('error', reject);
  });
  return { ws, closed };
}

it('closes, at its next heartbeat, a socket whose learner another process removed', async () => {
  const site = await a.site([ORIGIN]);
  const w = await publishedWorkshop(a, site.id, {
    startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
  });
  const { token } = await paidTicket(a.deps, site.id, w.id);
  const pass = await (
    await a.app.request(`/v1/rooms/${w.id}/join`, jsonRequest('POST', { ticket: token }, { Origin: ORIGIN }))
  ).json();
  const socket = await connect(pass.peerId, encodeURIComponent(pass.token));
  await expect.poll(() => a.deps.roomPresence.learnersOnline(w.id)).toEqual(new Set([pass.peerId]));

  const removed = await b.app.request(
    `/v1/rooms/${w.id}/remove`,
    jsonRequest('POST', { peerId: pass.peerId }, site.auth),
  );
  expect(removed.status).toBe(200);
  expect(await b.deps.roomPresence.learnersOnline(w.id)).toEqual(new Set());
  expect(socket.ws.readyState).toBe(WebSocket.OPEN); // B does not hold it

  await signalling.heartbeat();
  expect(await socket.closed).toBe(4001);
});
