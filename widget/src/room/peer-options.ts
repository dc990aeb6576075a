import type { PeerOptions } from 'peerjs';
import type { RoomJoin } from '../api/rooms.ts';

/** PeerJS options for a pass: the Lectern server's own host/port, our path, key and token. */
export function peerOptions(server: string, pass: RoomJoin, debug = 0): PeerOptions {
  const url = new URL(server);
  const secure = url.protocol === 'https:';
  return {
    host: url.hostname,
    port: Number(url.port) || (secure ? 443 : 80),
    secure,
    path: `${pass.signalling.path}/`,
    key: pass.signalling.key,
    token: pass.token,
    config: { iceServers: pass.iceServers },
    debug,
  };
}

/** Maps PeerJS's own error types onto ours. */
export function isFatalPeerError(type: string): boolean {
  return (
    type === 'unavailable-id' || type === 'invalid-id' || type === 'invalid-key' || type === 'ssl-unavailable'
  );
}
