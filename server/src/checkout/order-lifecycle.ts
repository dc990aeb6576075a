import type { AppDeps } from '../app-deps.ts';
import type {
  CheckoutMode,
  CheckoutResponse,
  CheckoutStart,
  OrderView,
  OwnerOrderView,
} from '../contract/checkout.ts';
import type { PublicWorkshop } from '../contract/workshop.ts';
import type { OrderRow } from '../db/schema.ts';
import { HttpError } from '../http/http-error.ts';
import type { PaymentSession } from '../payments/payment-provider.ts';
import type { RoomService } from '../rooms/room-service.ts';
import type { Site } from '../sites/site-store.ts';
import { sendConfirmEmail } from './confirm-email.ts';
import { checkHoldLimits } from './hold-limits.ts';
import type { ConfirmOutcome, OrderStore, PaymentDetails } from './order-store.ts';
import { sendLateRefundEmail } from './refund-email.ts';
import { withParams } from './return-url.ts';
import { sendTicketEmail } from './ticket-email.ts';

/** The payment session closes this long after the checkout; the seat hold (HOLD_MS) a little later. */
export const PAYMENT_WINDOW_MS = 30 * 60_000;
/** A retry is not sent to a payment session about to close: it gets a fresh one. */
const RESUME_MARGIN_MS = 2 * 60_000;

/**
 * How long a seat waits for a payment that settles later (bank debits take up to 14 days).
 * Should no outcome arrive by then, a later success still takes a free seat or is refunded.
 */
export const SETTLEMENT_HOLD_MS = 14 * 86_400_000;

/** A late payment refunded by Lectern whose refund the provider has not confirmed yet. */
const owesRefund = (order: OrderRow) =>
  order.status === 'refunded' && order.refund_reason !== null && order.provider_refund_id === null;

export type OrderLifecycleDeps = Pick<
  AppDeps,
  'config' | 'log' | 'now' | 'workshops' | 'tickets' | 'mailer' | 'waitlist' | 'payments'
> & {
  /** Room passes of a refunded ticket are closed (only this part of the rooms is needed). */
  rooms: Pick<RoomService, 'orderRefunded'>;
};

/** A checkout as the route accepted it: the body, with the return URL checked against the site. */
export type CheckoutInput = {
  workshopId: string;
  email?: string;
  returnUrl: string;
  mode: CheckoutMode;
  locale: 'en' | 'zh-CN';
  /** Who asks (hold-limits.ts `clientKeyOf`): caps their holds, and lets their retry resume one. */
  clientKey: string;
};

/**
 * The one owner of an order's life; the checkout route, the Stripe webhook, the dev checkout page
 * and the hold sweeper call it and nothing else changes an order. In the order things happen:
 *
 *   checkout → hold a seat → open a payment session → attach it
 *              (free: a short hold, confirmation link emailed; the same reader retrying resumes their hold)
 *   confirm  → free registration paid (amount 0) → ticket issued → ticket email
 *   paid     → ticket issued (same transaction) → seat counts → ticket email
 *   paid late, seat gone → refund owed (same transaction) → provider refund → refund email
 *   settles later → seat held until the outcome (paid, or released on failure)
 *   released → seat counts → seat offered to the waitlist  (expired, cancelled, hold lapsed)
 *   refunded → ticket revoked (same transaction) → seat counts → waitlist → room passes closed
 *
 * What follows a commit never undoes it: a failed email, offer or room update is logged.
 */
export class OrderLifecycle {
  constructor(
    private readonly store: OrderStore,
    private readonly deps: OrderLifecycleDeps,
  ) {}

  async checkout(site: Site, input: CheckoutInput): Promise<CheckoutResponse> {
    const workshop = await this.deps.workshops.getPublic(site.id, input.workshopId);
    if (workshop.status !== 'published')
      throw new HttpError(409, 'not_purchasable', 'This workshop was cancelled');
    if (workshop.roomEndedAt)
      throw new HttpError(409, 'room_ended', 'The host ended this workshop: it takes no more bookings');
    const free = workshop.priceAmount === 0;
    if (free && !input.email)
      throw new HttpError(400, 'validation_failed', 'email: required to register for a free workshop');

    const resumed = await this.resume(input);
    if (resumed) return resumed;

    const holds = this.deps.config.holds;
    const order = await this.store.hold(workshop, input, this.deps.payments.name, {
      clientKey: input.clientKey,
      freeHoldMs: holds.freeHoldMinutes * 60_000,
      checkLimits: (trx, now) =>
        checkHoldLimits(trx, holds, workshop, { clientKey: input.clientKey, email: input.email }, now),
    });
    await this.deps.workshops.seatsChanged(order.site_id);
    if (free) {
      this.sendConfirmation(order);
      return { order: await this.view(order), checkout: { type: 'none' } };
    }
    const session = await this.openPaymentSession(site, workshop, order, input);
    await this.store.attachSession(order.id, session.sessionId);
    await this.store.rememberCheckout(order.id, JSON.stringify(session.checkout));
    return {
      order: await this.view({ ...order, provider_session_id: session.sessionId }),
      checkout: session.checkout,
    };
  }

