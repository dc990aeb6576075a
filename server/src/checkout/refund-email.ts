import type { AppDeps } from '../app-deps.ts';
import type { OrderRow } from '../db/schema.ts';
import { formatPrice, lateRefundEmail } from '../mail/messages.ts';

/**
 * Tells the buyer that their late payment was refunded, why, and links back to the page they
 * bought from (other sessions, the waitlist). Without an address or SMTP it is only logged.
 */
export async function sendLateRefundEmail(
  deps: Pick<AppDeps, 'mailer' | 'workshops'>,
  order: OrderRow,
): Promise<boolean> {
  if (!order.email || !order.refund_reason) return false;
  const workshop = await deps.workshops.getPublic(order.site_id, order.workshop_id);
  const locale = order.locale === 'zh-CN' ? 'zh-CN' : 'en';
  const mail = lateRefundEmail(
    workshop,
    {
      reason: order.refund_reason,
      price: formatPrice(order.amount, order.currency, locale),
      backUrl: order.return_url,
    },
    locale,
  );
  return deps.mailer.send({ to: order.email, ...mail });
}
