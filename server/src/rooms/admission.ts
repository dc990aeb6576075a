import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { Admission, AdmissionKey } from '../contract/rooms.ts';

/**
 * Admissions: the server's signed word that a learner's peer id is on a room's roster, so the
 * host's browser can let them in without asking the server (one round trip less between "Join"
 * and the first frame, which on a real network is the host's RTT to us). A compact JWS, ES256,
 * made with the key pair below; the host gets the public key with its own pass and verifies with
 * WebCrypto (`widget/src/room/admission.ts`).
 *
 * The key pair lives in this process's memory: after a restart, or with several server
 * processes, a host holding another key simply falls back to reading the roster. What the
 * admission cannot say (superseded by a second device, removed by the host) is enforced by the
 * signalling server, which refuses and closes those peers' sockets, so they never reach the host.
 */
export class AdmissionSigner {
  private readonly privateKey: KeyObject;
  readonly publicKey: AdmissionKey;

  constructor() {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
    const { kty, crv, x, y } = pair.publicKey.export({ format: 'jwk' });
    this.publicKey = { kty: String(kty), crv: String(crv), x: String(x), y: String(y) };
  }

  sign(claims: Admission): string {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signed = `${part({ alg: 'ES256', typ: 'lectern-admission' })}.${part(claims)}`;
    const signature = sign('sha256', Buffer.from(signed), {
      key: this.privateKey,
      dsaEncoding: 'ieee-p1363',
    });
    return `${signed}.${signature.toString('base64url')}`;
  }
}
