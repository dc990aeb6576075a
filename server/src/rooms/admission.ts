import { createECDH, createHmac, createPrivateKey, type KeyObject, sign } from 'node:crypto';
import type { Admission, AdmissionKey } from '../contract/rooms.ts';

/**
 * Admissions: the server's signed word that a learner's peer id is on a room's roster, so the
 * host's browser can let them in without asking the server (one round trip less between "Join"
 * and the first frame, which on a real network is the host's RTT to us). A compact JWS, ES256;
 * the host gets the public key with its own pass and verifies with WebCrypto
 * (`widget/src/room/admission.ts`).
 *
 * The key pair is derived from `LECTERN_SECRET` (HMAC-SHA256 → the P-256 private scalar), so every
 * server process — and the same process after a restart — signs with the same key, and a host
 * whose pass came from one process admits learners whose passes came from another. Derived rather
 * than stored: no table, no first-start race between processes, and it rotates with the secret
 * that already keys every other token. What the admission cannot say (superseded by a second
 * device, removed by the host) is enforced by the signalling server, which refuses and closes
 * those peers' sockets, so they never reach the host.
 */
export class AdmissionSigner {
  private readonly privateKey: KeyObject;
  readonly publicKey: AdmissionKey;

  constructor(secret: string) {
    const { d, x, y } = deriveP256(secret);
    this.privateKey = createPrivateKey({ key: { kty: 'EC', crv: 'P-256', d, x, y }, format: 'jwk' });
    this.publicKey = { kty: 'EC', crv: 'P-256', x, y };
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

/** A P-256 key pair (JWK coordinates) from a secret; a scalar out of range (p ≈ 2⁻³²) tries the next counter. */
function deriveP256(secret: string): { d: string; x: string; y: string } {
  for (let counter = 0; ; counter++) {
    const scalar = createHmac('sha256', secret).update(`lectern-admission-key:${counter}`).digest();
    const ecdh = createECDH('prime256v1');
    try {
      ecdh.setPrivateKey(scalar);
    } catch {
      continue;
    }
    const point = ecdh.getPublicKey(); // 0x04 ‖ x ‖ y
    const b64 = (bytes: Buffer) => bytes.toString('base64url');
    return { d: b64(scalar), x: b64(point.subarray(1, 33)), y: b64(point.subarray(33, 65)) };
  }
}
