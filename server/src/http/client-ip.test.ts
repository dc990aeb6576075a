import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createTestApp, fromAddress, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { forwardedClient, trustedProxyList } from './client-ip.ts';

const ORIGIN = 'https://blog.example';
const PROXY = '10.0.0.5';

describe('forwardedClient', () => {
  const list = trustedProxyList(['10.0.0.0/8', '127.0.0.1', 'fd00::/8']);

  it('believes X-Forwarded-For only from a trusted peer, right-most untrusted address first', () => {
    expect(forwardedClient(PROXY, '198.51.100.7', list)).toBe('198.51.100.7');
    // The client wrote its own header; the proxy appended the address it really came from.
    expect(forwardedClient(PROXY, '1.2.3.4, 198.51.100.7', list)).toBe('198.51.100.7');
    // Two trusted hops (an edge proxy, then nginx): skipped, the client is left of them.
    expect(forwardedClient(PROXY, '1.2.3.4, 198.51.100.7, 10.1.1.1', list)).toBe('198.51.100.7');
    expect(forwardedClient('::ffff:127.0.0.1', '2001:db8::1', list)).toBe('2001:db8::1');
    expect(forwardedClient('fd00::2', '::ffff:203.0.113.9', list)).toBe('203.0.113.9');
  });

  it('ignores the header from any other peer, and stops at a malformed hop', () => {
    expect(forwardedClient('203.0.113.9', '198.51.100.7', list)).toBe('203.0.113.9');
    expect(forwardedClient('::ffff:203.0.113.9', '10.0.0.1', list)).toBe('203.0.113.9');
    expect(forwardedClient(PROXY, '198.51.100.7, not-an-address', list)).toBe(PROXY);
    expect(forwardedClient(PROXY, undefined, list)).toBe(PROXY);
    expect(forwardedClient(PROXY, '', list)).toBe(PROXY);
  });
});

describe('LECTERN_TRUSTED_PROXIES', () => {
  it('is validated at start, naming the bad entry', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lectern-config-'));
    const env = { NODE_ENV: 'test', LECTERN_DATA_DIR: dataDir };
    expect(loadConfig(env).trustedProxies).toEqual([]);
    expect(loadConfig({ ...env, LECTERN_TRUSTED_PROXIES: ' 10.0.0.0/8 , ::1,' }).trustedProxies).toEqual([
      '10.0.0.0/8',
      '::1',
    ]);
    for (const bad of ['10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/1', '::1/129', '10.0.0.0/x'])
      expect(() => loadConfig({ ...env, LECTERN_TRUSTED_PROXIES: bad })).toThrow(
        new RegExp(`LECTERN_TRUSTED_PROXIES must list .*"${bad.replace(/[/.]/g, '\\$&')}"`),
      );
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('client address behind a load balancer', () => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  const listFrom = (site: string, peer: string, forwardedFor: string) =>
    t.app.request(
      `/v1/sites/${site}/workshops`,
      { headers: { 'X-Forwarded-For': forwardedFor } },
      fromAddress(peer),
    );

  it('gives each reader behind a trusted proxy its own rate-limit bucket', async () => {
    t = await createTestApp({ LECTERN_RATE_LIMIT_READ: '1', LECTERN_TRUSTED_PROXIES: '10.0.0.0/8' });
    const site = await t.site([ORIGIN]);
    expect((await listFrom(site.id, PROXY, '198.51.100.1')).status).toBe(200);
    expect((await listFrom(site.id, PROXY, '198.51.100.2')).status).toBe(200);
    const again = await listFrom(site.id, PROXY, '198.51.100.1');
    expect([again.status, (await again.json()).error.code]).toEqual([429, 'rate_limited']);
  });

  it('ignores a spoofed header from a peer that is not a trusted proxy', async () => {
    t = await createTestApp({ LECTERN_RATE_LIMIT_READ: '1', LECTERN_TRUSTED_PROXIES: '10.0.0.0/8' });
    const site = await t.site([ORIGIN]);
    expect((await listFrom(site.id, '203.0.113.9', '198.51.100.1')).status).toBe(200);
    expect((await listFrom(site.id, '203.0.113.9', '198.51.100.2')).status).toBe(429);
  });

  it('ignores the header altogether when no proxy is trusted (the default)', async () => {
    t = await createTestApp({ LECTERN_RATE_LIMIT_READ: '1' });
    const site = await t.site([ORIGIN]);
    expect((await listFrom(site.id, PROXY, '198.51.100.1')).status).toBe(200);
    expect((await listFrom(site.id, PROXY, '198.51.100.2')).status).toBe(429);
  });

  it('caps seat holds per reader, not per proxy', async () => {
    t = await createTestApp({ LECTERN_HOLDS_PER_CLIENT: '1', LECTERN_TRUSTED_PROXIES: PROXY });
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id);
    const hold = (peer: string, forwardedFor: string, email: string) =>
      t.app.request(
        '/v1/checkout',
        jsonRequest(
          'POST',
          { siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/`, email },
          { Origin: ORIGIN, 'X-Forwarded-For': forwardedFor },
        ),
        fromAddress(peer),
      );
    expect((await hold(PROXY, '198.51.100.1', 'ana@example.com')).status).toBe(201);
    expect((await hold(PROXY, '198.51.100.2', 'bo@example.com')).status).toBe(201);
    expect((await hold(PROXY, '198.51.100.1', 'cy@example.com')).status).toBe(429);
    // A squatter not behind the proxy cannot dodge the cap by writing the header itself.
    expect((await hold('203.0.113.9', '198.51.100.3', 'dee@example.com')).status).toBe(201);
    expect((await hold('203.0.113.9', '198.51.100.4', 'eve@example.com')).status).toBe(429);
    const held = await t.database.db.selectFrom('orders').select('id').where('status', '=', 'held').execute();
    expect(held).toHaveLength(3);
  });
});
