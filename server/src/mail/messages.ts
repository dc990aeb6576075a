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
