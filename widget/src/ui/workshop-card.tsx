import type { PublicWorkshop } from '../api/client.ts';
import { roomUrl } from '../checkout/ticket-card.tsx';
import { formatPrice, formatRelative, formatStart, hostClock } from '../i18n/format.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Strings } from '../i18n/strings.ts';
import type { StoredTicket } from '../tickets/ticket-store.ts';

type Props = {
  workshop: PublicWorkshop;
  locale: Locale;
  t: Strings;
  onBook(workshop: PublicWorkshop): void;
  now: number;
  /** The reader's ticket for this workshop on this device, if they hold one. */
  ticket?: StoredTicket;
  /** 1–6: the card title's heading level (see `headingLevel`). */
  level: number;
};

export function priceLabel(w: PublicWorkshop, locale: Locale, t: Strings): string {
  return w.priceAmount === 0 ? t.free : formatPrice(w.priceAmount, w.currency, locale);
}

/** One workshop: what, who, when (reader's zone, host's noted), price, seats, and the action. */
export function WorkshopCard({ workshop: w, locale, t, onBook, now, ticket, level }: Props) {
  const cancelled = w.status === 'cancelled';
  // The host ended the live room (maybe before its time): no longer "happening", nothing to buy.
  const ended = !cancelled && Boolean(w.roomEndedAt);
  const soldOut = !cancelled && !ended && w.seatsLeft === 0;
  const live = Date.parse(w.startsAt) <= now;
  const host = hostClock(w.startsAt, w.timeZone, locale);
  const Heading = `h${level}` as 'h3';
  return (
    <li class="card" data-lectern-card={w.id} lang={w.language}>
      <Heading class="title">{w.title}</Heading>
      <p class="meta">{t.hostedBy(w.hostName)}</p>
      <p class="when">
        <time dateTime={w.startsAt}>{formatStart(w.startsAt, locale)}</time>{' '}
        <span class="rel">· {ended ? t.ended : live ? t.live : formatRelative(w.startsAt, locale, now)}</span>
        {host && <span class="meta"> · {t.hostTime(host)}</span>}
      </p>
      {w.summary && <p class="meta">{w.summary}</p>}
      <div class="row">
        <span class="info">
          <span class="price">{priceLabel(w, locale, t)}</span>
          {cancelled || ended ? (
            <span class="badge out">{cancelled ? t.cancelled : t.ended}</span>
          ) : ticket ? (
            <span class="seats">{t.ticketTitle}</span>
          ) : soldOut ? (
            <span class="badge out">{t.soldOut}</span>
          ) : (
            <span class="seats">{t.seatsLeft(w.seatsLeft)}</span>
          )}
        </span>
        {cancelled ? null : ticket ? (
          // Holding a ticket: nothing more to buy; the room while it runs, else the ticket.
          live && !ended && Date.parse(w.endsAt) > now ? (
            <a class="btn" href={roomUrl(ticket)} aria-label={`${t.joinRoom}: ${w.title}`}>
              {t.joinRoom}
            </a>
          ) : (
            <a
              class="btn ghost"
              href={ticket.url}
              target="_blank"
              rel="noopener"
              aria-label={`${t.openTicket}: ${w.title}`}
            >
              {t.openTicket}
            </a>
          )
        ) : ended ? null : soldOut ? (
          <button type="button" class="ghost" onClick={() => onBook(w)}>
            {t.joinWaitlist}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => onBook(w)}
            aria-label={`${w.priceAmount === 0 ? t.register : t.buy}: ${w.title}`}
          >
            {w.priceAmount === 0 ? t.register : t.buy}
          </button>
        )}
      </div>
    </li>
  );
}
