import { ticketFor } from './ticket-store.ts';

/**
 * The learner's ticket for a room: the `#ticket=` fragment of the link on the ticket page (never
 * sent to any server), else the ticket this device kept after checkout (ticket-store.ts).
 */
export async function findTicket(
  siteId: string,
  workshopId: string,
  hash = location.hash,
): Promise<string | null> {
  const fromLink = new URLSearchParams(hash.replace(/^#/, '')).get('ticket');
  if (fromLink) return fromLink;
  // No IndexedDB (private mode, blocked storage): the link is the only way in.
  return ticketFor(siteId, workshopId).then(
    (t) => t?.token ?? null,
    () => null,
  );
}
