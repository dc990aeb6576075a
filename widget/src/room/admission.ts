import type { Admission, AdmissionKey } from '@lectern/server/contract';

const fromBase64Url = (s: string): Uint8Array<ArrayBuffer> => {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
};

/** The host's admission key, imported once; null where WebCrypto is missing (plain-http pages). */
export async function importAdmissionKey(jwk: AdmissionKey | null): Promise<CryptoKey | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!jwk || !subtle) return null;
  return subtle
    .importKey('jwk', { ...jwk, ext: true }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify'])
    .catch(() => null);
}

/**
 * Checks a learner's admission (server/src/rooms/admission.ts): signed by our server, for this
 * peer id and this room, not expired. Anything else (missing, malformed, other key, other room)
 * is null, and the host falls back to reading the roster.
 */
export async function verifyAdmission(
  token: unknown,
  key: CryptoKey | null,
  expected: { peerId: string; workshop: string; now: number },
): Promise<Admission | null> {
  if (!key || typeof token !== 'string' || token.length > 2048) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const header = JSON.parse(new TextDecoder().decode(fromBase64Url(parts[0])));
    if (header.alg !== 'ES256' || header.typ !== 'lectern-admission') return null;
    const ok = await globalThis.crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      fromBase64Url(parts[2]),
      new TextEncoder().encode(`${parts[0]}.${parts[1]}`),
    );
    if (!ok) return null;
    const claims = JSON.parse(new TextDecoder().decode(fromBase64Url(parts[1]))) as Admission;
    if (claims.peerId !== expected.peerId || claims.workshop !== expected.workshop) return null;
    if (!(claims.exp > expected.now) || typeof claims.name !== 'string' || typeof claims.seat !== 'string')
      return null;
    return claims;
  } catch {
    return null;
  }
}
