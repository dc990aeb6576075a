// Test code only: the hand-computed analytics fixture (analytics.test.ts derives every figure).
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { kyselyEventWriter } from '../db/event-writer.ts';
import type { NewEvent, OrderTable } from '../db/schema.ts';

export const NOW = Date.parse('2026-12-01T12:00:00Z');
export const RANGE = { from: '2026-11-01', to: '2026-11-30' };
const at = (iso: string) => Date.parse(iso);

type WorkshopSpec = { id: string; startsAt: string; price: number; currency: string; capacity?: number };
const WORKSHOPS: WorkshopSpec[] = [
  { id: 'ws_a', startsAt: '2026-11-20T10:00:00Z', price: 2000, currency: 'EUR', capacity: 20 },
  { id: 'ws_b', startsAt: '2026-11-25T10:00:00Z', price: 1500, currency: 'USD' },
  { id: 'ws_c', startsAt: '2026-11-28T10:00:00Z', price: 1000, currency: 'EUR' },
  { id: 'ws_old', startsAt: '2026-10-20T10:00:00Z', price: 2000, currency: 'EUR' },
  // On air at NOW (started 10 minutes before): the realtime panel's room.
  { id: 'ws_live', startsAt: '2026-12-01T11:50:00Z', price: 0, currency: 'EUR' },
];

type OrderSpec = {
  workshop: string;
  buyer: string;
  paidAt: string;
  status?: OrderTable['status'];
  free?: boolean;
};
// b1–b6 buy A on 11-10 (b6 refunded); b1–b3, b7, b8 buy B on 11-12; b9 buys C and b10 registers
// for it free on 11-15; b11 bought the old workshop in the previous period.
const ORDERS: OrderSpec[] = [
  ...['b1', 'b2', 'b3', 'b4', 'b5'].map((buyer) => ({
    workshop: 'ws_a',
    buyer,
    paidAt: '2026-11-10T09:00:00Z',
  })),
  { workshop: 'ws_a', buyer: 'b6', paidAt: '2026-11-10T09:00:00Z', status: 'refunded' },
  ...['b1', 'b2', 'b3', 'b7', 'b8'].map((buyer) => ({
    workshop: 'ws_b',
    buyer,
    paidAt: '2026-11-12T09:00:00Z',
  })),
  { workshop: 'ws_c', buyer: 'b9', paidAt: '2026-11-15T09:00:00Z' },
  { workshop: 'ws_c', buyer: 'b10', paidAt: '2026-11-15T09:00:00Z', free: true },
  { workshop: 'ws_old', buyer: 'b11', paidAt: '2026-10-15T09:00:00Z' },
];
/** Ticket holders who joined the room (by buyer), and who they are as readers (anon). */
const ATTENDED: Record<string, string[]> = {
  ws_a: ['b1', 'b2', 'b3'],
  ws_b: ['b1', 'b2', 'b3', 'b7', 'b8'],
  ws_c: ['b9'],
};
/** [content, instructor, interactivity] by workshop, one per attendee, given on Thu 2026-11-26. */
const RATINGS: Record<string, [number, number, number][]> = {
  ws_a: [
    [2, 3, 4],
    [3, 3, 3],
    [4, 4, 4],
  ],
  ws_b: [
    [5, 4, 3],
    [4, 4, 4],
    [5, 5, 5],
    [3, 4, 5],
    [4, 3, 2],
  ],
};

function event(
  anon: string,
  type: string,
  iso: string,
  more: Partial<NewEvent> = {},
  session = `${anon}-s1`,
): NewEvent {
  const ts = at(iso);
  return {
    id: randomUUID(),
    site_id: '',
    anon,
    session,
    type,
    workshop_id: null,
    path: null,
    value: null,
    label: null,
    ts,
    received_at: ts,
    ...more,
  };
}
const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
const range = (a: number, b: number) => times(b - a + 1, (i) => `r${a + i}`);

