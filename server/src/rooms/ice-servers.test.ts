import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { iceServersFor, turnCredential } from './ice-servers.ts';

describe('ICE servers', () => {
  it('issues coturn REST credentials: username expiry:id, password base64 HMAC-SHA1', () => {
    const { username, credential } = turnCredential('s3cret', 'll-abc', 1_700_000_000);
    expect(username).toBe('1700000000:ll-abc');
    expect(credential).toBe(createHmac('sha1', 's3cret').update(username).digest('base64'));
  });

  it('lists STUN and short-lived TURN from config, never the shared secret', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      LECTERN_SECRET: 'x'.repeat(32),
      LECTERN_STUN_URLS: 'stun:stun.example:3478',
      LECTERN_TURN_URLS: 'turn:turn.example:3478?transport=udp,turns:turn.example:5349',
      LECTERN_TURN_SECRET: 'coturn-static-secret',
      LECTERN_TURN_TTL_SECONDS: '600',
    });
    const now = 1_700_000_000_000;
    const servers = iceServersFor(config.rooms, 'll-abc', now);
    expect(servers[0]).toEqual({ urls: ['stun:stun.example:3478'] });
    expect(servers[1]).toMatchObject({ username: `${now / 1000 + 600}:ll-abc` });
    expect(JSON.stringify(servers)).not.toContain('coturn-static-secret');
  });

  it('needs a secret with TURN urls', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'test', LECTERN_SECRET: 'x'.repeat(32), LECTERN_TURN_URLS: 'turn:t.example' }),
    ).toThrow(/LECTERN_TURN_SECRET/);
  });
});
