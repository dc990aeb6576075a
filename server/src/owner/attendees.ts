import type { Attendee } from '../contract/owner.ts';
import type { Db } from '../db/database.ts';
import { toCsv } from '../http/csv.ts';
import { msInRoom } from '../rooms/time-in-room.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/**
 * The people who bought or registered for a workshop, in the order they paid: every order that
 * was paid (refunded ones stay listed, with their revoked ticket), with what they did in the room.
 * Two queries whatever the number of attendees: the orders with their tickets, then the passes.
 */
export async function listAttendees(db: Db, workshopId: string, now: number): Promise<Attendee[]> {
  const orders = await db
    .selectFrom('orders')
    .leftJoin('tickets', 'tickets.order_id', 'orders.id')
    .select([
      'orders.id',
      'orders.email',
      'orders.status',
      'orders.paid_at',
      'orders.amount',
      'orders.currency',
      'orders.provider',
      'orders.refund_reason',
      'orders.provider_refund_id',
      'orders.created_at',
      'tickets.id as ticket_id',
      'tickets.status as ticket_status',
    ])
    .where('orders.workshop_id', '=', workshopId)
    .where((eb) =>
      eb.or([
        eb('orders.status', '=', 'paid'),
        eb.and([eb('orders.status', '=', 'refunded'), eb('orders.paid_at', 'is not', null)]),
      ]),
    )
    .orderBy('orders.paid_at')
    .orderBy('orders.id')
    .execute();
  const passes = await db
    .selectFrom('room_passes')
    .select(['ticket_id', 'name', 'connected_at', 'online_since', 'in_room_ms', 'expires_at', 'issued_at'])
    .where('workshop_id', '=', workshopId)
    .where('role', '=', 'learner')
    .where('connected_at', 'is not', null)
    .orderBy('issued_at', 'desc')
    .execute();
  const byTicket = new Map<string | null, typeof passes>();
  for (const p of passes) byTicket.set(p.ticket_id, [...(byTicket.get(p.ticket_id) ?? []), p]);
  return orders.map((o) => {
    const mine = o.ticket_id ? (byTicket.get(o.ticket_id) ?? []) : [];
    const firstJoined = mine.reduce<number | null>(
      (first, p) => (first === null || Number(p.connected_at) < first ? Number(p.connected_at) : first),
      null,
    );
    const ms = mine.reduce((sum, p) => sum + msInRoom(p, now), 0);
    return {
      orderId: o.id,
      // The newest pass carries the name they last gave in the room.
      name: mine[0]?.name ?? null,
      email: o.email,
      status: o.status,
      paidAt: iso(o.paid_at),
      amount: Number(o.amount),
      currency: o.currency,
      provider: o.provider,
      ticket: o.ticket_status ?? null,
      joined: mine.length > 0,
      firstJoinedAt: iso(firstJoined),
      secondsInRoom: Math.floor(ms / 1000),
      refundReason: o.refund_reason,
      refundId: o.provider_refund_id,
    };
  });
}

const CSV_HEADER = [
  'order_id',
  'name',
  'email',
  'status',
  'paid_at',
  'amount',
  'currency',
  'ticket',
  'joined_room',
  'first_joined_at',
  'minutes_in_room',
] as const;

/** The attendee list as a CSV file; amounts in major units ("30.00") so a spreadsheet sums them. */
export function attendeesCsv(attendees: Attendee[]): string {
  return toCsv(
    CSV_HEADER,
    attendees.map((a) => [
      a.orderId,
      a.name,
      a.email,
      a.status,
      a.paidAt,
      majorUnits(a.amount, a.currency),
      a.currency,
      a.ticket,
      a.joined ? 'yes' : 'no',
      a.firstJoinedAt,
      Math.round(a.secondsInRoom / 60),
    ]),
  );
}

/** 3000 EUR → "30.00", 500 JPY → "500": the currency's own number of decimals. */
export function majorUnits(amount: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (amount / 10 ** digits).toFixed(digits);
}