function events(): NewEvent[] {
  const out: NewEvent[] = [];
  // r1–r6 read /blog/a in two sessions (returning readers); r7–r10 read /blog/b once.
  for (const r of range(1, 6)) {
    out.push(event(r, 'page_view', '2026-11-05T08:00:00Z', { path: '/blog/a' }, `${r}-s0`));
    out.push(event(r, 'page_view', '2026-11-06T08:00:00Z', { path: '/blog/a' }));
    out.push(event(r, 'workshop_impression', '2026-11-06T08:01:00Z', { workshop_id: 'ws_a' }));
    out.push(event(r, 'workshop_click', '2026-11-06T08:02:00Z', { workshop_id: 'ws_a' }));
  }
  for (const r of range(7, 10)) out.push(event(r, 'page_view', '2026-11-07T08:00:00Z', { path: '/blog/b' }));
  for (const r of range(1, 5))
    out.push(event(r, 'workshop_click', '2026-11-08T08:00:00Z', { workshop_id: 'ws_b' }));
  for (const r of ['r7', 'r8'])
    out.push(event(r, 'workshop_click', '2026-11-08T08:00:00Z', { workshop_id: 'ws_c' }));
  // Recommendations: model 200 impressions / 30 clicks, popularity 200 / 20.
  for (const i of times(200, (i) => i)) {
    out.push(
      event(`r${(i % 10) + 1}`, 'reco_impression', '2026-11-06T07:00:00Z', {
        workshop_id: 'ws_a',
        label: 'v1:model',
      }),
    );
    out.push(
      event(`r${(i % 10) + 1}`, 'reco_impression', '2026-11-06T07:00:00Z', {
        workshop_id: 'ws_b',
        label: 'fallback:popularity',
      }),
    );
  }
  // Model clicks: r1–r5 on A (each then checks out and buys A), 25 by r6 on C (no checkout).
  for (const r of range(1, 5))
    out.push(event(r, 'reco_click', '2026-11-06T07:30:00Z', { workshop_id: 'ws_a', label: 'v1:model' }));
  for (const _ of times(25, (i) => i))
    out.push(event('r6', 'reco_click', '2026-11-06T07:30:00Z', { workshop_id: 'ws_c', label: 'v1:model' }));
  // Popularity clicks: r1–r4 on B (each then checks out B, nobody's purchase event), 16 by r10 on C.
  for (const r of range(1, 4))
    out.push(
      event(r, 'reco_click', '2026-11-07T07:30:00Z', { workshop_id: 'ws_b', label: 'fallback:popularity' }),
    );
  for (const _ of times(16, (i) => i))
    out.push(
      event('r10', 'reco_click', '2026-11-07T07:30:00Z', {
        workshop_id: 'ws_c',
        label: 'fallback:popularity',
      }),
    );
  for (const r of range(1, 5)) {
    out.push(event(r, 'checkout_start', '2026-11-09T09:00:00Z', { workshop_id: 'ws_a' }));
    out.push(event(r, 'purchase', '2026-11-10T09:00:00Z', { workshop_id: 'ws_a' }));
  }
  for (const r of range(1, 4))
    out.push(event(r, 'checkout_start', '2026-11-11T09:00:00Z', { workshop_id: 'ws_b' }));
  out.push(event('r7', 'checkout_start', '2026-11-14T09:00:00Z', { workshop_id: 'ws_c' }));
  // In the rooms: seconds per leave (r3 left A twice), and counted interactions.
  const leaves: [string, string, number][] = [
    ['ws_a', 'r1', 600],
    ['ws_a', 'r2', 1800],
    ['ws_a', 'r3', 1800],
    ['ws_a', 'r3', 1800],
    ['ws_b', 'r1', 1200],
    ['ws_b', 'r2', 2400],
    ['ws_b', 'r3', 3000],
    ['ws_b', 'r4', 600],
    ['ws_b', 'r5', 1800],
    ['ws_c', 'r9', 900],
  ];
  for (const [w, r, s] of leaves)
    out.push(event(r, 'room_leave', '2026-11-28T12:00:00Z', { workshop_id: w, value: s }));
  const chats: [string, string, string, number][] = [
    ['ws_a', 'r1', 'chat', 3],
    ['ws_a', 'r2', 'chat', 3],
    ['ws_a', 'r3', 'question', 2],
    ['ws_b', 'r1', 'chat', 4],
  ];
  for (const [w, r, label, n] of chats) {
    for (const _ of times(n, (i) => i))
      out.push(event(r, 'room_interaction', '2026-11-28T11:00:00Z', { workshop_id: w, label, value: 1 }));
  }
  // Realtime: three readers a minute before NOW (outside the range).
  for (const r of range(1, 3))
    out.push({
      ...event(r, 'page_view', '2026-12-01T11:59:00Z', { path: '/blog/a' }),
      received_at: NOW - 60_000,
    });
  return out;
}

