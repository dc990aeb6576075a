import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { html, PAGE_CSP, page, raw } from '../http/html.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { confirmPageText } from './confirm-page.ts';
import { withParams } from './return-url.ts';

/** `GET /confirm/:token`: the link in a free registration's email makes the seat final. */
export function confirmRoutes(deps: AppDeps) {
  const app = new Hono();
  // A write: following the link issues a ticket.
  const write = rateLimit(deps.limits.write, 'write');

  app.get('/confirm/:token', write, async (c) => {
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Cache-Control', 'private, no-store');
    // The page links to the ticket; its token must not leak to other sites.
    c.header('Referrer-Policy', 'no-referrer');
    const outcome = await deps.orders.confirm(c.req.param('token'));
    const order = outcome.kind === 'unknown' ? null : outcome.order;
    const locale = order?.locale === 'zh-CN' ? 'zh-CN' : 'en';
    const t = confirmPageText(outcome.kind, locale);
    const ticket = order && outcome.kind === 'confirmed' ? await deps.tickets.view(order) : null;
    // Back on the host page the widget reads `lectern_order` and keeps the ticket on the device.
    const back =
      ticket && order?.return_url ? withParams(order.return_url, { lectern_order: order.id }) : null;
    const links = ticket
      ? html`<div class="row"><a class="button primary" href="${ticket.url}">${t.openTicket}</a>${raw(
          back ? html`<a class="button" href="${back}">${t.backToSite}</a>` : '',
        )}</div>`
      : '';
    const body = html`<h1>${t.title}</h1><p>${t.lead}</p>${raw(links)}${raw(
      t.next ? html`<p class="muted">${t.next}</p>` : '',
    )}`;
    const status = outcome.kind === 'confirmed' ? 200 : outcome.kind === 'unknown' ? 404 : 409;
    return c.html(page(t.title, body, locale), status);
  });

  return app;
}
