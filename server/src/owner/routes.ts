import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { refundByOwner, resendTicket } from '../checkout/owner-refund.ts';
import type { AttendeeList } from '../contract/owner.ts';
import { siteSettingsUpdate } from '../contract/owner.ts';
import { csvHeaders } from '../http/csv.ts';
import { readJson } from '../http/json-body.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { siteFromPath } from '../http/site-middleware.ts';
import { attendeesCsv, listAttendees } from './attendees.ts';
import { readSiteSettings, updateSiteSettings } from './site-settings.ts';

/**
 * The owner's management API under `/v1/sites/:site/owner/…`: attendees (JSON and CSV), refunds,
 * resent tickets, the waitlist and the site's settings. Every route checks the owner session of
 * the site in the path before anything about the site is looked up.
 */
export function ownerRoutes(deps: AppDeps) {
  const app = new Hono();
  const read = rateLimit(deps.limits.read, 'read');
  const write = rateLimit(deps.limits.write, 'write');
  const owner = deps.ownerAuth.ownerOfPathSite();
  const site = siteFromPath(deps);
  const base = '/v1/sites/:site/owner';

  app.use(`${base}/*`, async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  /** The workshop in the path, if it is this site's (404 otherwise, as an unknown one). */
  const workshopOf = (siteId: string, workshopId: string) => deps.workshops.getForOwner(siteId, workshopId);

  app.get(`${base}/workshops/:workshop/attendees`, read, owner, site, async (c) => {
    const workshop = await workshopOf(c.var.site.id, c.req.param('workshop'));
    const attendees = await listAttendees(deps.db, workshop.id, deps.now());
    return c.json({ workshopId: workshop.id, attendees } satisfies AttendeeList);
  });

  app.get(`${base}/workshops/:workshop/attendees.csv`, read, owner, site, async (c) => {
    const workshop = await workshopOf(c.var.site.id, c.req.param('workshop'));
    const csv = attendeesCsv(await listAttendees(deps.db, workshop.id, deps.now()));
    const day = workshop.startsAt.slice(0, 10);
    // The console downloads it with fetch from the owner's page: let it read the file's name.
    if (c.req.header('origin'))
      c.header('Access-Control-Expose-Headers', 'ETag, Retry-After, Content-Disposition');
    return c.body(csv, 200, csvHeaders(`attendees-${workshop.id}-${day}.csv`));
  });

  app.post(`${base}/orders/:order/refund`, write, owner, site, async (c) => {
    return c.json(await refundByOwner(deps, c.var.site.id, c.req.param('order')));
  });

  app.post(`${base}/orders/:order/resend`, write, owner, site, async (c) => {
    return c.json(await resendTicket(deps, c.var.site.id, c.req.param('order')));
  });

  app.get(`${base}/workshops/:workshop/waitlist`, read, owner, site, async (c) => {
    return c.json(await deps.waitlist.list(c.var.site.id, c.req.param('workshop')));
  });

  app.post(`${base}/workshops/:workshop/waitlist/offer`, write, owner, site, async (c) => {
    return c.json(await deps.waitlist.offerByOwner(c.var.site.id, c.req.param('workshop')));
  });

  app.get(`${base}/settings`, read, owner, site, async (c) => {
    return c.json(await readSiteSettings(deps, c.var.site));
  });

  app.patch(`${base}/settings`, write, owner, site, async (c) => {
    const patch = await readJson(c, siteSettingsUpdate);
    return c.json(await updateSiteSettings(deps, c.var.site, patch));
  });

  return app;
}
