import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import express from 'express';
import { ExpressPeerServer, type IClient } from 'peer';
import { WebSocketServer } from 'ws';
import type { AppDeps } from '../app-deps.ts';
import type { Logger } from '../log.ts';
import { PRESENCE_TIMING } from './room-presence.ts';
import { SIGNALLING } from './room-service.ts';

export type Signalling = {
  /** Handles `/peerjs…` HTTP requests; returns false for every other path (Hono takes those). */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** One presence heartbeat (the timer runs it every `PRESENCE_TIMING.heartbeatMs`). */
  heartbeat(): Promise<void>;
  close(): Promise<void>;
};

/**
 * The PeerJS server on the API's own HTTP server. PeerJS's `key` is not authentication and its
 * `connection` event fires after a client is registered, so every WebSocket is checked in
 * `verifyClient` first: a peer id + token that `POST /v1/rooms/:workshop/join` did not issue (or
 * that expired, was superseded, or was removed) gets HTTP 401 and never reaches the PeerJS realm.
 *
 * Several processes: PeerJS relays messages only between clients of one process, so a room's
 * signalling must reach one process — the load balancer hashes on the room tag inside the peer id
 * (`roomTagOf`, docs/deploy.md). Presence is written to the database for every process to read,
 * and each heartbeat closes the sockets here whose pass stopped opening the room through a
 * request another process served (removed, refunded, ended, superseded by the host's reload).
 */
export function attachSignalling(
  server: Server,
  { rooms, roomPresence, peerSockets }: Pick<AppDeps, 'rooms' | 'roomPresence' | 'peerSockets'>,
  log: Logger,
  heartbeatMs = PRESENCE_TIMING.heartbeatMs,
): Signalling {
  const reportFailure = (err: unknown) => log.warn({ err }, 'room presence write failed');
  // Filled by verifyClient, read when PeerJS registers the client (it emits `connection` only for
  // new registrations; a reconnect onto a live registration keeps its presence).
  const verified = new Map<string, { workshopId: string; role: 'host' | 'learner' }>();
  let wss: WebSocketServer | undefined;
  const peerServer = ExpressPeerServer(server, {
    key: SIGNALLING.key,
    path: '/',
    // Learners behind flaky networks reconnect with the same id; a short expiry frees dead ids fast.
    alive_timeout: 60_000,
    allow_discovery: false,
    createWebSocketServer: (options) => {
      wss = new WebSocketServer({
        ...options,
        verifyClient: (info, done) => {
          const query = new URL(info.req.url ?? '', 'http://x').searchParams;
          const id = query.get('id') ?? '';
          const token = query.get('token') ?? '';
          rooms.connect(id, token).then(
            (who) => {
              if (!who) {
                log.debug({ peerId: id.slice(0, 64) }, 'signalling refused');
                done(false, 401, 'Unauthorized');
                return;
              }
              verified.set(id, who);
              done(true);
            },
            (err) => {
              log.warn({ err }, 'signalling check failed');
              done(false, 503, 'Unavailable');
            },
          );
        },
      });
      return wss;
    },
  });
  peerServer.on('connection', (client: IClient) => {
    const id = client.getId();
    peerSockets.opened(client);
    const who = verified.get(id);
    verified.delete(id);
    if (who) roomPresence.connected(id, who.workshopId, who.role).catch(reportFailure);
    rooms.timeInRoom.joined(id).catch((err) => log.warn({ err }, 'recording time in room failed'));
  });
  peerServer.on('disconnect', (client: IClient) => {
    const id = client.getId();
    if (peerSockets.lost(client)) roomPresence.disconnected(id).catch(reportFailure);
    // The stretch in the room ends with the pass's last socket, not with one a reconnect replaced.
    if (!peerSockets.isOpen(id)) {
      rooms.timeInRoom.left(id).catch((err) => log.warn({ err }, 'recording time in room failed'));
    }
  });

  async function heartbeat(): Promise<void> {
    await roomPresence.heartbeat();
    for (const peerId of await rooms.closedOf(peerSockets.ids())) {
      peerSockets.close(peerId);
      await roomPresence.disconnected(peerId);
    }
  }
  const timer = setInterval(() => heartbeat().catch(reportFailure), heartbeatMs);
  timer.unref();
  peerServer.on('error', (err) => log.warn({ err }, 'signalling error'));

  // `ExpressPeerServer` starts its WebSocket server when mounted; its WS path becomes /peerjs/peerjs.
  const parent = express();
  parent.disable('x-powered-by');
  parent.use(SIGNALLING.path, peerServer);
  parent.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'No such signalling route' } });
  });

  return {
    handle(req, res) {
      const path = req.url ?? '';
      if (
        path !== SIGNALLING.path &&
        !path.startsWith(`${SIGNALLING.path}/`) &&
        !path.startsWith(`${SIGNALLING.path}?`)
      )
        return false;
      parent(req, res);
      return true;
    },
    heartbeat,
    async close() {
      clearInterval(timer);
      for (const client of wss?.clients ?? []) client.terminate();
      wss?.close();
      await roomPresence.close().catch(reportFailure);
    },
  };
}