/** Fills `siteId` with the fixture; returns nothing, the test recomputes every figure by hand. */
export async function seedFixture(db: Db, siteId: string): Promise<void> {
  for (const w of WORKSHOPS) {
    const startsAt = at(w.startsAt);
    await db
      .insertInto('workshops')
      .values({
        id: w.id,
        site_id: siteId,
        status: 'published',
        title: `Workshop ${w.id}`,
        summary: '',
        description: '',
        host_name: 'Host',
        starts_at: startsAt,
        duration_minutes: 60,
        time_zone: 'UTC',
        capacity: w.capacity ?? 10,
        price_amount: w.price,
        currency: w.currency,
        tags: '[]',
        language: 'en',
        created_at: startsAt - 30 * 86_400_000,
        updated_at: startsAt,
        published_at: startsAt - 30 * 86_400_000,
        cancelled_at: null,
      })
      .execute();
  }
  const ticketOf = new Map<string, string>();
  for (const [i, o] of ORDERS.entries()) {
    const w = WORKSHOPS.find((x) => x.id === o.workshop) as WorkshopSpec;
    const paidAt = at(o.paidAt);
    const status = o.status ?? 'paid';
    await db
      .insertInto('orders')
      .values({
        id: `ord_${i}`,
        site_id: siteId,
        workshop_id: o.workshop,
        status,
        email: `${o.buyer}@example.org`,
        amount: o.free ? 0 : w.price,
        currency: w.currency,
        provider: o.free ? 'free' : 'stripe',
        provider_session_id: null,
        hold_expires_at: null,
        created_at: paidAt,
        updated_at: paidAt,
        paid_at: paidAt,
        return_url: null,
        provider_payment_id: null,
      })
      .execute();
    const ticket = `tk_${o.workshop}_${o.buyer}`;
    ticketOf.set(`${o.workshop}/${o.buyer}`, ticket);
    await db
      .insertInto('tickets')
      .values({
        id: ticket,
        order_id: `ord_${i}`,
        site_id: siteId,
        workshop_id: o.workshop,
        status: status === 'refunded' ? 'revoked' : 'active',
        issued_at: paidAt,
        revoked_at: null,
      })
      .execute();
  }
  const pass = (
    workshop: string,
    ticket: string,
    connectedAt: number,
    more: { superseded?: number; removed?: number } = {},
  ) =>
    db
      .insertInto('room_passes')
      .values({
        peer_id: `peer_${ticket}`,
        workshop_id: workshop,
        site_id: siteId,
        role: 'learner',
        ticket_id: ticket,
        name: 'Learner',
        issued_at: connectedAt,
        expires_at: connectedAt + 4 * 3_600_000,
        superseded_at: more.superseded ?? null,
        removed_at: more.removed ?? null,
        connected_at: connectedAt,
      })
      .execute();
  for (const [workshop, buyers] of Object.entries(ATTENDED)) {
    const w = WORKSHOPS.find((x) => x.id === workshop) as WorkshopSpec;
    for (const b of buyers) await pass(workshop, ticketOf.get(`${workshop}/${b}`) as string, at(w.startsAt));
  }
  // Live now: 5 learners connected, one superseded and one removed (not counted).
  for (const i of times(7, (i) => i)) {
    await pass('ws_live', `tk_live_${i}`, NOW - 5 * 60_000, {
      superseded: i === 5 ? NOW - 60_000 : undefined,
      removed: i === 6 ? NOW - 60_000 : undefined,
    });
  }
  const rated = at('2026-11-26T12:00:00Z');
  for (const [workshop, scores] of Object.entries(RATINGS)) {
    for (const [i, [content, instructor, interactivity]] of scores.entries()) {
      await db
        .insertInto('ratings')
        .values({
          id: `rt_${workshop}_${i}`,
          site_id: siteId,
          workshop_id: workshop,
          ticket_id: `tk_${workshop}_${ATTENDED[workshop][i]}`,
          content,
          instructor,
          interactivity,
          comment: null,
          created_at: rated,
          updated_at: rated,
        })
        .execute();
    }
  }
  const all = events().map((e) => ({ ...e, site_id: siteId }));
  // Through the server's writer, so the aggregates the panels read are kept as in production.
  const write = kyselyEventWriter(db);
  for (let i = 0; i < all.length; i += 100) await write([all.slice(i, i + 100)]);
}
