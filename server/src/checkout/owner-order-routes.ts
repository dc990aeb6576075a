import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { HttpError } from '../http/http-error.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { siteFromPath } from '../http/site-middleware.ts';

/**
 * The owner's view of a site's orders, newest first: what was paid, what was refunded and why
 * (a late payment refunded because its seat was gone shows `refundReason`).
 */
export function ownerOrderRoutes(deps: AppDeps) {
  const app = new Hono();
  const owner = deps.ownerAuth.ownerOfPathSite();

  app.get(
    '/v1/sites/:site/owner/orders',
    rateLimit(deps.limits.read, 'read'),
    owner,
    siteFromPath(deps),
    async (c) => {
      const workshopId = c.req.query('workshop');
      if (workshopId !== undefined && (workshopId.length === 0 || workshopId.length > 64))
        throw new HttpError(400, 'validation_failed', 'workshop: a workshop id');
      c.header('Cache-Control', 'no-store');
      return c.json({ orders: await deps.orders.listForOwner(c.var.site.id, workshopId) });
    },
  );

  return app;
}
