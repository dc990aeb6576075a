import type { PublicWorkshop } from '../api/client.ts';
import { formatPrice, formatRelative, formatStart, hostClock } from '../i18n/format.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Strings } from '../i18n/strings.ts';

type Props = {
  workshop: PublicWorkshop;
  locale: Locale;
  t: Strings;
  onBook(workshop: PublicWorkshop): void;
  now: number;
};

export function priceLabel(w: PublicWorkshop, locale: Locale, t: Strings): string {
  return w.priceAmount === 0 ? t.free : formatPrice(w.priceAmount, w.currency, locale);
}

/** One workshop: what, who, when (reader's zone, host's noted), price, seats, and the action. */
export function WorkshopCard({ workshop: w, locale, t, onBook, now }: Props) {
  const cancelled = w.status === 'cancelled';
  // The host ended the live room (maybe before its time): no longer "happening", nothing to buy.
  const ended = !cancelled && Boolean(w.roomEndedAt);
  const soldOut = !cancelled && !ended && w.seatsLeft === 0;
  const live = Date.parse(w.startsAt) <= now;
  const host = hostClock(w.startsAt, w.timeZone, locale);
  return (
    <li class="card" data-lectern-card={w.id} lang={w.language}>
      <h3>{w.title}</h3>
      <p class="meta">{t.hostedBy(w.hostName)}</p>
      <p class="when">
        <time dateTime={w.startsAt}>{formatStart(w.startsAt, locale)}</time>{' '}
        <span class="rel">· {ended ? t.ended : live ? t.live : formatRelative(w.startsAt, locale, now)}</span>
        {host && <span class="meta"> · {t.hostTime(host)}</span>}
      </p>
      {w.summary && <p class="meta">{w.summary}</p>}
      <div class="row">
        <span class="price">{priceLabel(w, locale, t)}</span>
        {cancelled || ended ? (
          <span class="badge out">{cancelled ? t.cancelled : t.ended}</span>
        ) : soldOut ? (
          <>
            <span class="badge out">{t.soldOut}</span>
            <button type="button" class="ghost" onClick={() => onBook(w)}>
              {t.joinWaitlist}
            </button>
          </>
        ) : (
          <>
            <span class="seats">{t.seatsLeft(w.seatsLeft)}</span>
            <button
              type="button"
              onClick={() => onBook(w)}
              aria-label={`${w.priceAmount === 0 ? t.register : t.buy}: ${w.title}`}
            >
              {w.priceAmount === 0 ? t.register : t.buy}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
