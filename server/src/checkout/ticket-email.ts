import type { AppDeps } from '../app-deps.ts';
import type { OrderRow } from '../db/schema.ts';
import { ticketEmail } from '../mail/messages.ts';
import { buildIcs } from '../tickets/ics.ts';
import { joinUrl } from '../tickets/routes.ts';

/** Emails the ticket link with the .ics invite attached, when SMTP is configured and we know an address. */
export async function sendTicketEmail(
  deps: Pick<AppDeps, 'config' | 'now' | 'mailer' | 'tickets' | 'workshops'>,
  order: OrderRow,
): Promise<boolean> {
  if (!order.email || !deps.mailer.enabled) return false;
  const ticket = await deps.tickets.view(order);
  if (!ticket) return false;
  const workshop = await deps.workshops.getPublic(order.site_id, order.workshop_id);
  const locale = order.locale === 'zh-CN' ? 'zh-CN' : 'en';
  const ics = buildIcs({
    uid: ticket.orderId,
    title: workshop.title,
    description: workshop.summary,
    startsAt: Date.parse(workshop.startsAt),
    endsAt: Date.parse(workshop.endsAt),
    url: joinUrl(deps.config.publicUrl, workshop.id, ticket.token),
    organizer: workshop.hostName,
    now: deps.now(),
  });
  return deps.mailer.send({
    to: order.email,
    ...ticketEmail(workshop, ticket.url, locale),
    attachments: [
      { filename: 'workshop.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' },
    ],
  });
}
