import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('owner sessions', () => {
  it('exchanges a site id and owner key for a short-lived token that reads the site', async () => {
    const site = await t.site(['https://blog.example']);
    const res = await t.app.request(
      '/v1/owner/session',
      jsonRequest('POST', { siteId: site.id, key: site.key }),
    );
    expect(res.status).toBe(201);
    const session = await res.json();
    expect(session.siteId).toBe(site.id);
    expect(Date.parse(session.expiresAt) - Date.now()).toBeLessThanOrEqual(3600_000 + 1000);
    const me = await t.app.request(`/v1/sites/${site.id}`, {
      headers: { Authorization: `Bearer ${session.token}` },
    });
    expect(await me.json()).toMatchObject({ id: site.id, origins: ['https://blog.example'] });
  });

  it('refuses a wrong key, an unknown site and a malformed request', async () => {
    const site = await t.site();
    const wrong = await t.app.request(
      '/v1/owner/session',
      jsonRequest('POST', { siteId: site.id, key: 'lk_wrong' }),
    );
    expect([wrong.status, (await wrong.json()).error.code]).toEqual([401, 'unauthorized']);
    const unknown = await t.app.request(
      '/v1/owner/session',
      jsonRequest('POST', { siteId: 'site_x', key: site.key }),
    );
    expect(unknown.status).toBe(401);
    const malformed = await t.app.request('/v1/owner/session', jsonRequest('POST', { siteId: site.id }));
    expect([malformed.status, (await malformed.json()).error.code]).toEqual([400, 'validation_failed']);
  });

  it('stores only a hash of the owner key', async () => {
    const site = await t.site();
    const row = await t.database.db
      .selectFrom('sites')
      .selectAll()
      .where('id', '=', site.id)
      .executeTakeFirstOrThrow();
    expect(row.owner_key_hash).not.toContain(site.key);
    expect(row.owner_key_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets an owner change the registered origins, validating them', async () => {
    const site = await t.site(['https://blog.example']);
    const bad = await t.app.request(
      `/v1/sites/${site.id}`,
      jsonRequest('PATCH', { origins: ['ftp://x'] }, site.auth),
    );
    expect(bad.status).toBe(400);
    const ok = await t.app.request(
      `/v1/sites/${site.id}`,
      jsonRequest(
        'PATCH',
        { origins: ['https://blog.example/some/path', 'https://www.blog.example'] },
        site.auth,
      ),
    );
    expect((await ok.json()).origins).toEqual(['https://blog.example', 'https://www.blog.example']);
  });

  it('refuses a PATCH that changes nothing with 400 validation_failed', async () => {
    const site = await t.site(['https://blog.example']);
    const res = await t.app.request(`/v1/sites/${site.id}`, jsonRequest('PATCH', {}, site.auth));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'validation_failed', message: 'send at least one field to change: name, origins' },
    });
  });
});

describe('unknown routes and health', () => {
  it('answers JSON 404 for unknown routes and ok for /healthz', async () => {
    const res = await t.app.request('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
    expect(await (await t.app.request('/healthz')).json()).toEqual({ ok: true });
  });
});
