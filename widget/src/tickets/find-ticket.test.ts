import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it } from 'vitest';
import type { OrderView, PublicWorkshop } from '../api/client.ts';
import { findTicket } from './find-ticket.ts';
import { saveTicket, ticketFor } from './ticket-store.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

function order(id: string, workshopId: string, token: string, siteId = 'demo'): OrderView {
  return {
    id,
    workshopId,
    siteId,
    ticket: { token, url: `https://lectern.test/t/${token}`, icsUrl: `https://lectern.test/t/${token}.ics` },
  } as OrderView;
}

const workshop = {
  title: 'Sourdough',
  hostName: 'Ada',
  startsAt: '2026-12-03T15:00:00Z',
  endsAt: '2026-12-03T16:00:00Z',
  timeZone: 'Europe/Berlin',
} as PublicWorkshop;

it('takes the ticket from the link fragment first', async () => {
  await saveTicket(order('ord_1', 'ws_1', 'stored'), workshop);
  expect(await findTicket('demo', 'ws_1', '#ticket=from-link')).toBe('from-link');
});

it('falls back to the ticket kept on this device for that workshop and site', async () => {
  await saveTicket(order('ord_1', 'ws_1', 'tk_one'), workshop);
  await saveTicket(order('ord_2', 'ws_2', 'tk_two'), workshop);
  await saveTicket(order('ord_3', 'ws_2', 'tk_other_site', 'elsewhere'), workshop);
  expect(await findTicket('demo', 'ws_2', '')).toBe('tk_two');
  expect(await findTicket('demo', 'ws_3', '#other=1')).toBeNull();
});

it('prefers the latest ticket when the same workshop was bought twice', async () => {
  await saveTicket(order('ord_b', 'ws_1', 'tk_first'), workshop);
  await new Promise((r) => setTimeout(r, 2));
  await saveTicket(order('ord_a', 'ws_1', 'tk_second'), workshop);
  expect((await ticketFor('demo', 'ws_1'))?.token).toBe('tk_second');
});

it('answers null when the device has no storage', async () => {
  const saved = globalThis.indexedDB;
  // biome-ignore lint/suspicious/noExplicitAny: simulating a browser without IndexedDB
  (globalThis as any).indexedDB = undefined;
  try {
    expect(await findTicket('demo', 'ws_1', '')).toBeNull();
  } finally {
    globalThis.indexedDB = saved;
  }
});