  private async openPaymentSession(
    site: Site,
    workshop: PublicWorkshop,
    order: OrderRow,
    input: CheckoutInput,
  ): Promise<PaymentSession> {
    try {
      return await this.deps.payments.createSession({
        orderId: order.id,
        siteId: site.id,
        workshopId: workshop.id,
        title: workshop.title,
        amount: workshop.priceAmount,
        currency: workshop.currency,
        email: input.email,
        locale: input.locale,
        mode: input.mode,
        successUrl: withParams(input.returnUrl, { lectern_order: order.id }),
        cancelUrl: withParams(input.returnUrl, { lectern_order: order.id, lectern_checkout: 'cancelled' }),
        expiresAt: this.deps.now() + PAYMENT_WINDOW_MS,
        paymentMethodTypes: site.settings.paymentMethodTypes as string[] | undefined,
      });
    } catch (cause) {
      // No session, no sale: give the seat back at once.
      await this.release(order.id, 'cancelled');
      this.deps.log.error({ err: cause, orderId: order.id }, 'payment provider refused the session');
      throw new HttpError(
        502,
        'payment_unavailable',
        'Payments are unavailable right now; please try again shortly',
        { cause },
      );
    }
  }

  /**
   * The same reader (client and email) retrying gets their unexpired hold back rather than a
   * second seat: a free one with its confirmation link sent again, a paid one with its payment
   * session while that is open. A hold whose session closed is given up for a fresh one.
   */
  private async resume(input: CheckoutInput): Promise<CheckoutResponse | null> {
    if (!input.email) return null;
    const held = await this.store.activeHoldFor(input.workshopId, input.email, input.clientKey);
    if (!held) return null;
    if (held.provider === 'free') {
      this.sendConfirmation(held);
      return { order: await this.view(held), checkout: { type: 'none' } };
    }
    // The widget follows whichever kind of session it gets back (redirect or embedded).
    const sessionOpen = Number(held.created_at) + PAYMENT_WINDOW_MS - RESUME_MARGIN_MS > this.deps.now();
    if (held.checkout_json && sessionOpen) {
      return { order: await this.view(held), checkout: JSON.parse(held.checkout_json) as CheckoutStart };
    }
    await this.release(held.id, 'cancelled');
    return null;
  }

  /** A free registration's emailed link was followed (checkout/confirm-routes.ts). */
  async confirm(token: string): Promise<ConfirmOutcome> {
    const order = await this.store.findByConfirmToken(token);
    if (!order) return { kind: 'unknown' };
    const outcome = await this.store.confirm(order.id);
    if (outcome.kind === 'confirmed' && outcome.now) {
      await this.deps.workshops.seatsChanged(outcome.order.site_id);
      this.sendTicket(outcome.order);
    }
    return outcome;
  }

  /**
   * The provider took the money. With a seat still there (its own hold, or a free seat when the
   * hold had lapsed) the order is paid and the ticket sent. Without one (sold meanwhile, workshop
   * cancelled or ended) the money goes back at once and the buyer is told why; if the provider
   * cannot refund right now this throws, and a redelivery or the sweeper tries again.
   * Idempotent; a refunded order stays refunded.
   */
  async markPaid(orderId: string, details: PaymentDetails = {}): Promise<'paid' | 'refunded' | null> {
    const settled = await this.store.settle(orderId, details);
    if (!settled) {
      const order = await this.store.get(orderId);
      return owesRefund(order) && (await this.returnPayment(order)) ? 'refunded' : null;
    }
    await this.deps.workshops.seatsChanged(settled.order.site_id);
    if (settled.outcome === 'paid') {
      this.sendTicket(settled.order);
      return 'paid';
    }
    const { id, workshop_id, refund_reason } = settled.order;
    this.deps.log.warn(
      { orderId: id, workshopId: workshop_id, reason: refund_reason },
      'payment arrived after its seat was gone: refunding it',
    );
    await this.returnPayment(settled.order);
    return 'refunded';
  }

