import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { CheckoutRequest, OrderView } from '../contract/checkout.ts';
import type { PublicWorkshop } from '../contract/workshop.ts';
import type { Db } from '../db/database.ts';
import { forUpdate } from '../db/row-lock.ts';
import type { Database, OrderRow } from '../db/schema.ts';
import { HttpError, notFound } from '../http/http-error.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../log.ts';
import type { TicketService } from '../tickets/ticket-service.ts';

/** A seat is held this long while the reader pays (the payment session closes a little earlier). */
export const HOLD_MS = 35 * 60_000;

/** Who holds the seat and for how long a free registration waits for its confirmation link. */
export type HoldOptions = {
  clientKey?: string;
  freeHoldMs?: number;
  /** Throws to refuse the hold; runs inside its transaction (checkout/hold-limits.ts). */
  checkLimits?: (trx: Transaction<Database>, now: number) => Promise<void>;
};

/** What a confirmation link found: the order now paid (`confirmed` says whether this call did it). */
export type ConfirmOutcome =
  | { kind: 'confirmed'; order: OrderRow; now: boolean }
  | { kind: 'full' | 'closed' | 'cancelled'; order: OrderRow }
  | { kind: 'unknown' };

/**
 * The orders table and its transitions. Each transition is one transaction guarded by the order's
 * current status, and returns the order it changed (null when nothing changed), so duplicate and
 * out-of-order calls converge. The ticket is issued or revoked inside the same transaction; every
 * other consequence is `OrderLifecycle`'s (order-lifecycle.ts), which is the only caller.
 */
export class OrderStore {
  constructor(
    private readonly db: Db,
    private readonly tickets: TicketService,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {}

  /**
   * Holds one seat, atomically: paid orders plus unexpired holds never exceed capacity, however
   * many checkouts race. A free registration's hold is short and waits for its confirmation link.
   */
  async hold(
    workshop: PublicWorkshop,
    input: Required<Pick<CheckoutRequest, 'returnUrl' | 'locale'>> & { email?: string },
    provider: string,
    options: HoldOptions = {},
  ): Promise<OrderRow> {
    const now = this.now();
    const free = workshop.priceAmount === 0;
    return this.db.transaction().execute(async (trx) => {
      const locked = await forUpdate(
        trx,
        trx.selectFrom('workshops').select(['capacity', 'status', 'starts_at']).where('id', '=', workshop.id),
      ).executeTakeFirst();
      if (
        locked?.status !== 'published' ||
        Number(locked.starts_at) + workshop.durationMinutes * 60_000 < now
      ) {
        throw new HttpError(409, 'not_purchasable', 'This workshop is not on sale');
      }
      await options.checkLimits?.(trx, now);
      if ((await this.seatsTaken(trx, workshop.id, now)) >= locked.capacity)
        throw new HttpError(409, 'sold_out', 'This workshop is sold out');
      const row: OrderRow = {
        id: newId('ord'),
        site_id: workshop.siteId,
        workshop_id: workshop.id,
        status: 'held',
        email: input.email ?? null,
        amount: workshop.priceAmount,
        currency: workshop.currency,
        provider: free ? 'free' : provider,
        provider_session_id: null,
        provider_payment_id: null,
        hold_expires_at: now + (free ? (options.freeHoldMs ?? HOLD_MS) : HOLD_MS),
        created_at: now,
        updated_at: now,
        paid_at: null,
        return_url: input.returnUrl,
        locale: input.locale,
        client_key: options.clientKey ?? null,
        checkout_json: null,
        confirm_token: free ? randomBytes(24).toString('base64url') : null,
      };
      await trx.insertInto('orders').values(row).execute();
      return row;
    });
  }

  /** Paid orders plus unexpired holds: the seats no one else can take. */
  private async seatsTaken(trx: Transaction<Database>, workshopId: string, now: number): Promise<number> {
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

  /** This client's unexpired hold for the workshop under this email, if any (a retry resumes it). */
  async activeHoldFor(workshopId: string, email: string, clientKey: string): Promise<OrderRow | undefined> {
    return this.db
      .selectFrom('orders')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .where('client_key', '=', clientKey)
      .where('status', '=', 'held')
      .where('hold_expires_at', '>', this.now())
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  }

  /** Keeps what the reader was sent to pay with, so a retry can send them there again. */
  async rememberCheckout(orderId: string, checkoutJson: string): Promise<void> {
    await this.db
      .updateTable('orders')
      .set({ checkout_json: checkoutJson })
      .where('id', '=', orderId)
      .execute();
  }

  async findByConfirmToken(token: string): Promise<OrderRow | undefined> {
    return this.db.selectFrom('orders').selectAll().where('confirm_token', '=', token).executeTakeFirst();
  }

  /**
   * Makes a free registration final and issues its ticket. A hold that lapsed still gets its seat
   * when one is free; a workshop that was cancelled or has ended confirms nothing. Idempotent.
   */
  async confirm(orderId: string): Promise<ConfirmOutcome> {
    const now = this.now();
    return this.db.transaction().execute(async (trx): Promise<ConfirmOutcome> => {
      const order = await trx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
      if (order?.provider !== 'free') return { kind: 'unknown' };
      if (order.status === 'paid') return { kind: 'confirmed', order, now: false };
      const w = await forUpdate(
        trx,
        trx
          .selectFrom('workshops')
          .select(['capacity', 'status', 'starts_at', 'duration_minutes'])
          .where('id', '=', order.workshop_id),
      ).executeTakeFirstOrThrow();
      if (w.status !== 'published' || order.status === 'refunded') return { kind: 'cancelled', order };
      if (Number(w.starts_at) + Number(w.duration_minutes) * 60_000 < now) return { kind: 'closed', order };
      const stillHeld = order.status === 'held' && Number(order.hold_expires_at) > now;
      if (!stillHeld && (await this.seatsTaken(trx, order.workshop_id, now)) >= w.capacity) {
        return { kind: 'full', order };
      }
      const paid: OrderRow = {
        ...order,
        status: 'paid',
        paid_at: now,
        updated_at: now,
        hold_expires_at: null,
      };
      await trx
        .updateTable('orders')
        .set({ status: 'paid', paid_at: now, updated_at: now, hold_expires_at: null })
        .where('id', '=', orderId)
        .execute();
      await this.tickets.issue(trx, paid);
      return { kind: 'confirmed', order: paid, now: true };
    });
  }

  async attachSession(orderId: string, sessionId: string): Promise<void> {
    await this.db
      .updateTable('orders')
      .set({ provider_session_id: sessionId, updated_at: this.now() })
      .where('id', '=', orderId)
      .execute();
  }

  async get(orderId: string): Promise<OrderRow> {
    const row = await this.db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
    if (!row) throw notFound('Order');
    return row;
  }

  async findBySession(provider: string, sessionId: string): Promise<OrderRow | undefined> {
    return this.db
      .selectFrom('orders')
      .selectAll()
      .where('provider', '=', provider)
      .where('provider_session_id', '=', sessionId)
      .executeTakeFirst();
  }

  async findByPayment(paymentId: string): Promise<OrderRow | undefined> {
    return this.db
      .selectFrom('orders')
      .selectAll()
      .where('provider_payment_id', '=', paymentId)
      .executeTakeFirst();
  }

  /**
   * Marks an order paid and issues its ticket. Idempotent; a refunded order stays refunded (a
   * refund delivered before the completion must not resurrect the ticket).
   */
  async markPaid(
    orderId: string,
    details: { paymentId?: string | null; email?: string | null } = {},
  ): Promise<OrderRow | null> {
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const order = await trx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
      if (!order) throw notFound('Order');
      if (order.status === 'paid' || order.status === 'refunded') return null;
      if (
        order.status !== 'held' ||
        (order.hold_expires_at !== null && Number(order.hold_expires_at) < now)
      ) {
        // Money was taken after the hold lapsed (clock skew, slow webhook): honour it, but say so.
        this.log.warn({ orderId, status: order.status }, 'payment completed after the seat hold ended');
      }
      const updated: OrderRow = {
        ...order,
        status: 'paid',
        paid_at: now,
        updated_at: now,
        hold_expires_at: null,
        provider_payment_id: details.paymentId ?? order.provider_payment_id,
        email: order.email ?? details.email ?? null,
      };
      await trx
        .updateTable('orders')
        .set({
          status: 'paid',
          paid_at: now,
          updated_at: now,
          hold_expires_at: null,
          provider_payment_id: updated.provider_payment_id,
          email: updated.email,
        })
        .where('id', '=', orderId)
        .execute();
      await this.tickets.issue(trx, updated);
      return updated;
    });
  }

