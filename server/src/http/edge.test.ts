import { afterEach, describe, expect, it } from 'vitest';
import { paidTicket } from '../rooms/test-tickets.ts';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';

const ORIGIN = 'https://blog.example';
let t: TestApp;
afterEach(async () => {
  await t.close();
});

// Each is a percent sign that does not start a valid escape, or an escape that is not UTF-8.
const BAD_ENCODINGS = ['%ZZ', '%', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF', 'a%2', '%%41', '%u0041'];

describe('malformed percent-encoding in a path', () => {
  it('answers a preflight naming a badly encoded site with a JSON 400, never a 500', async () => {
    t = await createTestApp();
    await t.site([ORIGIN]);
    for (const bad of BAD_ENCODINGS) {
      const res = await t.app.request(`/v1/sites/${bad}/workshops`, {
        method: 'OPTIONS',
        headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' },
      });
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toEqual({
        error: { code: 'bad_request', message: 'The path has a malformed percent-encoding' },
      });
    }
  });

  it('answers every route with a path parameter with a JSON 4xx', async () => {
    t = await createTestApp();
    const site = await t.site([ORIGIN]);
    const paths = (bad: string) => [
      `/v1/sites/${bad}`,
      `/v1/sites/${bad}/workshops`,
      `/v1/sites/${site.id}/workshops/${bad}`,
      `/v1/sites/${bad}/model`,
      `/v1/sites/${site.id}/models/${bad}`,
      `/v1/orders/${bad}`,
      `/v1/tickets/${bad}/ics`,
      `/v1/rooms/${bad}/status`,
      `/room/${bad}`,
      `/t/${bad}`,
      `/dev-checkout/${bad}`,
    ];
    for (const bad of BAD_ENCODINGS) {
      for (const path of paths(bad)) {
        const res = await t.app.request(path, { headers: { Origin: ORIGIN, ...site.auth } });
        expect(res.status, path).toBeGreaterThanOrEqual(400);
        expect(res.status, path).toBeLessThan(500);
      }
    }
  });
});

describe('CORS on error answers', () => {
  it("gives the checkout's 429 the CORS headers, so the browser shows 'try again'", async () => {
    t = await createTestApp({ LECTERN_RATE_LIMIT_WRITE: '1' });
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id);
    const checkout = (origin: string) =>
      t.app.request(
        '/v1/checkout',
        jsonRequest(
          'POST',
          { siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/w` },
          { Origin: origin },
        ),
      );
    expect((await checkout(ORIGIN)).status).toBe(201);
    const limited = await checkout(ORIGIN);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(limited.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await limited.json()).error.code).toBe('rate_limited');
    // An origin no site registered learns nothing.
    const stranger = await checkout('https://evil.example');
    expect(stranger.status).toBe(429);
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("gives errors raised before a path site's middleware the CORS headers of that site only", async () => {
    t = await createTestApp({ LECTERN_RATE_LIMIT_READ: '1' });
    const site = await t.site([ORIGIN]);
    const other = await t.site(['https://other.example']);
    const read = (siteId: string, origin: string) =>
      t.app.request(`/v1/sites/${siteId}/workshops`, { headers: { Origin: origin } });
    expect((await read(site.id, ORIGIN)).status).toBe(200);
    const limited = await read(site.id, ORIGIN);
    expect([limited.status, limited.headers.get('access-control-allow-origin')]).toEqual([429, ORIGIN]);
    const elsewhere = await read(other.id, ORIGIN);
    expect([elsewhere.status, elsewhere.headers.get('access-control-allow-origin')]).toEqual([429, null]);
  });

  it('gives a JSON body error the CORS headers, and a refused origin none on a write', async () => {
    t = await createTestApp();
    const site = await t.site([ORIGIN]);
    const bad = await t.app.request('/v1/checkout', jsonRequest('POST', '{nope', { Origin: ORIGIN }));
    expect([bad.status, bad.headers.get('access-control-allow-origin')]).toEqual([400, ORIGIN]);
    const w = await publishedWorkshop(t, site.id);
    const refused = await t.app.request(
      '/v1/checkout',
      jsonRequest(
        'POST',
        { siteId: site.id, workshopId: w.id, returnUrl: 'https://evil.example/', email: 'a@b.example' },
        { Origin: 'https://evil.example' },
      ),
    );
    expect([refused.status, refused.headers.get('access-control-allow-origin')]).toEqual([403, null]);
    // A read's refusal is readable on purpose (issue 15 item 9): the widget names the origin to
    // register; the refusal itself carries no site data.
    const read = await t.app.request(`/v1/sites/${site.id}/workshops`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(read.status).toBe(403);
    expect((await read.json()).error.code).toBe('origin_not_allowed');
  });
});

describe('server-rendered pages', () => {
  it('send a strict Content-Security-Policy: the room page allows only its own scripts and connections', async () => {
    t = await createTestApp();
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id);
    for (const path of [`/room/${w.id}`, '/room/nope']) {
      const csp = (await t.app.request(path)).headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("connect-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    }
  });

  it('send the no-inline-script policy on the ticket and dev checkout pages', async () => {
    t = await createTestApp();
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id);
    const { token } = await paidTicket(t.deps, site.id, w.id);
    const checkout = await t.app.request(
      '/v1/checkout',
      jsonRequest(
        'POST',
        { siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/w` },
        { Origin: ORIGIN },
      ),
    );
    const { order } = await checkout.json();
    for (const path of [`/t/${token}`, '/t/not-a-ticket', `/dev-checkout/${order.id}`]) {
      const res = await t.app.request(path);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'none'");
      // The ticket page loads only our own /local-time.js (the reader's time zone); nothing inline.
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1];
      if (path.startsWith('/t/')) expect(scriptSrc, path).toBe("'self'");
      else expect(scriptSrc, path).toBeUndefined();
      expect(csp, path).toContain("base-uri 'none'");
    }
  });
});
