import type { OrderView, OwnerOrderView } from '../contract/checkout.ts';
import type { OrderRow } from '../db/schema.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** What the holder of the order id sees of an order (its ticket is added by the store). */
export function orderSummary(order: OrderRow): Omit<OrderView, 'ticket'> {
  return {
    id: order.id,
    siteId: order.site_id,
    workshopId: order.workshop_id,
    status: order.status,
    amount: order.amount,
    currency: order.currency,
    holdExpiresAt: iso(order.hold_expires_at),
    refundReason: order.refund_reason,
  };
}

/** An order as its site's owner sees it: the buyer's email, when it was made and paid, the refund id. */
export function ownerOrderView(order: OrderRow): OwnerOrderView {
  return {
    ...orderSummary(order),
    email: order.email,
    provider: order.provider,
    createdAt: iso(order.created_at) as string,
    paidAt: iso(order.paid_at),
    refundId: order.provider_refund_id,
  };
}
