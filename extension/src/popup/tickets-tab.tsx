import { useEffect, useState } from 'preact/hooks';
import { roomOpen, type Ticket } from '../store/local-state.ts';
import { ask } from './ask.ts';
import { formatWhen } from './format.ts';
import { type ExtensionLocale, t } from './strings.ts';

/** Every ticket the learner holds on any Lectern site; "Join" while its room is open. */
export function TicketsTab({ locale }: { locale: ExtensionLocale }) {
  const s = t(locale);
  const [tickets, setTickets] = useState<Ticket[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    ask({ kind: 'tickets' }).then(setTickets, () => setFailed(true));
  }, []);
  if (tickets === null) return <p class="muted">{failed ? s.error : s.loading}</p>;
  const now = Date.now();
  const upcoming = tickets.filter((x) => x.endsAt > now);
  if (upcoming.length === 0) return <p class="muted">{s.ticketsEmpty}</p>;
  return (
    <ul class="cards" data-tickets>
      {upcoming.map((x) => (
        <li class="card" key={x.key} data-ticket={x.workshopId}>
          <h3>{x.title}</h3>
          <p class="meta">
            {x.host} · {formatWhen(x.startsAt, locale)}
          </p>
          <div class="row">
            {roomOpen(x, now) ? (
              <a class="button" href={x.roomUrl} target="_blank" rel="noopener">
                {s.join}
                <span class="visually-hidden">: {x.title}</span>
              </a>
            ) : (
              <span class="muted">{s.roomOpensSoon}</span>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
