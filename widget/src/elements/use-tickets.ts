import { useEffect, useState } from 'preact/hooks';
import { listTickets, type StoredTicket } from '../tickets/ticket-store.ts';

/**
 * The reader's tickets on this device by workshop (the latest bought), read again after every
 * purchase on the page (`lectern:purchase`), so a card shows "You have a ticket" at once.
 */
export function useTickets(site: string): ReadonlyMap<string, StoredTicket> {
  const [tickets, setTickets] = useState<ReadonlyMap<string, StoredTicket>>(new Map());
  useEffect(() => {
    let live = true;
    const read = () =>
      listTickets(site).then(
        (list) => {
          if (!live) return;
          const byWorkshop = new Map<string, StoredTicket>();
          for (const t of [...list].sort((a, b) => a.savedAt - b.savedAt)) byWorkshop.set(t.workshopId, t);
          setTickets(byWorkshop);
        },
        // No IndexedDB (private mode in some browsers): the cards simply offer a ticket.
        () => {},
      );
    void read();
    window.addEventListener('lectern:purchase', read);
    return () => {
      live = false;
      window.removeEventListener('lectern:purchase', read);
    };
  }, [site]);
  return tickets;
}
