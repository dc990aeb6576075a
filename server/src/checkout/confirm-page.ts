import type { ConfirmOutcome } from './order-store.ts';

type Locale = 'en' | 'zh-CN';
type Kind = ConfirmOutcome['kind'];
type PageText = { title: string; lead: string; next?: string };

/** What the confirmation page says, in the reader's language; the route escapes it all. */
const text: Record<Locale, Record<Kind, PageText> & { openTicket: string; backToSite: string }> = {
  en: {
    confirmed: {
      title: 'Your seat is confirmed',
      lead: 'You are registered. We also emailed your ticket.',
      next: 'Keep the ticket to yourself: it lets its holder join the live room.',
    },
    full: {
      title: 'This workshop is full now',
      lead: 'Your registration was not confirmed in time and its seat went to someone else.',
      next: 'Join the waitlist on the workshop page and we will email you if a seat frees up.',
    },
    closed: { title: 'This workshop has ended', lead: 'Registration is closed.' },
    cancelled: {
      title: 'This workshop was cancelled',
      lead: 'The host cancelled it, so there is no seat to confirm.',
    },
    unknown: {
      title: 'This confirmation link is not valid',
      lead: 'Check that you opened the whole link from the email, or register again.',
    },
    openTicket: 'Open your ticket',
    backToSite: 'Back to the workshop page',
  },
  'zh-CN': {
    confirmed: {
      title: '名额已确认',
      lead: '你已成功报名，门票也已发送到你的邮箱。',
      next: '请勿转发门票链接：持有链接即可进入直播间。',
    },
    full: {
      title: '此工作坊已满员',
      lead: '你的报名未在时限内确认，名额已被他人预订。',
      next: '可以在工作坊页面加入候补名单，有空位时我们会发邮件通知你。',
    },
    closed: { title: '此工作坊已结束', lead: '报名已关闭。' },
    cancelled: { title: '此工作坊已取消', lead: '主讲人取消了此工作坊，没有可确认的名额。' },
    unknown: { title: '确认链接无效', lead: '请检查是否完整打开了邮件中的链接，或重新报名。' },
    openTicket: '查看门票',
    backToSite: '返回工作坊页面',
  },
};

export function confirmPageText(kind: Kind, locale: Locale) {
  const { openTicket, backToSite } = text[locale];
  return { ...text[locale][kind], openTicket, backToSite };
}
