// The learner's tickets on every Lectern site, learned from the widget's `purchase` events and
// kept in `storage.local` (the reminders are re-created from this list).
import type { PublicWorkshop } from '@lectern/server/contract';
import { siteWorkshops } from '../model/site-models.ts';
import type { KnownSite } from '../store/extension-db.ts';
import { readState, type Ticket, writeState } from '../store/local-state.ts';

export function ticketFrom(site: KnownSite, w: PublicWorkshop, now: number): Ticket {
  return {
    key: `${site.key}|${w.id}`,
    siteKey: site.key,
    host: site.host,
    workshopId: w.id,
    title: w.title,
    startsAt: Date.parse(w.startsAt),
    endsAt: Date.parse(w.endsAt),
    roomUrl: `${site.server}/room/${encodeURIComponent(w.id)}`,
    boughtAt: now,
  };
}

/** Adds (or refreshes) the ticket for a workshop just bought; returns the new list. */
export async function addTicket(site: KnownSite, workshopId: string, now = Date.now()): Promise<Ticket[]> {
  const workshop = (await siteWorkshops(site)).find((w) => w.id === workshopId);
  if (!workshop) return readState('tickets');
  const ticket = ticketFrom(site, workshop, now);
  const others = (await readState('tickets')).filter((t) => t.key !== ticket.key);
  const tickets = [...others, ticket].sort((a, b) => a.startsAt - b.startsAt);
  await writeState('tickets', tickets);
  return tickets;
}

export async function dropTicketsOf(siteKey: string): Promise<Ticket[]> {
  const tickets = (await readState('tickets')).filter((t) => t.siteKey !== siteKey);
  await writeState('tickets', tickets);
  return tickets;
}
