import { formatStart } from '../i18n/format.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Strings } from '../i18n/strings.ts';
import type { StoredTicket } from '../tickets/ticket-store.ts';

/** The live room for this ticket: `/room/<workshop>` on the ticket's server, the ticket in the fragment. */
export function roomUrl(ticket: StoredTicket): string {
  return ticket.url.replace(
    /\/t\/[^/]+$/,
    `/room/${encodeURIComponent(ticket.workshopId)}#ticket=${ticket.token}`,
  );
}

type Props = {
  ticket: StoredTicket;
  locale: Locale;
  t: Strings;
  level?: number;
  /** The workshop is over (its time, or the host ended the room): no "Join". */
  ended?: boolean;
};

/** A ticket as the reader sees it: what, when, and what to do with it. */
export function TicketCard({ ticket, locale, t, level = 3, ended = false }: Props) {
  const room = roomUrl(ticket);
  const Heading = `h${level}` as 'h3';
  return (
    <div class="card ticket" data-lectern-ticket={ticket.orderId}>
      <Heading class="title">{ticket.title}</Heading>
      <p class="meta">{t.hostedBy(ticket.hostName)}</p>
      <p class="when">
        <time dateTime={ticket.startsAt}>{formatStart(ticket.startsAt, locale)}</time>
        {ended ? (
          <>
            {' '}
            <span class="badge out">{t.ended}</span>
          </>
        ) : null}
      </p>
      <div class="actions" style="justify-content:flex-start">
        <a class="btn" href={ticket.icsUrl} download="workshop.ics">
          {t.addToCalendar}
        </a>
        <a class="btn ghost" href={ticket.url} target="_blank" rel="noopener">
          {t.openTicket}
        </a>
        {ended ? null : (
          <a class="btn ghost" href={room}>
            {t.joinRoom}
          </a>
        )}
      </div>
    </div>
  );
}
