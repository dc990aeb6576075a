import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Site } from '../sites/site-store.ts';
import { HttpError } from './http-error.ts';
import { jsonBody } from './json-body.ts';
import { type SiteLookup, siteFromBody, siteFromPath } from './site-middleware.ts';

const blog: Site = {
  id: 'blog',
  name: 'Blog',
  origins: ['https://blog.example'],
  settings: {},
  createdAt: 0,
};
const lookup: SiteLookup = {
  sites: { get: async (id) => (id === blog.id ? blog : undefined) },
  ownOrigins: ['http://lectern.test'],
};

/** A bare app with the same error answer as `createApp`, and a handler that says what it saw. */
function appWith(register: (app: Hono) => void) {
  const app = new Hono();
  register(app);
  app.onError((err, c) => {
    if (!(err instanceof HttpError)) throw err;
    return c.json({ error: { code: err.code, message: err.message } }, err.status, err.headers);
  });
  return app;
}

const pathApp = appWith((app) =>
  app.get('/v1/sites/:site/thing', siteFromPath(lookup), (c) => c.json({ site: c.var.site.id })),
);
const get = (site: string, origin?: string) =>
  pathApp.request(`/v1/sites/${site}/thing`, { headers: origin ? { Origin: origin } : {} });

describe('siteFromPath', () => {
  it('passes a request without Origin (not CORS) with the site in c.var and no CORS headers', async () => {
    const res = await get('blog');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ site: 'blog' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("sets the CORS headers for one of the site's origins and for the server's own", async () => {
    for (const origin of ['https://blog.example', 'http://lectern.test']) {
      const res = await get('blog', origin);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-expose-headers')).toBe('ETag, Retry-After');
      expect(res.headers.get('vary')).toBe('Origin');
    }
  });

  it("lets a browser extension's origin read public data (the Lectern extension's popup)", async () => {
    for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0d1f-42']) {
      const res = await get('blog', origin);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    }
    expect((await get('blog', 'chrome-extension://bad/path')).status).toBe(403);
  });

  it('refuses another origin with 403 before the handler runs; the page may read why', async () => {
    const res = await get('blog', 'https://evil.example');
    expect(res.status).toBe(403);
    // Readable by that page so the widget can name the origin to register (a write stays opaque).
    expect(res.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(await res.json()).toEqual({
      error: {
        code: 'origin_not_allowed',
        message: 'Origin https://evil.example is not registered for this site',
      },
    });
  });

  it('answers 404 for an unknown site', async () => {
    const res = await get('nope', 'https://blog.example');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Site not found' } });
  });
});

describe('siteFromBody', () => {
  const bodyApp = appWith((app) =>
    app.post(
      '/v1/things',
      jsonBody(z.object({ siteId: z.string(), note: z.string() })),
      siteFromBody(lookup, { missing: () => new HttpError(401, 'unauthorized', 'Unknown site') }),
      (c) => c.json({ site: c.var.site.id, note: c.var.body.note }),
    ),
  );
  const post = (body: unknown) =>
    bodyApp.request('/v1/things', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://blog.example' },
      body: JSON.stringify(body),
    });

  it('resolves the site named in the body and hands the handler the same body', async () => {
    const res = await post({ siteId: 'blog', note: 'hi' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ site: 'blog', note: 'hi' });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://blog.example');
  });

  it('refuses a write from a browser extension origin (only public reads are open to it)', async () => {
    const res = await bodyApp.request('/v1/things', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'chrome-extension://abcdefghijklmnop' },
      body: JSON.stringify({ siteId: 'blog', note: 'hi' }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('origin_not_allowed');
  });

  it("answers an unknown site with the route's own refusal", async () => {
    const res = await post({ siteId: 'nope', note: 'hi' });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe('Unknown site');
  });

  it('validates the body before looking up a site', async () => {
    const res = await post({ siteId: 'nope' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('validation_failed');
  });
});
