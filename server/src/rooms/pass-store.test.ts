import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { PassStore } from './pass-store.ts';
import { paidTicket } from './test-tickets.ts';

let t: TestApp;
let store: PassStore;
let siteId: string;
let workshopId: string;

beforeEach(async () => {
  t = await createTestApp();
  store = new PassStore(t.deps.db, t.deps.now);
  siteId = (await t.site()).id;
  workshopId = (await publishedWorkshop(t, siteId, { startsAt: new Date(Date.now() + 60_000).toISOString() }))
    .id;
});
afterEach(async () => {
  await t.close();
});

async function pass(peerId: string, ticketId: string | null) {
  await store.insert({
    peer_id: peerId,
    workshop_id: workshopId,
    site_id: siteId,
    role: ticketId ? 'learner' : 'host',
    ticket_id: ticketId,
    name: peerId,
    issued_at: Date.now(),
    expires_at: Date.now() + 3_600_000,
    superseded_at: null,
    removed_at: null,
    connected_at: null,
  });
}

async function ticketOf(orderId: string): Promise<string> {
  const row = await t.deps.db
    .selectFrom('tickets')
    .select('id')
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function refund(orderId: string) {
  await t.deps.tickets.revoke(t.deps.db, orderId);
  await t.deps.db.updateTable('orders').set({ status: 'refunded' }).where('id', '=', orderId).execute();
}

const activeIds = async () => (await store.active(workshopId)).map((p) => p.peer_id).sort();

describe('PassStore: a learner pass is valid only while its ticket is', () => {
  it('a host pass and a learner pass on a paid ticket open the room', async () => {
    const { orderId } = await paidTicket(t.deps, siteId, workshopId);
    await pass('lh-host', null);
    await pass('ll-paid', await ticketOf(orderId));
    expect(await store.state('lh-host')).toMatchObject({ role: 'host', ticketHolds: true, opens: true });
    expect(await store.state('ll-paid')).toMatchObject({ role: 'learner', ticketHolds: true, opens: true });
    expect(await activeIds()).toEqual(['lh-host', 'll-paid']);
  });

  it('a refunded ticket closes its pass: not active, and the state says the ticket is why', async () => {
    const { orderId } = await paidTicket(t.deps, siteId, workshopId);
    await pass('ll-refunded', await ticketOf(orderId));
    await refund(orderId);
    expect(await store.state('ll-refunded')).toMatchObject({ ticketHolds: false, opens: false });
    expect(await activeIds()).toEqual([]);
  });

  it('a superseded or removed pass no longer opens the room though its ticket holds', async () => {
    const { orderId } = await paidTicket(t.deps, siteId, workshopId);
    const ticketId = await ticketOf(orderId);
    await pass('ll-old', ticketId);
    await pass('ll-new', ticketId);
    await store.supersede(['ll-old']);
    expect(await store.state('ll-old')).toMatchObject({ ticketHolds: true, opens: false });
    expect(await activeIds()).toEqual(['ll-new']);
    await store.removeTicket(workshopId, ticketId);
    expect(await store.state('ll-new')).toMatchObject({ ticketHolds: true, opens: false });
    expect(await activeIds()).toEqual([]);
  });

  it('a pass takes its seat once: the first connect only, then the earlier seat holders are found', async () => {
    const { orderId } = await paidTicket(t.deps, siteId, workshopId);
    const ticketId = await ticketOf(orderId);
    await pass('ll-laptop', ticketId);
    await pass('ll-phone', ticketId);
    expect(await store.firstConnect('ll-laptop')).toBe(true);
    expect(await store.firstConnect('ll-laptop')).toBe(false);
    expect(await store.seatHoldersBefore(workshopId, ticketId, 'll-phone')).toEqual(['ll-laptop']);
    expect(await store.ticketsSeen(workshopId)).toBe(1);
  });

  it('answers null for an unknown peer id', async () => {
    expect(await store.state('ll-nobody')).toBeNull();
  });
});
