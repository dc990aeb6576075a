import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { html, PAGE_CSP, page } from '../http/html.ts';
import { HttpError } from '../http/http-error.ts';
import { withParams } from './return-url.ts';

const strings = {
  en: {
    banner: 'Test checkout — no money moves. Lectern development mode.',
    pay: 'Pay (test)',
    cancel: 'Cancel',
    title: 'Checkout',
    expired: 'This checkout is no longer open.',
    back: 'Back to the site',
  },
  'zh-CN': {
    banner: '测试结账——不会产生真实付款。Lectern 开发模式。',
    pay: '支付（测试）',
    cancel: '取消',
    title: '结账',
    expired: '此结账已关闭。',
    back: '返回网站',
  },
};

/**
 * The dev payment provider's checkout page: the stand-in for Stripe Checkout in demos and offline
 * development. Mounted only when LECTERN_PAYMENTS=dev, which config refuses in production.
 */
export function devCheckoutRoutes(deps: AppDeps) {
  const app = new Hono();

  app.get('/dev-checkout/:order', async (c) => {
    const order = await deps.orders.get(c.req.param('order'));
    const t = strings[order.locale === 'zh-CN' ? 'zh-CN' : 'en'];
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Cache-Control', 'no-store');
    if (order.status !== 'held' || order.provider !== 'dev') {
      const back = order.return_url ? withParams(order.return_url, { lectern_order: order.id }) : '/';
      return c.html(
        page(
          t.title,
          html`<p class="banner">${t.banner}</p><p>${t.expired}</p><a class="button" href="${back}">${t.back}</a>`,
          order.locale,
        ),
      );
    }
    const workshop = await deps.workshops.getPublic(order.site_id, order.workshop_id);
    const price = new Intl.NumberFormat(order.locale, { style: 'currency', currency: order.currency }).format(
      order.amount / 10 ** currencyDigits(order.currency),
    );
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

export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}
