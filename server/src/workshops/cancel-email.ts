import type { PublicWorkshop } from '../contract/workshop.ts';
import { formatPrice } from '../mail/messages.ts';

type Locale = 'en' | 'zh-CN';

/**
 * The host cancelled a workshop a buyer held a ticket for: the ticket no longer opens the room and
 * the money (if any) is on its way back. `price` is null for a free registration.
 */
export function workshopCancelledEmail(
  workshop: Pick<PublicWorkshop, 'title'>,
  order: { amount: number; currency: string; backUrl: string | null },
  locale: Locale,
) {
  const price = order.amount > 0 ? formatPrice(order.amount, order.currency, locale) : null;
  if (locale === 'zh-CN') {
    return {
      subject: `工作坊已取消：${workshop.title}`,
      text: [
        `很抱歉，主讲人取消了「${workshop.title}」。你的门票已失效。`,
        '',
        price
          ? `你支付的 ${price} 已全额退回原支付方式，通常在 5–10 个工作日内到账。你无需做任何操作。`
          : '这是一场免费活动，没有产生任何费用。',
        ...(order.backUrl ? ['', `查看其他工作坊：${order.backUrl}`] : []),
      ].join('\n'),
    };
  }
  return {
    subject: `Cancelled: ${workshop.title}`,
    text: [
      `We are sorry: the host has cancelled "${workshop.title}". Your ticket no longer applies.`,
      '',
      price
        ? `Your payment of ${price} has been refunded in full to the way you paid; refunds usually arrive within 5–10 business days. You do not need to do anything.`
        : 'It was a free registration, so nothing was charged.',
      ...(order.backUrl ? ['', `Other workshops: ${order.backUrl}`] : []),
    ].join('\n'),
  };
}