  /**
   * The buyer chose a payment method that settles later: no ticket yet, and the seat stays held
   * until the outcome (at most until the workshop ends). False when there is no seat to hold.
   */
  async awaitSettlement(orderId: string): Promise<boolean> {
    const order = await this.store.get(orderId);
    const workshop = await this.deps.workshops.getPublic(order.site_id, order.workshop_id);
    const until = Math.min(this.deps.now() + SETTLEMENT_HOLD_MS, Date.parse(workshop.endsAt));
    const held = await this.store.awaitSettlement(orderId, until);
    if (held) await this.deps.workshops.seatsChanged(held.site_id);
    return held !== null;
  }

  /** Retries the refunds of late payments the provider has not confirmed (the sweeper calls this). */
  async retryOwedRefunds(): Promise<number> {
    let sent = 0;
    for (const order of await this.store.refundsOwed()) {
      if (await this.returnPayment(order).catch(() => false)) sent += 1;
    }
    return sent;
  }

  /**
   * Refunds a late payment through the provider, records the refund, then emails the buyer once.
   * Throws 502 when the provider refuses, leaving the refund owed.
   */
  private async returnPayment(order: OrderRow): Promise<boolean> {
    const { id: orderId, provider_payment_id: paymentId } = order;
    let refundId = 'nothing_charged';
    if (paymentId) {
      try {
        refundId = await this.deps.payments.refund({ orderId, paymentId, reason: order.refund_reason ?? '' });
      } catch (cause) {
        this.deps.log.error({ err: cause, orderId }, 'refund of a late payment failed; it will be retried');
        throw new HttpError(502, 'payment_unavailable', 'The payment provider could not refund right now', {
          cause,
        });
      }
    }
    if (!(await this.store.refundSent(orderId, refundId))) return false;
    this.deps.log.warn({ orderId, refundId, reason: order.refund_reason }, 'late payment refunded');
    sendLateRefundEmail(this.deps, order).catch((err) =>
      this.deps.log.warn({ err, orderId }, 'refund email failed'),
    );
    return true;
  }

  /** The hold ends without payment (session expired or cancelled); its seat comes free. */
  async release(orderId: string, status: 'expired' | 'cancelled'): Promise<boolean> {
    const released = await this.store.release(orderId, status);
    if (!released) return false;
    await this.seatFreed(released);
    return true;
  }

  /** A full refund, whatever state the order is in: the ticket no longer opens anything. */
  async refund(orderId: string, paymentId?: string | null): Promise<boolean> {
    const refunded = await this.store.refund(orderId, paymentId);
    if (!refunded) return false;
    await this.seatFreed(refunded);
    this.deps.rooms
      .orderRefunded(orderId)
      .catch((err) => this.deps.log.warn({ err, orderId }, 'closing room passes failed'));
    return true;
  }

  /** Records the provider's id of a refund the owner asked for (owner-refund.ts); false if one is. */
  refundRecorded(orderId: string, refundId: string): Promise<boolean> {
    return this.store.refundSent(orderId, refundId);
  }

  /** Turns lapsed holds into expired orders (the sweeper calls this); returns how many seats came free. */
  async expireHolds(): Promise<number> {
    let freed = 0;
    for (const orderId of await this.store.lapsedHolds()) {
      if (await this.release(orderId, 'expired')) freed += 1;
    }
    return freed;
  }

  private sendTicket(order: OrderRow) {
    sendTicketEmail(this.deps, order).catch((err) =>
      this.deps.log.warn({ err, orderId: order.id }, 'ticket email failed'),
    );
  }

  private sendConfirmation(order: OrderRow) {
    sendConfirmEmail(this.deps, order).catch((err) =>
      this.deps.log.warn({ err, orderId: order.id }, 'confirmation email failed'),
    );
  }

  private async seatFreed(order: OrderRow) {
    const { workshops, waitlist, log } = this.deps;
    await workshops.seatsChanged(order.site_id);
    waitlist
      .offerNext(order.workshop_id)
      .catch((err) => log.warn({ err, workshopId: order.workshop_id }, 'waitlist offer failed'));
  }

  // Reads, for the routes.

  get(orderId: string): Promise<OrderRow> {
    return this.store.get(orderId);
  }

  findBySession(provider: string, sessionId: string): Promise<OrderRow | undefined> {
    return this.store.findBySession(provider, sessionId);
  }

  findByPayment(paymentId: string): Promise<OrderRow | undefined> {
    return this.store.findByPayment(paymentId);
  }

  view(order: OrderRow): Promise<OrderView> {
    return this.store.view(order);
  }

  listForOwner(siteId: string, workshopId?: string): Promise<OwnerOrderView[]> {
    return this.store.listForOwner(siteId, workshopId);
  }
}
