import type { AppDeps } from '../app-deps.ts';
import type { PublicWorkshop } from '../contract/workshop.ts';
import type { OrderRow } from '../db/schema.ts';
import { when } from '../mail/messages.ts';

/** The page that makes a free registration final (checkout/confirm-routes.ts). */
export const confirmUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/confirm/${encodeURIComponent(token)}`;

/** Plain text in the reader's language, like every other email (nothing to escape). */
export function confirmEmail(
  workshop: PublicWorkshop,
  link: string,
  minutes: number,
  locale: 'en' | 'zh-CN',
) {
  if (locale === 'zh-CN') {
    return {
      subject: `请确认你的名额：${workshop.title}`,
      text: [
        `你报名了「${workshop.title}」（主讲：${workshop.hostName}，${when(workshop, locale)}）。`,
        '',
        `请在 ${minutes} 分钟内打开此链接确认名额，确认后即可获得门票：${link}`,
        '',
        '如果不是你本人报名，请忽略此邮件，名额会自动释放。',
      ].join('\n'),
    };
  }
  return {
    subject: `Confirm your seat: ${workshop.title}`,
    text: [
      `You registered for "${workshop.title}" with ${workshop.hostName} (${when(workshop, locale)}).`,
      '',
      `Open this link within ${minutes} minutes to confirm your seat and get your ticket: ${link}`,
      '',
      'If this was not you, ignore this email and the seat will be released.',
    ].join('\n'),
  };
}

/**
 * Sends a free registration's confirmation link through the Mailer (which logs instead of
 * sending without SMTP); in development the link itself is logged too, so it can be followed.
 */
export async function sendConfirmEmail(
  deps: Pick<AppDeps, 'config' | 'log' | 'mailer' | 'workshops'>,
  order: OrderRow,
): Promise<boolean> {
  if (!order.email || !order.confirm_token) return false;
  const link = confirmUrl(deps.config.publicUrl, order.confirm_token);
  const workshop = await deps.workshops.getPublic(order.site_id, order.workshop_id);
  const locale = order.locale === 'zh-CN' ? 'zh-CN' : 'en';
  if (!deps.mailer.enabled && deps.config.env !== 'production') {
    deps.log.info(
      { orderId: order.id, to: order.email, confirmUrl: link },
      'free registration: confirmation link',
    );
  }
  return deps.mailer.send({
    to: order.email,
    ...confirmEmail(workshop, link, deps.config.holds.freeHoldMinutes, locale),
  });
}
