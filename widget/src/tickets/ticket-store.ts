import { openDB } from 'idb';
import type { OrderView, PublicWorkshop } from '../api/client.ts';

/** A ticket kept on the reader's device (IndexedDB `lectern-tickets`, store `tickets`). */
export type StoredTicket = {
  orderId: string;
  workshopId: string;
  siteId: string;
  token: string;
  url: string;
  icsUrl: string;
  title: string;
  hostName: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  savedAt: number;
};

const DB = 'lectern-tickets';
const STORE = 'tickets';

function open() {
  return openDB(DB, 1, {
    upgrade(db) {
      const store = db.createObjectStore(STORE, { keyPath: 'orderId' });
      store.createIndex('by-site', 'siteId');
    },
  });
}

export async function saveTicket(order: OrderView, workshop: PublicWorkshop): Promise<StoredTicket | null> {
  if (!order.ticket) return null;
  const ticket: StoredTicket = {
    orderId: order.id,
    workshopId: order.workshopId,
    siteId: order.siteId,
    token: order.ticket.token,
    url: order.ticket.url,
    icsUrl: order.ticket.icsUrl,
    title: workshop.title,
    hostName: workshop.hostName,
    startsAt: workshop.startsAt,
    endsAt: workshop.endsAt,
    timeZone: workshop.timeZone,
    savedAt: Date.now(),
  };
  const db = await open();
  await db.put(STORE, ticket);
  db.close();
  return ticket;
}

export async function listTickets(siteId: string): Promise<StoredTicket[]> {
  const db = await open();
  const all = (await db.getAllFromIndex(STORE, 'by-site', siteId)) as StoredTicket[];
  db.close();
  return all.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** The ticket for one workshop kept on this device (the latest saved, if bought twice). */
export async function ticketFor(siteId: string, workshopId: string): Promise<StoredTicket | null> {
  const mine = (await listTickets(siteId)).filter((t) => t.workshopId === workshopId);
  return mine.sort((a, b) => b.savedAt - a.savedAt)[0] ?? null;
}

export async function deleteTickets(siteId: string): Promise<void> {
  const db = await open();
  const tx = db.transaction(STORE, 'readwrite');
  for (const key of await tx.store.index('by-site').getAllKeys(siteId)) await tx.store.delete(key);
  await tx.done;
  db.close();
}
