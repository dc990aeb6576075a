import type { ExpressionBuilder, Insertable, SelectQueryBuilder } from 'kysely';
import type { RoomRole } from '../contract/rooms.ts';
import type { Db } from '../db/database.ts';
import type { RoomPassRow, RoomPassTable } from '../db/schema.ts';

/** A pass with what decides whether it still opens the room. */
export type PassState = {
  workshopId: string;
  role: RoomRole;
  siteId: string;
  ticketId: string | null;
  /** False for a learner pass whose ticket was refunded (revoked); always true for the host's. */
  ticketHolds: boolean;
  /** Opens the room now: not superseded, not removed, the room not ended, and `ticketHolds`. */
  opens: boolean;
  /** Would open it if the room had not been ended: what a host's pass needs to reopen the room. */
  opensOnceReopened: boolean;
};

/** The passes joined with their ticket, the ticket's order and the room: every rule below reads these. */
const withTicket = (db: Db) =>
  db
    .selectFrom('room_passes')
    .leftJoin('tickets', 'tickets.id', 'room_passes.ticket_id')
    .leftJoin('orders', 'orders.id', 'tickets.order_id')
    .leftJoin('rooms', 'rooms.workshop_id', 'room_passes.workshop_id');
type PassEb =
  ReturnType<typeof withTicket> extends SelectQueryBuilder<infer D, infer T, infer _O>
    ? ExpressionBuilder<D, T>
    : never;

/**
 * The rule, stated once: a learner pass is valid only while its ticket is (active, on a paid
 * order) — a refunded ticket opens nothing. A host pass has no ticket.
 */
const ticketHolds = (eb: PassEb) =>
  eb.or([
    eb('room_passes.role', '=', 'host'),
    eb.and([eb('tickets.status', '=', 'active'), eb('orders.status', '=', 'paid')]),
  ]);

/** The `room_passes` table: signalling passes, who holds which seat, and which still open the room. */
export class PassStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async insert(pass: Insertable<RoomPassTable>): Promise<void> {
    await this.db.insertInto('room_passes').values(pass).execute();
  }

  /**
   * One pass and whether it still opens the room, in one query (pass, ticket, order and room
   * end): it runs on every signalling socket that opens, so a learner's way in waits on one read.
   */
  async state(peerId: string): Promise<PassState | null> {
    const row = await withTicket(this.db)
      .select((eb) => [
        'room_passes.workshop_id',
        'room_passes.role',
        'room_passes.site_id',
        'room_passes.ticket_id',
        'room_passes.superseded_at',
        'room_passes.removed_at',
        'rooms.ended_at',
        ticketHolds(eb).as('ticket_holds'),
      ])
      .where('room_passes.peer_id', '=', peerId)
      .executeTakeFirst();
    if (!row) return null;
    const holds = Boolean(row.ticket_holds);
    return {
      workshopId: row.workshop_id,
      role: row.role,
      siteId: row.site_id,
      ticketId: row.ticket_id,
      ticketHolds: holds,
      opensOnceReopened: holds && row.superseded_at === null && row.removed_at === null,
      opens: holds && row.superseded_at === null && row.removed_at === null && row.ended_at == null,
    };
  }

  /** Passes that still open the room: not superseded, removed or expired, and on a ticket that holds. */
  active(workshopId: string): Promise<RoomPassRow[]> {
    return withTicket(this.db)
      .selectAll('room_passes')
      .where('room_passes.workshop_id', '=', workshopId)
      .where('room_passes.superseded_at', 'is', null)
      .where('room_passes.removed_at', 'is', null)
      .where('room_passes.expires_at', '>', this.now())
      .where(ticketHolds)
      .execute();
  }

  /** Every pass a ticket was given for the room, newest first. */
  ofTicket(workshopId: string, ticketId: string): Promise<RoomPassRow[]> {
    return this.db
      .selectFrom('room_passes')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .where('ticket_id', '=', ticketId)
      .orderBy('issued_at', 'desc')
      .execute();
  }

  /** How many tickets were ever given a pass for the room (numbers "Learner N"). */
  async ticketsSeen(workshopId: string): Promise<number> {
    const row = await this.db
      .selectFrom('room_passes')
      .select((eb) => eb.fn.count<number>('ticket_id').distinct().as('n'))
      .where('workshop_id', '=', workshopId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Marks a pass connected; true only the first time (when it takes its ticket's seat). */
  async firstConnect(peerId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('room_passes')
      .set({ connected_at: this.now() })
      .where('peer_id', '=', peerId)
      .where('connected_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The ticket's other passes that connected before and still hold the seat. */
  async seatHoldersBefore(workshopId: string, ticketId: string, peerId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('room_passes')
      .select('peer_id')
      .where('workshop_id', '=', workshopId)
      .where('ticket_id', '=', ticketId)
      .where('peer_id', '!=', peerId)
      .where('superseded_at', 'is', null)
      .where('connected_at', 'is not', null)
      .execute();
    return rows.map((r) => r.peer_id);
  }

  async supersede(peerIds: string[]): Promise<void> {
    if (!peerIds.length) return;
    await this.db
      .updateTable('room_passes')
      .set({ superseded_at: this.now() })
      .where('peer_id', 'in', peerIds)
      .execute();
  }

  /** The passes of an order's tickets that no other device superseded. */
  async unsupersededOfOrder(orderId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('room_passes')
      .innerJoin('tickets', 'tickets.id', 'room_passes.ticket_id')
      .select('room_passes.peer_id')
      .where('tickets.order_id', '=', orderId)
      .where('room_passes.superseded_at', 'is', null)
      .execute();
    return rows.map((r) => r.peer_id);
  }

  /** A pass of this room, or undefined. */
  inRoom(workshopId: string, peerId: string) {
    return this.db
      .selectFrom('room_passes')
      .select(['ticket_id', 'role'])
      .where('peer_id', '=', peerId)
      .where('workshop_id', '=', workshopId)
      .executeTakeFirst();
  }

  /** Bars a ticket's seat: every pass of the ticket, not just one device's. */
  async removeTicket(workshopId: string, ticketId: string | null): Promise<void> {
    await this.db
      .updateTable('room_passes')
      .set({ removed_at: this.now() })
      .where('workshop_id', '=', workshopId)
      .where('ticket_id', '=', ticketId)
      .execute();
  }
}
