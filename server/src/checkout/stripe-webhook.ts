import { Hono } from 'hono';
import type Stripe from 'stripe';
import type { AppDeps } from '../app-deps.ts';
import { HttpError } from '../http/http-error.ts';
import { verifyStripeEvent } from './stripe-event.ts';

type Handled =
  | 'paid'
  | 'awaiting_payment'
  | 'payment_failed'
  | 'expired'
  | 'refunded'
  | 'ignored'
  | 'unchanged';

/**
 * Stripe webhooks: the signature is checked on the raw body; each event id is processed once
 * (duplicates answer 200 and change nothing); out-of-order deliveries converge on one state
 * because every transition is guarded by the order's current status.
 */
export function stripeWebhookRoutes(deps: AppDeps, stripe: Stripe, secret: string) {
  const app = new Hono();

  app.post('/v1/stripe/webhook', async (c) => {
    const signature = c.req.header('stripe-signature');
    if (!signature) throw new HttpError(400, 'bad_request', 'Missing Stripe-Signature header');
    const raw = await c.req.text();
    const event = verifyStripeEvent(stripe, { raw, signature, secret, now: deps.now(), log: deps.log });
    const first = await deps.db
      .insertInto('webhook_events')
      .values({ id: event.id, provider: 'stripe', type: event.type, received_at: deps.now() })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(first.numInsertedOrUpdatedRows ?? 0n) === 0)
      return c.json({ received: true, duplicate: true });
    try {
      const outcome = await handle(deps, event);
      deps.log.info({ eventId: event.id, type: event.type, outcome }, 'stripe webhook');
      return c.json({ received: true, outcome });
    } catch (err) {
      // Let Stripe retry: forget that we saw it.
      await deps.db.deleteFrom('webhook_events').where('id', '=', event.id).execute();
      throw err;
    }
  });

  return app;
}

async function orderIdFor(deps: AppDeps, session: Stripe.Checkout.Session): Promise<string | undefined> {
  const fromMetadata = session.metadata?.orderId ?? session.client_reference_id ?? undefined;
  if (fromMetadata) return fromMetadata;
  return (await deps.orders.findBySession('stripe', session.id))?.id;
}

/** The order id if such an order exists here; events for other systems' sessions are ignored. */
async function known(deps: AppDeps, orderId: string | undefined): Promise<string | null> {
  if (!orderId) return null;
  const row = await deps.db.selectFrom('orders').select('id').where('id', '=', orderId).executeTakeFirst();
  return row?.id ?? null;
}

async function handle(deps: AppDeps, event: Stripe.Event): Promise<Handled> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      const orderId = await known(deps, await orderIdFor(deps, session));
      if (!orderId) return 'ignored';
      // A bank debit or voucher: the checkout is done but the money is not there yet. The seat
      // stays held until async_payment_succeeded or async_payment_failed says how it ended.
      if (session.payment_status === 'unpaid')
        return (await deps.orders.awaitSettlement(orderId)) ? 'awaiting_payment' : 'unchanged';
      const paymentId =
        typeof session.payment_intent === 'string'
          ? session.payment_intent
          : (session.payment_intent?.id ?? null);
      // Paid late with the seat gone, the payment is refunded: the outcome says which happened.
      const outcome = await deps.orders.markPaid(orderId, {
        paymentId,
        email: session.customer_details?.email ?? null,
      });
      return outcome ?? 'unchanged';
    }
    case 'checkout.session.expired':
    case 'checkout.session.async_payment_failed': {
      const orderId = await known(deps, await orderIdFor(deps, event.data.object));
      if (!orderId) return 'ignored';
      // A failed debit ends the order for good ('cancelled'), so a completion delivered after it
      // cannot hold the seat again; an expired session or lapsed hold may still be paid late.
      const expired = event.type === 'checkout.session.expired';
      if (!(await deps.orders.release(orderId, expired ? 'expired' : 'cancelled'))) return 'unchanged';
      return expired ? 'expired' : 'payment_failed';
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      if (!charge.refunded) return 'ignored'; // partial refunds keep the ticket
      const paymentId =
        typeof charge.payment_intent === 'string'
          ? charge.payment_intent
          : (charge.payment_intent?.id ?? null);
      const orderId = await known(
        deps,
        charge.metadata?.orderId ??
          (paymentId ? (await deps.orders.findByPayment(paymentId))?.id : undefined),
      );
      if (!orderId) return 'ignored';
      return (await deps.orders.refund(orderId, paymentId)) ? 'refunded' : 'unchanged';
    }
    default:
      return 'ignored';
  }
}
