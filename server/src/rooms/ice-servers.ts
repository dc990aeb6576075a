import { createHmac } from 'node:crypto';
import type { RoomsConfig } from '../config.ts';
import type { RTCIceServerJson } from '../contract/rooms.ts';

/**
 * TURN REST credentials (the scheme coturn implements with `use-auth-secret` +
 * `static-auth-secret`): username = "<expiry unix seconds>:<id>", credential =
 * base64(HMAC-SHA1(secret, username)). The secret never leaves the server and each credential
 * stops working at its expiry.
 */
export function turnCredential(secret: string, id: string, expiresAtSeconds: number) {
  const username = `${expiresAtSeconds}:${id}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential };
}

export function iceServersFor(config: RoomsConfig, peerId: string, nowMs: number): RTCIceServerJson[] {
  const servers: RTCIceServerJson[] = [];
  if (config.stunUrls.length) servers.push({ urls: config.stunUrls });
  if (config.turn.urls.length && config.turn.secret) {
    const expires = Math.floor(nowMs / 1000) + config.turn.ttlSeconds;
    servers.push({ urls: config.turn.urls, ...turnCredential(config.turn.secret, peerId, expires) });
  }
  return servers;
}
