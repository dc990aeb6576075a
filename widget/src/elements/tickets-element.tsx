import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { handleCheckoutReturn, returnState } from '../checkout/return-flow.ts';
import { ReturnNotice } from '../checkout/return-notice.tsx';
import { TicketCard } from '../checkout/ticket-card.tsx';
import type { WidgetConfig } from '../config.ts';
import { emit } from '../events.ts';
import { strings } from '../i18n/strings.ts';
import { listTickets, type StoredTicket } from '../tickets/ticket-store.ts';
import { track } from '../track.ts';
import { YourData } from '../ui/your-data.tsx';
import { headingLevel } from './page-context.ts';
import { claimReturnNotice, renderInShadow } from './shadow-app.tsx';

type Props = { config: WidgetConfig; showReturn: boolean; level: number };

/** `<lectern-tickets>`: the reader's tickets for this site kept on this device, and their data. */
export function TicketList({ config, showReturn, level }: Props) {
  const t = strings(config.locale);
  const [tickets, setTickets] = useState<StoredTicket[] | null>(null);
  const ended = useEndedWorkshops(config, tickets);
  const paid = returnState.value?.step === 'paid';
  // Bumped after "Delete my data": the tickets are read again (and are gone).
  const [version, setVersion] = useState(0);
  const Heading = `h${level}` as 'h2';

  useEffect(() => {
    listTickets(config.site).then(
      (list) => {
        setTickets(list);
        if (version > 0) return;
        for (const ticket of list) track('ticket_view', { workshop: ticket.workshopId });
        emit('lectern:ready', { element: 'lectern-tickets', count: list.length });
      },
      (err) => {
        setTickets([]);
        emit('lectern:error', { type: 'storage', message: String(err), element: 'lectern-tickets' });
      },
    );
  }, [config, paid, version]);

  return (
    <div lang={config.locale}>
      {showReturn && <ReturnNotice locale={config.locale} t={t} level={level} />}
      <Heading style="font-size:1.15em;margin:0 0 12px">{t.myTickets}</Heading>
      {tickets && tickets.length === 0 && <p class="meta">{t.noTickets}</p>}
      <div class="list">
        {tickets?.map((ticket) => (
          <TicketCard
            key={ticket.orderId}
            ticket={ticket}
            locale={config.locale}
            t={t}
            ended={ended.has(ticket.workshopId)}
            level={Math.min(level + 1, 6)}
          />
        ))}
      </div>
      <YourData
        site={config.site}
        locale={config.locale}
        level={level}
        onDeleted={() => setVersion((v) => v + 1)}
      />
    </div>
  );
}

/**
 * Workshops among `tickets` that are over: past their end, or the host ended the live room (the
 * public list says so). Unknown until the list answers; a failed read leaves the tickets as they are.
 */
function useEndedWorkshops(config: WidgetConfig, tickets: StoredTicket[] | null): Set<string> {
  const [ended, setEnded] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (!tickets?.length) return;
    const now = Date.now();
    const past = tickets.filter((x) => Date.parse(x.endsAt) <= now).map((x) => x.workshopId);
    setEnded(new Set(past));
    api.workshops(config).then(
      (list) => {
        const byHost = list.workshops.filter((w) => w.roomEndedAt).map((w) => w.id);
        setEnded(new Set([...past, ...byHost]));
      },
      () => {},
    );
  }, [config, tickets]);
  return ended;
}

export function mount(element: HTMLElement, config: WidgetConfig): () => void {
  handleCheckoutReturn(config);
  return renderInShadow(
    element,
    config,
    <TicketList config={config} showReturn={claimReturnNotice(element)} level={headingLevel(element)} />,
  );
}
