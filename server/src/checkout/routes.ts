import { type Context, Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { type CheckoutResponse, checkoutRequest, waitlistRequest } from '../contract/checkout.ts';
import { allowSiteOrigin } from '../http/cors.ts';
import { HttpError, notFound } from '../http/http-error.ts';
import { readJson } from '../http/json-body.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { PAYMENT_WINDOW_MS } from './order-service.ts';
import { checkReturnUrl, withParams } from './return-url.ts';

export function checkoutRoutes(deps: AppDeps) {
  const app = new Hono();
  const write = rateLimit(deps.limits.write, 'write');
  const read = rateLimit(deps.limits.read, 'read');

  async function siteFor(c: Context, siteId: string) {
    const site = await deps.sites.get(siteId);
    if (!site) throw notFound('Site');
    allowSiteOrigin(c, site, deps.ownOrigins);
    return site;
  }

  app.post('/v1/checkout', write, async (c) => {
    const body = await readJson(c, checkoutRequest);
    const site = await siteFor(c, body.siteId);
    const returnUrl = checkReturnUrl(body.returnUrl, site, deps.ownOrigins).toString();
    const workshop = await deps.workshops.getPublic(site.id, body.workshopId);
    if (workshop.status !== 'published')
      throw new HttpError(409, 'not_purchasable', 'This workshop was cancelled');
    const free = workshop.priceAmount === 0;
    if (free && !body.email)
      throw new HttpError(400, 'validation_failed', 'email: required to register for a free workshop');

    const order = await deps.orders.hold(
      workshop,
      { returnUrl, locale: body.locale, email: body.email },
      deps.payments.name,
    );
    if (free) {
      const response: CheckoutResponse = { order: await deps.orders.view(order), checkout: { type: 'none' } };
      return c.json(response, 201);
    }
    let session: Awaited<ReturnType<typeof deps.payments.createSession>>;
    try {
      session = await deps.payments.createSession({
        orderId: order.id,
        siteId: site.id,
        workshopId: workshop.id,
        title: workshop.title,
        amount: workshop.priceAmount,
        currency: workshop.currency,
        email: body.email,
        locale: body.locale,
        mode: body.mode,
        successUrl: withParams(returnUrl, { lectern_order: order.id }),
        cancelUrl: withParams(returnUrl, { lectern_order: order.id, lectern_checkout: 'cancelled' }),
        expiresAt: deps.now() + PAYMENT_WINDOW_MS,
        paymentMethodTypes: site.settings.paymentMethodTypes as string[] | undefined,
      });
    } catch (cause) {
      // No session, no sale: give the seat back at once.
      await deps.orders.release(order.id, 'cancelled');
      deps.log.error({ err: cause, orderId: order.id }, 'payment provider refused the session');
      throw new HttpError(
        502,
        'payment_unavailable',
        'Payments are unavailable right now; please try again shortly',
        { cause },
      );
    }
    await deps.orders.attachSession(order.id, session.sessionId);
    const response: CheckoutResponse = {
      order: await deps.orders.view({ ...order, provider_session_id: session.sessionId }),
      checkout: session.checkout,
    };
    return c.json(response, 201);
  });

  app.get('/v1/orders/:id', read, async (c) => {
    const order = await deps.orders.get(c.req.param('id'));
    await siteFor(c, order.site_id);
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.orders.view(order));
  });

  app.post('/v1/waitlist', write, async (c) => {
    const body = await readJson(c, waitlistRequest);
    const site = await siteFor(c, body.siteId);
    if (body.pageUrl) checkReturnUrl(body.pageUrl, site, deps.ownOrigins);
    const result = await deps.waitlist.join({ ...body, siteId: site.id });
    return c.json(result, 201);
  });

  return app;
}
