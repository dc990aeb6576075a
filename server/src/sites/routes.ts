import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { ownerSessionRequest, siteUpdate } from '../contract/site.ts';
import { allowSiteOrigin } from '../http/cors.ts';
import { HttpError, notFound } from '../http/http-error.ts';
import { readJson } from '../http/json-body.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { toOwnerSite } from './site-store.ts';

export function siteRoutes(deps: AppDeps) {
  const app = new Hono();

  // Exchanging a key is the one place an attacker could guess: keep it on the write limit.
  app.post('/v1/owner/session', rateLimit(deps.limits.write, 'owner-session'), async (c) => {
    const body = await readJson(c, ownerSessionRequest);
    const site = await deps.sites.get(body.siteId);
    if (site) allowSiteOrigin(c, site, deps.ownOrigins);
    if (!site || !(await deps.sites.verifyKey(body.siteId, body.key))) {
      throw new HttpError(401, 'unauthorized', 'Unknown site or wrong owner key');
    }
    return c.json(await deps.ownerAuth.issue(site.id, deps.now()), 201);
  });

  app.get('/v1/sites/:site', rateLimit(deps.limits.read, 'read'), async (c) => {
    const siteId = c.req.param('site');
    await deps.ownerAuth.requireSite(c, siteId);
    const site = await deps.sites.get(siteId);
    if (!site) throw notFound('Site');
    allowSiteOrigin(c, site, deps.ownOrigins);
    return c.json(toOwnerSite(site));
  });

  app.patch('/v1/sites/:site', rateLimit(deps.limits.write, 'write'), async (c) => {
    const siteId = c.req.param('site');
    await deps.ownerAuth.requireSite(c, siteId);
    const site = await deps.sites.get(siteId);
    if (!site) throw notFound('Site');
    allowSiteOrigin(c, site, deps.ownOrigins);
    const patch = await readJson(c, siteUpdate);
    const updated = await deps.sites.update(siteId, patch);
    return c.json(toOwnerSite(updated!));
  });

  return app;
}
