import { sql } from 'kysely';
import type { RefundReason } from '../contract/checkout.ts';
import type { Db } from '../db/database.ts';
import { forUpdate } from '../db/row-lock.ts';

/** The workshop row a seat decision reads, locked for the rest of the transaction. */
export type LockedWorkshop = { capacity: number; status: string; endsAt: number };

/**
 * Locks the workshop for the transaction, so that two decisions about its seats (two checkouts,
 * a checkout and a late payment) never both see the same free seat.
 */
export async function lockWorkshop(trx: Db, workshopId: string): Promise<LockedWorkshop | undefined> {
  const row = await forUpdate(
    trx,
    trx
      .selectFrom('workshops')
      .select(['capacity', 'status', 'starts_at', 'duration_minutes'])
      .where('id', '=', workshopId),
  ).executeTakeFirst();
  if (!row) return undefined;
  return {
    capacity: row.capacity,
    status: row.status,
    endsAt: Number(row.starts_at) + row.duration_minutes * 60_000,
  };
}

/** Seats taken = paid orders + holds that have not lapsed (the rule every seat count uses). */
export async function seatsTaken(trx: Db, workshopId: string, now: number): Promise<number> {
  const taken = await trx
    .selectFrom('orders')
    .select(sql<number>`count(*)`.as('n'))
    .where('workshop_id', '=', workshopId)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'paid'),
        eb.and([eb('status', '=', 'held'), eb('hold_expires_at', '>', now)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(taken.n);
}

/** Whether an order's hold still counts as a seat. */
export function holdsSeat(order: { status: string; hold_expires_at: number | null }, now: number): boolean {
  return order.status === 'held' && order.hold_expires_at !== null && Number(order.hold_expires_at) > now;
}

/**
 * Why an order can no longer have a seat, or null when it can: its own live hold, or a seat still
 * free. Called inside the transaction that then gives or refuses the seat.
 */
export async function seatRefusal(
  trx: Db,
  workshopId: string,
  order: { status: string; hold_expires_at: number | null },
  now: number,
): Promise<RefundReason | null> {
  const workshop = await lockWorkshop(trx, workshopId);
  if (!workshop || workshop.status === 'cancelled') return 'workshop_cancelled';
  if (workshop.endsAt < now) return 'workshop_ended';
  if (holdsSeat(order, now)) return null;
  return (await seatsTaken(trx, workshopId, now)) >= workshop.capacity ? 'sold_out' : null;
}
