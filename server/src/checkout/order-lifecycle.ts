import type { AppDeps } from '../app-deps.ts';
import type { CheckoutMode, CheckoutResponse, OrderView } from '../contract/checkout.ts';
import type { PublicWorkshop } from '../contract/workshop.ts';
import type { OrderRow } from '../db/schema.ts';
import { HttpError } from '../http/http-error.ts';
import type { PaymentSession } from '../payments/payment-provider.ts';
import type { RoomService } from '../rooms/room-service.ts';
import type { Site } from '../sites/site-store.ts';
import type { OrderStore } from './order-store.ts';
import { withParams } from './return-url.ts';
import { sendTicketEmail } from './ticket-email.ts';

/** The payment session closes this long after the checkout; the seat hold (HOLD_MS) a little later. */
export const PAYMENT_WINDOW_MS = 30 * 60_000;

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
};

/**
 * The one owner of an order's life; the checkout route, the Stripe webhook, the dev checkout page
 * and the hold sweeper call it and nothing else changes an order. In the order things happen:
 *
 *   checkout → hold a seat → open a payment session → attach it  (free: paid at once, no session)
 *   paid     → ticket issued (same transaction) → seat counts → ticket email
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

    const order = await this.store.hold(workshop, input, this.deps.payments.name);
    this.deps.workshops.seatsChanged(order.site_id);
    if (free) {
      this.sendTicket(order);
      return { order: await this.view(order), checkout: { type: 'none' } };
    }
    const session = await this.openPaymentSession(site, workshop, order, input);
    await this.store.attachSession(order.id, session.sessionId);
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

  /** The provider took the money. Idempotent; a refunded order stays refunded. */
  async markPaid(
    orderId: string,
    details: { paymentId?: string | null; email?: string | null } = {},
  ): Promise<boolean> {
    const paid = await this.store.markPaid(orderId, details);
    if (!paid) return false;
    this.deps.workshops.seatsChanged(paid.site_id);
    this.sendTicket(paid);
    return true;
  }

  /** The hold ends without payment (session expired or cancelled); its seat comes free. */
  async release(orderId: string, status: 'expired' | 'cancelled'): Promise<boolean> {
    const released = await this.store.release(orderId, status);
    if (!released) return false;
    this.seatFreed(released);
    return true;
  }

  /** A full refund, whatever state the order is in: the ticket no longer opens anything. */
  async refund(orderId: string, paymentId?: string | null): Promise<boolean> {
    const refunded = await this.store.refund(orderId, paymentId);
    if (!refunded) return false;
    this.seatFreed(refunded);
    this.deps.rooms
      .orderRefunded(orderId)
      .catch((err) => this.deps.log.warn({ err, orderId }, 'closing room passes failed'));
    return true;
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

  private seatFreed(order: OrderRow) {
    const { workshops, waitlist, log } = this.deps;
    workshops.seatsChanged(order.site_id);
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
}
