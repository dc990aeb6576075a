import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { CheckoutRequest, OrderView, OwnerOrderView } from '../contract/checkout.ts';
import type { PublicWorkshop } from '../contract/workshop.ts';
import type { Db } from '../db/database.ts';
import { forUpdate } from '../db/row-lock.ts';
import type { Database, OrderRow } from '../db/schema.ts';
import { HttpError, notFound } from '../http/http-error.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../log.ts';
import type { TicketService } from '../tickets/ticket-service.ts';
import { orderSummary, ownerOrderView } from './order-view.ts';
import { holdsSeat, lockWorkshop, seatRefusal, seatsTaken } from './seats.ts';

/** A seat is held this long while the reader pays (the payment session closes a little earlier). */
export const HOLD_MS = 35 * 60_000;

export type PaymentDetails = { paymentId?: string | null; email?: string | null };

/** What a completed payment did: it bought the seat, or the seat was gone and it is to be refunded. */
export type Settlement = { outcome: 'paid' | 'refund_owed'; order: OrderRow };

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
      const locked = await lockWorkshop(trx, workshop.id);
      if (locked?.status !== 'published' || locked.endsAt < now) {
        throw new HttpError(409, 'not_purchasable', 'This workshop is not on sale');
      }
      await options.checkLimits?.(trx, now);
      if ((await seatsTaken(trx, workshop.id, now)) >= locked.capacity)
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
        refund_reason: null,
        provider_refund_id: null,
        client_key: options.clientKey ?? null,
        checkout_json: null,
        confirm_token: free ? randomBytes(24).toString('base64url') : null,
      };
      await trx.insertInto('orders').values(row).execute();
      return row;
    });
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
      if (!stillHeld && (await seatsTaken(trx, order.workshop_id, now)) >= w.capacity) {
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
   * The provider took the money: the order is paid and its ticket issued if it still has a seat
   * (its own live hold, or a seat still free when the hold had lapsed or been released), all in
   * one transaction with the seat count. Otherwise the order becomes a refund owed, with the
   * reason; the caller returns the money. Idempotent; a refunded order stays refunded (a refund
   * delivered before the completion must not resurrect the ticket).
   */
  async settle(orderId: string, details: PaymentDetails = {}): Promise<Settlement | null> {
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const order = await trx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
      if (!order) throw notFound('Order');
      if (order.status === 'paid' || order.status === 'refunded') return null;
      const refusal = await seatRefusal(trx, order.workshop_id, order, now);
      if (!holdsSeat(order, now)) {
        this.log.warn(
          { orderId, status: order.status, refusal },
          'payment completed after the seat hold ended',
        );
      }
      const paid = {
        status: refusal ? ('refunded' as const) : ('paid' as const),
        paid_at: refusal ? order.paid_at : now,
        updated_at: now,
        hold_expires_at: null,
        provider_payment_id: details.paymentId ?? order.provider_payment_id,
        email: order.email ?? details.email ?? null,
        refund_reason: refusal,
      };
      await trx.updateTable('orders').set(paid).where('id', '=', orderId).execute();
      const updated: OrderRow = { ...order, ...paid };
      if (refusal) return { outcome: 'refund_owed', order: updated };
      await this.tickets.issue(trx, updated);
      return { outcome: 'paid', order: updated };
    });
  }

  /**
   * A payment method that settles later (bank debit, voucher) was chosen: the seat stays held
   * until `until` or the outcome, whichever comes first. A hold that lapsed or expired meanwhile
   * takes a seat again if one is free; if none is, the outcome decides (a success is then
   * refunded by `settle`). Returns the order when it now holds a seat.
   */
  async awaitSettlement(orderId: string, until: number): Promise<OrderRow | null> {
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const order = await trx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
      // Not after a failed payment ('cancelled'): that order is over, whatever arrives late.
      if (order?.status !== 'held' && order?.status !== 'expired') return null;
      if (await seatRefusal(trx, order.workshop_id, order, now)) return null;
      const held = { status: 'held' as const, hold_expires_at: until, updated_at: now };
      await trx.updateTable('orders').set(held).where('id', '=', orderId).execute();
      return { ...order, ...held };
    });
  }

  /** The provider confirmed the refund of a late payment; false when it was already recorded. */
  async refundSent(orderId: string, refundId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('orders')
      .set({ provider_refund_id: refundId, updated_at: this.now() })
      .where('id', '=', orderId)
      .where('provider_refund_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Refunds of late payments the provider has not confirmed yet (it was down, or we crashed). */
  async refundsOwed(): Promise<OrderRow[]> {
    return this.db
      .selectFrom('orders')
      .selectAll()
      .where('status', '=', 'refunded')
      .where('refund_reason', 'is not', null)
      .where('provider_refund_id', 'is', null)
      .execute();
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

  /** A site's orders as its owner sees them, newest first (at most 500; `workshopId` narrows). */
  async listForOwner(siteId: string, workshopId?: string): Promise<OwnerOrderView[]> {
    let query = this.db.selectFrom('orders').selectAll().where('site_id', '=', siteId);
    if (workshopId) query = query.where('workshop_id', '=', workshopId);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(500).execute();
    return rows.map(ownerOrderView);
  }

  async view(order: OrderRow): Promise<OrderView> {
    return {
      ...orderSummary(order),
      ticket: order.status === 'paid' || order.status === 'refunded' ? await this.tickets.view(order) : null,
    };
  }
}
