import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import type { OrderRow } from '../db/schema.ts';
import { html, PAGE_CSP, page } from '../http/html.ts';
import { HttpError } from '../http/http-error.ts';
import { formatPrice } from '../mail/messages.ts';
import { withParams } from './return-url.ts';
import { holdsSeat } from './seats.ts';

const strings = {
  en: {
    banner: 'Test checkout — no money moves. Lectern development mode.',
    pay: 'Pay (test)',
    cancel: 'Cancel',
    title: 'Checkout',
    expired: 'This checkout is no longer open.',
    lapsed:
      'Your seat reservation ran out before you paid, so this checkout is closed. Go back to see whether a seat is still free.',
    cancelled: 'The host cancelled this workshop, so this checkout is closed. Nothing was charged.',
    back: 'Back to the site',
  },
  'zh-CN': {
    banner: '测试结账——不会产生真实付款。Lectern 开发模式。',
    pay: '支付（测试）',
    cancel: '取消',
    title: '结账',
    expired: '此结账已关闭。',
    lapsed: '付款前座位保留已到期，此结账已关闭。请返回网站查看是否仍有空位。',
    cancelled: '主讲人已取消这场工作坊，此结账已关闭。未产生任何扣款。',
    back: '返回网站',
  },
};

type Closed = 'expired' | 'lapsed' | 'cancelled';

/** Why the page cannot take this order's payment, or null when it can. */
async function closedReason(deps: AppDeps, order: OrderRow): Promise<Closed | null> {
  if (order.status !== 'held' || order.provider !== 'dev') return 'expired';
  if (!holdsSeat(order, deps.now())) return 'lapsed';
  const workshop = await deps.workshops.getPublic(order.site_id, order.workshop_id);
  return workshop.status === 'cancelled' ? 'cancelled' : null;
}

function refusal(closed: Exclude<Closed, 'expired'>): HttpError {
  return closed === 'lapsed'
    ? new HttpError(409, 'hold_expired', 'The seat hold ran out before payment; start a new checkout')
    : new HttpError(409, 'not_purchasable', 'This workshop was cancelled');
}

/**
 * The dev payment provider's checkout page: the stand-in for Stripe Checkout in demos and offline
 * development. Mounted only when LECTERN_PAYMENTS=dev, which config refuses in production. Like
 * Stripe's session, it stops taking payment when the seat hold ends.
 */
export function devCheckoutRoutes(deps: AppDeps) {
  const app = new Hono();

  app.get('/dev-checkout/:order', async (c) => {
    const order = await deps.orders.get(c.req.param('order'));
    const locale = order.locale === 'zh-CN' ? 'zh-CN' : 'en';
    const t = strings[locale];
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Cache-Control', 'no-store');
    const closed = await closedReason(deps, order);
    if (closed) {
      const back = order.return_url ? withParams(order.return_url, { lectern_order: order.id }) : '/';
      return c.html(
        page(
          t.title,
          html`<p class="banner">${t.banner}</p><p role="alert">${t[closed]}</p><a class="button" href="${back}">${t.back}</a>`,
          order.locale,
        ),
        closed === 'expired' ? 200 : 409,
      );
    }
    const workshop = await deps.workshops.getPublic(order.site_id, order.workshop_id);
    const price = formatPrice(order.amount, order.currency, locale);
    return c.html(
      page(
        t.title,
        html`<p class="banner" role="note">${t.banner}</p>
<h1>${workshop.title}</h1>
<p class="muted">${workshop.hostName}</p>
<p class="price">${price}</p>
<div class="row">
<form method="post" action="/dev-checkout/${order.id}/pay"><button class="primary" type="submit">${t.pay}</button></form>
<form method="post" action="/dev-checkout/${order.id}/cancel"><button type="submit">${t.cancel}</button></form>
</div>`,
        order.locale,
      ),
    );
  });

  app.post('/dev-checkout/:order/pay', async (c) => {
    const order = await deps.orders.get(c.req.param('order'));
    if (order.provider !== 'dev') throw new HttpError(409, 'conflict', 'Not a dev checkout');
    const closed = await closedReason(deps, order);
    if (closed && closed !== 'expired') throw refusal(closed);
    if (order.status === 'held') await deps.orders.markPaid(order.id, { paymentId: `devpay_${order.id}` });
    return c.redirect(withParams(order.return_url ?? '/', { lectern_order: order.id }), 303);
  });

  app.post('/dev-checkout/:order/cancel', async (c) => {
    const order = await deps.orders.get(c.req.param('order'));
    if (order.provider !== 'dev') throw new HttpError(409, 'conflict', 'Not a dev checkout');
    await deps.orders.release(order.id, 'cancelled');
    return c.redirect(
      withParams(order.return_url ?? '/', { lectern_order: order.id, lectern_checkout: 'cancelled' }),
      303,
    );
  });

  return app;
}
