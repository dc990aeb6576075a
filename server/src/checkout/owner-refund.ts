import type { AppDeps } from '../app-deps.ts';
import type { OwnerOrderAction } from '../contract/owner.ts';
import type { OrderRow } from '../db/schema.ts';
import { HttpError, notFound } from '../http/http-error.ts';
import { ownerOrderView } from './order-view.ts';
import { sendOwnerRefundEmail } from './owner-refund-email.ts';
import { sendTicketEmail } from './ticket-email.ts';

type OwnerActionDeps = Pick<
  AppDeps,
  'orders' | 'payments' | 'log' | 'mailer' | 'workshops' | 'config' | 'now' | 'tickets'
>;

/** The order, if it belongs to the owner's site; another site's order is "not found", as an unknown one. */
async function siteOrder(deps: OwnerActionDeps, siteId: string, orderId: string): Promise<OrderRow> {
  const order = await deps.orders.get(orderId).catch(() => null);
  if (order?.site_id !== siteId) throw notFound('Order');
  return order;
}

/**
 * The owner refunds one paid order in full: the money goes back through the provider first (a
 * refusal changes nothing: 502), then the order is refunded through the lifecycle (ticket revoked,
 * seat offered to the waitlist, room passes closed) and the buyer is emailed.
 *
 * Two refunds at once reach the provider with the same idempotency key (one refund there); only
 * the one that changes the order answers 200, the other 409 `already_refunded`.
 */
export async function refundByOwner(
  deps: OwnerActionDeps,
  siteId: string,
  orderId: string,
): Promise<OwnerOrderAction> {
  const order = await siteOrder(deps, siteId, orderId);
  if (order.status === 'refunded')
    throw new HttpError(409, 'already_refunded', 'This order was already refunded');
  if (order.status !== 'paid')
    throw new HttpError(409, 'not_paid', `This order is ${order.status}, not paid`);
  if (order.amount === 0 || order.provider === 'free') {
    throw new HttpError(409, 'not_refundable', 'A free registration has nothing to refund');
  }
  if (order.provider !== deps.payments.name || (order.provider === 'stripe' && !order.provider_payment_id)) {
    throw new HttpError(
      409,
      'not_refundable',
      `This order was paid through ${order.provider}; refund it there`,
    );
  }
  let refundId: string;
  try {
    refundId = await deps.payments.refund({
      orderId,
      paymentId: order.provider_payment_id ?? '',
      reason: 'requested_by_owner',
    });
  } catch (cause) {
    deps.log.error({ err: cause, orderId }, 'owner refund failed at the provider');
    throw new HttpError(502, 'payment_unavailable', 'The payment provider could not refund right now', {
      cause,
    });
  }
  if (!(await deps.orders.refund(orderId))) {
    throw new HttpError(409, 'already_refunded', 'This order was already refunded');
  }
  await deps.orders.refundRecorded(orderId, refundId);
  const refunded = await deps.orders.get(orderId);
  deps.log.info({ orderId, refundId }, 'order refunded by the owner');
  const emailed = await sendOwnerRefundEmail(deps, refunded).catch((err) => {
    deps.log.warn({ err, orderId }, 'owner refund email failed');
    return false;
  });
  return { order: ownerOrderView(refunded), emailed };
}

/** Sends the ticket email of a paid order again (the buyer lost it, or typed a wrong filter). */
export async function resendTicket(
  deps: OwnerActionDeps,
  siteId: string,
  orderId: string,
): Promise<OwnerOrderAction> {
  const order = await siteOrder(deps, siteId, orderId);
  if (order.status !== 'paid') throw new HttpError(409, 'not_paid', 'Only a paid order has a ticket to send');
  if (!order.email) throw new HttpError(409, 'conflict', 'This order has no email address');
  if (!deps.mailer.enabled) {
    throw new HttpError(503, 'mail_unavailable', 'Email is not set up on this server (SMTP_URL)');
  }
  const emailed = await sendTicketEmail(deps, order);
  if (!emailed) throw new HttpError(503, 'mail_unavailable', 'The ticket email could not be sent');
  return { order: ownerOrderView(order), emailed };
}
