import { createHmac, randomBytes } from 'node:crypto';
import { sameSecret, sha256 } from '../ids.ts';

/**
 * Eight hex digits naming a room inside its peer ids. With several server processes a room's
 * signalling must live on one process (PeerJS relays only between its own clients), and the
 * signalling WebSocket's URL carries nothing but the peer id and token: so the load balancer
 * hashes on this tag (`^l[hl]-([0-9a-f]{8})` of the `id` query parameter; docs/deploy.md).
 */
export function roomTagOf(workshopId: string): string {
  return sha256(`room:${workshopId}`).slice(0, 8);
}

/**
 * Signalling credentials. The peer id is the room's tag and 64 random bits (PeerJS ids allow
 * letters, digits, `-`, `_`);
 * the token is "<expiry ms>.<HMAC(peer id, expiry)>", so a forged or altered token fails before
 * any database lookup.
 */
export class RoomPassSigner {
  private readonly key: string;

  constructor(secret: string) {
    this.key = `room-pass:${secret}`;
  }

  newPeerId(role: 'host' | 'learner', workshopId: string): string {
    return `${role === 'host' ? 'lh' : 'll'}-${roomTagOf(workshopId)}${randomBytes(8).toString('hex')}`;
  }

  sign(peerId: string, expiresAtMs: number): string {
    return `${expiresAtMs}.${this.mac(peerId, expiresAtMs)}`;
  }

  /** True when the token was issued by us for this peer id and has not expired. */
  verify(peerId: string, token: string, nowMs: number): boolean {
    const match = /^(\d{1,15})\.([A-Za-z0-9_-]{20,60})$/.exec(token);
    if (!match) return false;
    const expires = Number(match[1]);
    if (expires <= nowMs) return false;
    return sameSecret(match[2], this.mac(peerId, expires));
  }

  private mac(peerId: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${peerId}|${expires}`).digest('base64url');
  }
}
