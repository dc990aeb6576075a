/**
 * A random v4 uuid. `crypto.randomUUID` exists only in secure contexts, and blogs are still
 * served over plain http, so fall back to `getRandomValues`, which exists everywhere.
 */
export function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function' && globalThis.isSecureContext !== false) return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A version 7 uuid for event ids: the first 48 bits are the creation time in milliseconds, the
 * other 74 are random. Ids made close together sort together, so the server's primary-key index
 * grows at its end instead of at random pages (measured: 2.8x the insert rate on SQLite, see
 * BENCHMARKS.md). The time it carries is the event's `ts`, which the event holds anyway; the
 * reader's anonymous and session ids stay fully random (v4).
 */
export function uuidv7(now: number = Date.now()): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  let ms = Math.max(0, Math.floor(now));
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
