import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const sessionFor = async (siteId: string, key: string) =>
  t.app.request('/v1/owner/session', jsonRequest('POST', { siteId, key }));

describe('POST /v1/sites/:site/owner-key', () => {
  it('replaces the key: the old key and its sessions stop at once, the new key and session work', async () => {
    const site = await t.site();
    const res = await t.app.request(`/v1/sites/${site.id}/owner-key`, { method: 'POST', headers: site.auth });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body.ownerKey).toMatch(/^lk_/);
    expect(body.ownerKey).not.toBe(site.key);

    // The session that asked, and any other from before, no longer opens anything.
    const stale = await t.app.request(`/v1/sites/${site.id}`, { headers: site.auth });
    expect(stale.status).toBe(401);
    expect((await stale.json()).error.code).toBe('unauthorized');
    expect((await sessionFor(site.id, site.key)).status).toBe(401);

    const fresh = await t.app.request(`/v1/sites/${site.id}`, {
      headers: { Authorization: `Bearer ${body.session.token}` },
    });
    expect(fresh.status).toBe(200);
    expect((await sessionFor(site.id, body.ownerKey)).status).toBe(201);
    const row = await t.database.db
      .selectFrom('sites')
      .selectAll()
      .where('id', '=', site.id)
      .executeTakeFirstOrThrow();
    expect(row.owner_key_hash).not.toContain(body.ownerKey);
  });

  it('leaves other sites alone and needs the owner session of that site', async () => {
    const site = await t.site();
    const other = await t.site();
    expect((await t.app.request(`/v1/sites/${site.id}/owner-key`, { method: 'POST' })).status).toBe(401);
    const foreign = await t.app.request(`/v1/sites/${site.id}/owner-key`, {
      method: 'POST',
      headers: other.auth,
    });
    expect(foreign.status).toBe(403);
    expect((await sessionFor(site.id, site.key)).status).toBe(201);
    await t.app.request(`/v1/sites/${other.id}/owner-key`, { method: 'POST', headers: other.auth });
    expect((await t.app.request(`/v1/sites/${site.id}`, { headers: site.auth })).status).toBe(200);
  });
});

describe('GET /owner/', () => {
  it('serves the console for ?site= under a strict CSP, in the owner language', async () => {
    const res = await t.app.request('/owner/?site=site_abc', {
      headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' },
    });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<lectern-dashboard site="site_abc" heading-level="1">');
    expect(html).toContain('data-site="site_abc" data-locale="zh-CN"');
    expect(html).toContain('<html lang="zh-CN">');
  });

  it('asks for the site id without one, and refuses one that is no site id', async () => {
    const ask = await t.app.request('/owner/');
    expect(ask.status).toBe(200);
    const html = await ask.text();
    expect(html).toContain('<form method="get" action="/owner/">');
    expect(html).not.toContain('lectern-dashboard');
    const bad = await t.app.request('/owner/?site=%22%3E%3Cscript%3E');
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toContain('<script>');
    expect((await t.app.request('/owner')).headers.get('location')).toBe('/owner/');
  });
});
