import Stripe from 'stripe';
import type { Config } from '../config.ts';
import type {
  PaymentProvider,
  PaymentSession,
  PaymentSessionInput,
  RefundInput,
} from './payment-provider.ts';

/** The official SDK; host/port/protocol point it at a local fake in tests. */
export function createStripeClient(config: Config): Stripe {
  const { secretKey, apiHost, apiPort, apiProtocol } = config.stripe;
  if (!secretKey) throw new Error('STRIPE_SECRET_KEY is not set');
  return new Stripe(secretKey, {
    ...(apiHost && { host: apiHost }),
    ...(apiPort && { port: apiPort }),
    ...(apiProtocol && { protocol: apiProtocol }),
    maxNetworkRetries: apiHost ? 0 : 2,
    timeout: 15_000,
    appInfo: { name: 'Lectern' },
  });
}

export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe' as const;

  constructor(
    private readonly stripe: Stripe,
    private readonly publishableKey: string | undefined,
  ) {}

  async createSession(input: PaymentSessionInput): Promise<PaymentSession> {
    const embedded = input.mode === 'embedded';
    if (embedded && !this.publishableKey) {
      throw new Error('STRIPE_PUBLISHABLE_KEY is required for embedded checkout');
    }
    const methods = input.paymentMethodTypes?.length ? input.paymentMethodTypes : undefined;
    const session = await this.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: input.currency.toLowerCase(),
            unit_amount: input.amount,
            product_data: { name: input.title },
          },
        },
      ],
      client_reference_id: input.orderId,
      metadata: { orderId: input.orderId, workshopId: input.workshopId, siteId: input.siteId },
      // Refund events carry the payment's metadata, which lets us find the order even when the
      // refund arrives before the completion event.
      payment_intent_data: { metadata: { orderId: input.orderId } },
      allow_promotion_codes: true,
      ...(methods && {
        allowed_payment_method_types:
          methods as Stripe.Checkout.SessionCreateParams.AllowedPaymentMethodType[],
      }),
      ...(methods?.includes('wechat_pay') && { payment_method_options: { wechat_pay: { client: 'web' } } }),
      ...(input.email && { customer_email: input.email }),
      locale: input.locale === 'zh-CN' ? 'zh' : 'en',
      expires_at: Math.floor(input.expiresAt / 1000),
      ...(embedded
        ? { ui_mode: 'embedded_page', return_url: input.successUrl }
        : { success_url: input.successUrl, cancel_url: input.cancelUrl }),
    });
    if (embedded) {
      if (!session.client_secret) throw new Error('Stripe returned no client secret');
      return {
        sessionId: session.id,
        checkout: {
          type: 'embedded',
          clientSecret: session.client_secret,
          publishableKey: this.publishableKey!,
        },
      };
    }
    if (!session.url) throw new Error('Stripe returned no checkout URL');
    return { sessionId: session.id, checkout: { type: 'redirect', url: session.url } };
  }

  async refund(input: RefundInput): Promise<string> {
    try {
      const refund = await this.stripe.refunds.create(
        {
          payment_intent: input.paymentId,
          metadata: { orderId: input.orderId, lecternReason: input.reason },
        },
        // Retries (a redelivered webhook, the sweeper) reach the same refund, never a second one.
        { idempotencyKey: `lectern-refund-${input.orderId}` },
      );
      return refund.id;
    } catch (err) {
      // Idempotency keys last 24 hours; a retry after that finds the money already returned.
      if (err instanceof Stripe.errors.StripeError && err.code === 'charge_already_refunded')
        return 'charge_already_refunded';
      throw err;
    }
  }
}
