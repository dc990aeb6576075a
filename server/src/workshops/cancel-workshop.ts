import type { AppDeps } from '../app-deps.ts';
import type { WorkshopCancelled } from '../contract/workshop.ts';
import type { OrderRow } from '../db/schema.ts';
import { workshopCancelledEmail } from './cancel-email.ts';

/**
 * The owner cancels a workshop: it stops selling at once, then every paid ticket is refunded in
 * full through the payment provider, revoked (room passes closed with it) and its buyer emailed.
 * Open holds need nothing: their payment, should it still arrive, is refunded as a late payment
 * of a cancelled workshop (checkout/order-lifecycle.ts). A refund the provider refuses leaves
 * that order paid and is counted in `refundsFailed`: cancelling again retries exactly those.
 */
export async function cancelWorkshop(
  deps: Pick<AppDeps, 'db' | 'log' | 'workshops' | 'orders' | 'payments' | 'mailer'>,
  siteId: string,
  workshopId: string,
): Promise<WorkshopCancelled> {
  const { title } = await deps.workshops.cancel(siteId, workshopId);
  const paid = await deps.db
    .selectFrom('orders')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('workshop_id', '=', workshopId)
    .where('status', '=', 'paid')
    .orderBy('paid_at')
    .execute();
  let refundedOrders = 0;
  let refundsFailed = 0;
  for (const order of paid) {
    if (await refundOne(deps, order, title)) refundedOrders += 1;
    else refundsFailed += 1;
  }
  const workshop = await deps.workshops.getForOwner(siteId, workshopId);
  return { ...workshop, refundedOrders, refundsFailed };
}

async function refundOne(
  deps: Pick<AppDeps, 'log' | 'orders' | 'payments' | 'mailer'>,
  order: OrderRow,
  title: string,
): Promise<boolean> {
  const { id: orderId, provider_payment_id: paymentId } = order;
  try {
    // A free registration (or a payment the provider never reported) has nothing to send back.
    if (paymentId && order.amount > 0)
      await deps.payments.refund({ orderId, paymentId, reason: 'workshop_cancelled' });
  } catch (err) {
    deps.log.error({ err, orderId }, 'refund for a cancelled workshop failed; cancel again to retry');
    return false;
  }
  if (!(await deps.orders.refund(orderId, paymentId))) return true;
  if (order.email) {
    const locale = order.locale === 'zh-CN' ? 'zh-CN' : 'en';
    const mail = workshopCancelledEmail(
      { title },
      { amount: order.amount, currency: order.currency, backUrl: order.return_url },
      locale,
    );
    deps.mailer
      .send({ to: order.email, ...mail })
      .catch((err) => deps.log.warn({ err, orderId }, 'cancellation email failed'));
  }
  return true;
}
