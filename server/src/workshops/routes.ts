import { type Context, Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { workshopCreate, workshopUpdate } from '../contract/workshop.ts';
import { allowSiteOrigin } from '../http/cors.ts';
import { notFound } from '../http/http-error.ts';
import { readJson } from '../http/json-body.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { type CachedBody, etagOf } from './public-list-cache.ts';

/** Short public caching: seat counts move, so browsers revalidate with the ETag after 15 s. */
const PUBLIC_CACHE = 'public, max-age=15, stale-while-revalidate=30';

function jsonWithEtag(c: Context, value: unknown) {
  const body = JSON.stringify(value);
  return sendWithEtag(c, { body, etag: etagOf(body) });
}

function sendWithEtag(c: Context, { body, etag }: CachedBody) {
  c.header('ETag', etag);
  c.header('Cache-Control', PUBLIC_CACHE);
  const match = c.req.header('if-none-match');
  if (match?.split(',').some((t) => t.trim() === etag)) return c.body(null, 304);
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
}

export function workshopRoutes(deps: AppDeps) {
  const app = new Hono();
  const read = rateLimit(deps.limits.read, 'read');
  const write = rateLimit(deps.limits.write, 'write');

  async function publicSite(c: Context) {
    const site = await deps.sites.get(c.req.param('site')!);
    if (!site) throw notFound('Site');
    allowSiteOrigin(c, site, deps.ownOrigins);
    return site;
  }

  async function ownedSite(c: Context) {
    const siteId = c.req.param('site')!;
    await deps.ownerAuth.requireSite(c, siteId);
    return publicSite(c);
  }

  app.get('/v1/sites/:site/workshops', read, async (c) => {
    const site = await publicSite(c);
    const cached = await deps.workshops.publicListCache.get(site.id, async () => ({
      site: { id: site.id, name: site.name },
      workshops: await deps.workshops.listPublic(site.id),
    }));
    return sendWithEtag(c, cached);
  });

  app.get('/v1/sites/:site/workshops/:id', read, async (c) => {
    const site = await publicSite(c);
    return jsonWithEtag(c, await deps.workshops.getPublic(site.id, c.req.param('id')));
  });

  app.get('/v1/sites/:site/owner/workshops', read, async (c) => {
    const site = await ownedSite(c);
    return c.json({ workshops: await deps.workshops.listForOwner(site.id) });
  });

  app.post('/v1/sites/:site/workshops', write, async (c) => {
    const site = await ownedSite(c);
    const input = await readJson(c, workshopCreate);
    return c.json(await deps.workshops.create(site.id, input), 201);
  });

  app.patch('/v1/sites/:site/workshops/:id', write, async (c) => {
    const site = await ownedSite(c);
    const patch = await readJson(c, workshopUpdate);
    return c.json(await deps.workshops.update(site.id, c.req.param('id'), patch));
  });

  app.post('/v1/sites/:site/workshops/:id/publish', write, async (c) => {
    const site = await ownedSite(c);
    return c.json(await deps.workshops.publish(site.id, c.req.param('id')));
  });

  app.post('/v1/sites/:site/workshops/:id/cancel', write, async (c) => {
    const site = await ownedSite(c);
    return c.json(await deps.workshops.cancel(site.id, c.req.param('id')));
  });

  return app;
}
