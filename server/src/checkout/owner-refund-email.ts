import type { AppDeps } from '../app-deps.ts';
import type { PublicWorkshop } from '../contract/workshop.ts';
import type { OrderRow } from '../db/schema.ts';
import { formatPrice, when } from '../mail/messages.ts';

type Locale = 'en' | 'zh-CN';

/** The host refunded a buyer: their ticket no longer opens the room. Plain text, the buyer's language. */
export function ownerRefundEmail(workshop: PublicWorkshop, price: string, locale: Locale) {
  if (locale === 'zh-CN') {
    return {
      subject: `已退款：${workshop.title}`,
      text: [
        `主讲人已为你的「${workshop.title}」（${when(workshop, locale)}）订单全额退款 ${price}，退回原支付方式。`,
        '',
        '你的门票已失效，不能再进入直播间。退款通常在 5–10 个工作日内到账，具体取决于你的银行。',
        '如有疑问，请直接回复主讲人。',
      ].join('\n'),
    };
  }
  return {
    subject: `Refunded: ${workshop.title}`,
    text: [
      `The host refunded your order for "${workshop.title}" (${when(workshop, locale)}): ${price}, in full, to the way you paid.`,
      '',
      'Your ticket no longer opens the live room. Refunds usually arrive within 5–10 business days, depending on your bank.',
      'Questions? Reply to the host directly.',
    ].join('\n'),
  };
}

/** Emails the buyer that the host refunded them; false without an address or a way to send. */
export async function sendOwnerRefundEmail(
  deps: Pick<AppDeps, 'mailer' | 'workshops'>,
  order: OrderRow,
): Promise<boolean> {
  if (!order.email || !deps.mailer.enabled) return false;
  const workshop = await deps.workshops.getPublic(order.site_id, order.workshop_id);
  const locale = order.locale === 'zh-CN' ? 'zh-CN' : 'en';
  const mail = ownerRefundEmail(workshop, formatPrice(order.amount, order.currency, locale), locale);
  return deps.mailer.send({ to: order.email, ...mail });
}
