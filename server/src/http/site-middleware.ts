import type { Context, Env } from 'hono';
import { createFactory } from 'hono/factory';
import type { Site } from '../sites/site-store.ts';
import { allowSiteOrigin } from './cors.ts';
import { type HttpError, notFound } from './http-error.ts';
import type { BodyEnv } from './json-body.ts';

/** What a route behind the site middleware reads: `c.var.site`. */
export type SiteEnv = { Variables: { site: Site } };

export type SiteLookup = {
  sites: { get(id: string): Promise<Site | null | undefined> };
  /** The server's own origins, allowed for every site (see `AppDeps.ownOrigins`). */
  ownOrigins: readonly string[];
};

type SiteOptions = {
  /** The refusal when no such site exists; 404 "Site not found" unless the route says otherwise. */
  missing?: () => HttpError;
};

/**
 * Resolves the site a request acts for and applies that site's CORS, once per route: an unknown
 * site is refused (404 unless `missing` says otherwise), a browser origin the site did not
 * register gets 403 `origin_not_allowed` without CORS headers, and any other request continues
 * with the CORS headers set and the site in `c.var.site`.
 *
 * Shaped like Hono's `cors({ origin: async (origin, c) => … })`, whose allowed origins are also
 * looked up per request; Hono's middleware answers a refused origin with a response the browser
 * merely hides, while the server must refuse it before acting on it.
 *
 * `siteIdOf` says where the route names its site: the path, the body, the order, the workshop.
 * It runs after the middleware before it (e.g. `jsonBody`), whose variables it may read.
 */
export function siteFrom<E extends Env>(
  lookup: SiteLookup,
  siteIdOf: (c: Context<E & SiteEnv>) => string | Promise<string>,
  { missing = () => notFound('Site') }: SiteOptions = {},
) {
  return createFactory<E & SiteEnv>().createMiddleware(async (c, next) => {
    const site = await lookup.sites.get(await siteIdOf(c));
    if (!site) throw missing();
    allowSiteOrigin(c, site, lookup.ownOrigins);
    c.set('site', site);
    await next();
  });
}

/** The site named by the `:site` path parameter (`/v1/sites/:site/…`). */
export function siteFromPath(lookup: SiteLookup) {
  return siteFrom(lookup, (c) => c.req.param('site') ?? '');
}

/** The site named by `siteId` in the JSON body; goes after `jsonBody(schema)`. */
export function siteFromBody(lookup: SiteLookup, options?: SiteOptions) {
  return siteFrom<BodyEnv<{ siteId: string }>>(lookup, (c) => c.var.body.siteId, options);
}
