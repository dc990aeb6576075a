import { randomBytes } from 'node:crypto';
import type {
  PaymentProvider,
  PaymentSession,
  PaymentSessionInput,
  RefundInput,
} from './payment-provider.ts';

/**
 * The dev provider sends the reader to a test checkout page on this server (pay / cancel). It
 * takes no money, is clearly labelled, and config refuses it when NODE_ENV=production.
 */
export class DevPaymentProvider implements PaymentProvider {
  readonly name = 'dev' as const;

  constructor(private readonly publicUrl: string) {}

  async createSession(input: PaymentSessionInput): Promise<PaymentSession> {
    const sessionId = `dev_${randomBytes(12).toString('base64url')}`;
    // Embedded checkout is a Stripe feature; the dev page always redirects.
    return {
      sessionId,
      checkout: { type: 'redirect', url: `${this.publicUrl}/dev-checkout/${input.orderId}` },
    };
  }

  /** No money moved, so there is nothing to send back: the refund is recorded on the order only. */
  async refund(input: RefundInput): Promise<string> {
    return `devrefund_${input.orderId}`;
  }
}
