import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppDeps } from '../app-deps.ts';
import { checkoutRequest, waitlistRequest } from '../contract/checkout.ts';
import type { OrderRow } from '../db/schema.ts';
import { clientIp } from '../http/client-ip.ts';
import { jsonBody } from '../http/json-body.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { siteFrom, siteFromBody } from '../http/site-middleware.ts';
import { clientKeyOf } from './hold-limits.ts';
import { checkReturnUrl } from './return-url.ts';

type OrderEnv = { Variables: { order: OrderRow } };

/** The reader's side of checkout; what an order goes through is `deps.orders` (order-lifecycle.ts). */
export function checkoutRoutes(deps: AppDeps) {
  const app = new Hono();
  const write = rateLimit(deps.limits.write, 'write');
  const read = rateLimit(deps.limits.read, 'read');
  const bodySite = siteFromBody(deps);

  app.post('/v1/checkout', write, jsonBody(checkoutRequest), bodySite, async (c) => {
    const { site, body } = c.var;
    const returnUrl = checkReturnUrl(body.returnUrl, site, deps.ownOrigins).toString();
    const clientKey = clientKeyOf(deps.config.secret, clientIp(c));
    return c.json(await deps.orders.checkout(site, { ...body, returnUrl, clientKey }), 201);
  });

  const order = createMiddleware<OrderEnv>(async (c, next) => {
    c.set('order', await deps.orders.get(c.req.param('id') ?? ''));
    await next();
  });
  const orderSite = siteFrom<OrderEnv>(deps, (c) => c.var.order.site_id);

  app.get('/v1/orders/:id', read, order, orderSite, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.orders.view(c.var.order));
  });

  app.post('/v1/waitlist', write, jsonBody(waitlistRequest), bodySite, async (c) => {
    const { site, body } = c.var;
    if (body.pageUrl) checkReturnUrl(body.pageUrl, site, deps.ownOrigins);
    const result = await deps.waitlist.join({ ...body, siteId: site.id });
    return c.json(result, 201);
  });

  return app;
}
