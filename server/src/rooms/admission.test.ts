import { importAdmissionKey, verifyAdmission } from '@lectern/widget/room/admission';
import { describe, expect, it } from 'vitest';
import { AdmissionSigner } from './admission.ts';

// The server signs; the host's browser code (run here on Node's WebCrypto) checks.
describe('admissions', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters';
  const signer = new AdmissionSigner(secret);
  const now = Date.UTC(2026, 11, 2, 9);
  const claims = { peerId: 'll-abc', workshop: 'ws_1', name: 'Ada', seat: 'seat1', exp: now + 60_000 };
  const expected = { peerId: 'll-abc', workshop: 'ws_1', now };

  it('lets the host admit a learner the server signed for, without a roster read', async () => {
    const key = await importAdmissionKey(signer.publicKey);
    expect(await verifyAdmission(signer.sign(claims), key, expected)).toEqual(claims);
  });

  it('signs with a key derived from the secret: another process (or a restart) verifies the same', async () => {
    const otherProcess = new AdmissionSigner(secret);
    expect(otherProcess.publicKey).toEqual(signer.publicKey);
    const key = await importAdmissionKey(otherProcess.publicKey);
    expect(await verifyAdmission(signer.sign(claims), key, expected)).toEqual(claims);
  });

  it('refuses another peer, another room, an expired or altered admission, and another key', async () => {
    const key = await importAdmissionKey(signer.publicKey);
    const token = signer.sign(claims);
    expect(await verifyAdmission(token, key, { ...expected, peerId: 'll-other' })).toBeNull();
    expect(await verifyAdmission(token, key, { ...expected, workshop: 'ws_2' })).toBeNull();
    expect(await verifyAdmission(token, key, { ...expected, now: claims.exp })).toBeNull();
    const [h, , sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, peerId: 'll-evil' })).toString('base64url');
    expect(
      await verifyAdmission(`${h}.${forged}.${sig}`, key, { ...expected, peerId: 'll-evil' }),
    ).toBeNull();
    const otherKey = await importAdmissionKey(new AdmissionSigner(`${secret}-other`).publicKey);
    expect(await verifyAdmission(token, otherKey, expected)).toBeNull();
    for (const junk of [undefined, 42, '', 'a.b', 'a.b.c', `${token}x`]) {
      expect(await verifyAdmission(junk, key, expected)).toBeNull();
    }
    expect(await verifyAdmission(token, null, expected)).toBeNull();
    expect(await importAdmissionKey(null)).toBeNull();
  });
});
