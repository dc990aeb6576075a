import { type Context, Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { workshopCreate, workshopUpdate } from '../contract/workshop.ts';
import { readJson } from '../http/json-body.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { siteFromPath } from '../http/site-middleware.ts';
import { cancelWorkshop } from './cancel-workshop.ts';
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

  const pathSite = siteFromPath(deps);
  const owner = deps.ownerAuth.ownerOfPathSite();

  app.get('/v1/sites/:site/workshops', read, pathSite, async (c) => {
    const { site } = c.var;
    const cached = await deps.workshops.publicListCache.get(site.id, async () => ({
      site: { id: site.id, name: site.name },
      workshops: await deps.workshops.listPublic(site.id),
    }));
    return sendWithEtag(c, cached);
  });

  app.get('/v1/sites/:site/workshops/:id', read, pathSite, async (c) => {
    return jsonWithEtag(c, await deps.workshops.getPublic(c.var.site.id, c.req.param('id')));
  });

  app.get('/v1/sites/:site/owner/workshops', read, owner, pathSite, async (c) => {
    return c.json({ workshops: await deps.workshops.listForOwner(c.var.site.id) });
  });

  app.post('/v1/sites/:site/workshops', write, owner, pathSite, async (c) => {
    const input = await readJson(c, workshopCreate);
    return c.json(await deps.workshops.create(c.var.site.id, input), 201);
  });

  app.patch('/v1/sites/:site/workshops/:id', write, owner, pathSite, async (c) => {
    const patch = await readJson(c, workshopUpdate);
    return c.json(await deps.workshops.update(c.var.site.id, c.req.param('id'), patch));
  });

  app.post('/v1/sites/:site/workshops/:id/publish', write, owner, pathSite, async (c) => {
    return c.json(await deps.workshops.publish(c.var.site.id, c.req.param('id')));
  });

  app.post('/v1/sites/:site/workshops/:id/unpublish', write, owner, pathSite, async (c) => {
    return c.json(await deps.workshops.unpublish(c.var.site.id, c.req.param('id')));
  });

  app.post('/v1/sites/:site/workshops/:id/cancel', write, owner, pathSite, async (c) => {
    return c.json(await cancelWorkshop(deps, c.var.site.id, c.req.param('id')));
  });

  return app;
}
