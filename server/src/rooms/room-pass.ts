import { createHmac, randomBytes } from 'node:crypto';
import { sameSecret } from '../ids.ts';

/**
 * Signalling credentials. The peer id is random (PeerJS ids allow letters, digits, `-`, `_`);
 * the token is "<expiry ms>.<HMAC(peer id, expiry)>", so a forged or altered token fails before
 * any database lookup.
 */
export class RoomPassSigner {
  private readonly key: string;

  constructor(secret: string) {
    this.key = `room-pass:${secret}`;
  }

  newPeerId(role: 'host' | 'learner'): string {
    return `${role === 'host' ? 'lh' : 'll'}-${randomBytes(12).toString('hex')}`;
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
