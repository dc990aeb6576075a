import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import type { OwnerKeyRotated } from '../contract/owner-key.ts';
import { ownerSessionRequest, siteUpdate } from '../contract/site.ts';
import { HttpError } from '../http/http-error.ts';
import { jsonBody, readJson } from '../http/json-body.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { siteFromBody, siteFromPath } from '../http/site-middleware.ts';
import { readerLocale } from '../tickets/reader-page.ts';
import { OWNER_PAGE_CSP, ownerPage, SITE_ID } from './owner-page.ts';
import { toOwnerSite } from './site-store.ts';

// One answer for an unknown site and a wrong key: the refusal does not say which site ids exist.
const wrongKey = () => new HttpError(401, 'unauthorized', 'Unknown site or wrong owner key');

// `{}` would be an UPDATE with nothing to set: say what may be sent instead.
const siteChange = siteUpdate.refine((patch) => Object.keys(patch).length > 0, {
  message: 'send at least one field to change: name, origins',
});

export function siteRoutes(deps: AppDeps) {
  const app = new Hono();
  const pathSite = siteFromPath(deps);
  const owner = deps.ownerAuth.ownerOfPathSite();

  // Exchanging a key is the one place an attacker could guess: keep it on the write limit.
  app.post(
    '/v1/owner/session',
    rateLimit(deps.limits.write, 'owner-session'),
    jsonBody(ownerSessionRequest),
    siteFromBody(deps, { missing: wrongKey }),
    async (c) => {
      const { site, body } = c.var;
      if (!(await deps.sites.verifyKey(site.id, body.key))) throw wrongKey();
      return c.json(await deps.ownerAuth.issue(site.id, deps.now()), 201);
    },
  );

  app.get('/v1/sites/:site', rateLimit(deps.limits.read, 'read'), owner, pathSite, async (c) => {
    return c.json(toOwnerSite(c.var.site));
  });

  // A new owner key, shown once; the old key and every session issued under it stop at once. The
  // caller gets a fresh session so the console that asked carries on.
  app.post('/v1/sites/:site/owner-key', rateLimit(deps.limits.write, 'write'), owner, pathSite, async (c) => {
    const rotated = await deps.sites.rotateKey(c.var.site.id);
    if (!rotated) throw wrongKey();
    const session = await deps.ownerAuth.issue(c.var.site.id, deps.now());
    c.header('Cache-Control', 'no-store');
    return c.json({ ownerKey: rotated.ownerKey, session } satisfies OwnerKeyRotated, 201);
  });

  app.patch('/v1/sites/:site', rateLimit(deps.limits.write, 'write'), owner, pathSite, async (c) => {
    const patch = await readJson(c, siteChange);
    const updated = await deps.sites.update(c.var.site.id, patch);
    return c.json(toOwnerSite(updated!));
  });

  // The owner console (`<lectern-dashboard>`) on the server's own origin, in the owner's language.
  app.get('/owner', (c) => c.redirect('/owner/', 301));
  app.get('/owner/', (c) => {
    const site = c.req.query('site')?.trim() ?? '';
    const locale = readerLocale(c.req.header('accept-language'));
    c.header('Content-Security-Policy', OWNER_PAGE_CSP);
    c.header('Cache-Control', 'no-store');
    c.header('Content-Language', locale);
    c.header('Vary', 'Accept-Language');
    return c.html(
      ownerPage(SITE_ID.test(site) ? site : null, locale),
      site && !SITE_ID.test(site) ? 400 : 200,
    );
  });

  return app;
}
