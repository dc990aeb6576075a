import type { RefundReason } from '../contract/checkout.ts';
import type { PublicWorkshop } from '../contract/workshop.ts';

type Locale = 'en' | 'zh-CN';

/** "Tuesday, 24 November 2026 at 17:00 GMT" in the host's zone, which is the one the host announced. */
export function when(workshop: Pick<PublicWorkshop, 'startsAt' | 'timeZone'>, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: workshop.timeZone,
    timeZoneName: 'short',
  }).format(new Date(workshop.startsAt));
}

/** Plain-text emails in the reader's language. No HTML: nothing to escape, nothing to inject. */
export function ticketEmail(workshop: PublicWorkshop, ticketUrl: string, locale: Locale) {
  if (locale === 'zh-CN') {
    return {
      subject: `你的门票：${workshop.title}`,
      text: [
        `你已成功报名「${workshop.title}」（主讲：${workshop.hostName}）。`,
        '',
        `时间：${when(workshop, locale)}`,
        `门票与入场链接：${ticketUrl}`,
        '',
        '附件中的 .ics 文件可以添加到你的日历。请勿转发此链接：持有链接即可入场。',
      ].join('\n'),
    };
  }
  return {
    subject: `Your ticket: ${workshop.title}`,
    text: [
      `You're in for "${workshop.title}" with ${workshop.hostName}.`,
      '',
      `When: ${when(workshop, locale)}`,
      `Your ticket and join link: ${ticketUrl}`,
      '',
      'The attached .ics file adds it to your calendar. Keep this link to yourself: it lets the holder join.',
    ].join('\n'),
  };
}

export function seatOfferEmail(workshop: PublicWorkshop, bookUrl: string, locale: Locale) {
  if (locale === 'zh-CN') {
    return {
      subject: `有空位了：${workshop.title}`,
      text: `「${workshop.title}」刚刚空出一个名额。先到先得：${bookUrl}\n\n你收到这封邮件是因为你加入了候补名单。`,
    };
  }
  return {
    subject: `A seat opened up: ${workshop.title}`,
    text: `A seat just opened up for "${workshop.title}". First come, first served: ${bookUrl}\n\nYou are receiving this because you joined the waitlist.`,
  };
}

/** "€30.00" from minor units, with the currency's own number of decimals (JPY 0, KWD 3). */
export function formatPrice(amount: number, currency: string, locale: Locale): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

const lateRefundWhy = {
  en: {
    sold_out:
      'Your payment reached us after your seat reservation had run out, and the last seat had been taken in the meantime.',
    workshop_cancelled: 'The host cancelled the workshop before your payment reached us.',
    workshop_ended: 'The workshop had already ended when your payment reached us.',
  },
  'zh-CN': {
    sold_out: '你的付款到达时，座位保留已经到期，最后一个名额也已被他人订走。',
    workshop_cancelled: '在你的付款到达之前，主讲人已取消了这场工作坊。',
    workshop_ended: '你的付款到达时，这场工作坊已经结束。',
  },
} satisfies Record<Locale, Record<RefundReason, string>>;

/**
 * A payment that arrived after its seat was gone was refunded in full. Says so, why, and where to
 * find other sessions or join the waitlist (`backUrl`, the page the reader bought from).
 */
export function lateRefundEmail(
  workshop: PublicWorkshop,
  refund: { reason: RefundReason; price: string; backUrl: string | null },
  locale: Locale,
) {
  const why = lateRefundWhy[locale][refund.reason];
  if (locale === 'zh-CN') {
    return {
      subject: `已全额退款：${workshop.title}`,
      text: [
        `我们无法为你保留「${workshop.title}」的名额，已将你支付的 ${refund.price} 全额退回原支付方式。`,
        '',
        why,
        '退款通常在 5–10 个工作日内到账，具体取决于你的银行。你无需做任何操作。',
        ...(refund.backUrl ? ['', `查看其他场次或加入候补名单：${refund.backUrl}`] : []),
      ].join('\n'),
    };
  }
  return {
    subject: `Refunded in full: ${workshop.title}`,
    text: [
      `We could not give you a seat at "${workshop.title}", so your payment of ${refund.price} has been refunded in full to the way you paid.`,
      '',
      why,
      'Refunds usually arrive within 5–10 business days, depending on your bank. You do not need to do anything.',
      ...(refund.backUrl ? ['', `Other sessions and the waitlist: ${refund.backUrl}`] : []),
    ].join('\n'),
  };
}