  /** Ends a hold (checkout expired or cancelled) and frees the seat. Paid orders are untouched. */
  async release(orderId: string, status: 'expired' | 'cancelled'): Promise<OrderRow | null> {
    const result = await this.db
      .updateTable('orders')
      .set({ status, updated_at: this.now() })
      .where('id', '=', orderId)
      .where('status', '=', 'held')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? this.get(orderId) : null;
  }

  /** A full refund revokes the ticket and frees the seat. Works whatever state the order is in. */
  async refund(orderId: string, paymentId?: string | null): Promise<OrderRow | null> {
    const now = this.now();
    const changed = await this.db.transaction().execute(async (trx) => {
      const order = await trx
        .selectFrom('orders')
        .select(['status'])
        .where('id', '=', orderId)
        .executeTakeFirst();
      if (!order || order.status === 'refunded') return false;
      await trx
        .updateTable('orders')
        .set({
          status: 'refunded',
          updated_at: now,
          hold_expires_at: null,
          ...(paymentId && { provider_payment_id: paymentId }),
        })
        .where('id', '=', orderId)
        .execute();
      await this.tickets.revoke(trx, orderId);
      return true;
    });
    return changed ? this.get(orderId) : null;
  }

  /** The held orders whose hold has lapsed (seat counts already ignore them). */
  async lapsedHolds(): Promise<string[]> {
    const lapsed = await this.db
      .selectFrom('orders')
      .select('id')
      .where('status', '=', 'held')
      .where('hold_expires_at', '<=', this.now())
      .execute();
    return lapsed.map((order) => order.id);
  }

  async view(order: OrderRow): Promise<OrderView> {
    return {
      id: order.id,
      siteId: order.site_id,
      workshopId: order.workshop_id,
      status: order.status,
      amount: order.amount,
      currency: order.currency,
      holdExpiresAt:
        order.hold_expires_at === null ? null : new Date(Number(order.hold_expires_at)).toISOString(),
      ticket: order.status === 'paid' || order.status === 'refunded' ? await this.tickets.view(order) : null,
    };
  }
}
