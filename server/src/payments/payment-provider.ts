import type { CheckoutMode, CheckoutStart } from '../contract/checkout.ts';

export type PaymentSessionInput = {
  orderId: string;
  siteId: string;
  workshopId: string;
  title: string;
  amount: number;
  currency: string;
  email?: string;
  locale: 'en' | 'zh-CN';
  mode: CheckoutMode;
  /** The host page the reader returns to; the provider adds `lectern_order`. */
  successUrl: string;
  cancelUrl: string;
  /** When the payment session must stop accepting payment (the seat hold ends shortly after). */
  expiresAt: number;
  /** Per-site payment method types, e.g. ['card', 'alipay', 'wechat_pay']. */
  paymentMethodTypes?: string[];
};

export type PaymentSession = { sessionId: string; checkout: CheckoutStart };

/** A full refund of one order's payment; the order id makes repeated calls refund once. */
export type RefundInput = { orderId: string; paymentId: string; reason: string };

/** Where money is taken. Stripe in production; `dev` is a local test page for demos and offline work. */
export interface PaymentProvider {
  readonly name: 'dev' | 'stripe';
  createSession(input: PaymentSessionInput): Promise<PaymentSession>;
  /** Returns the provider's refund id; throws when the provider cannot refund right now. */
  refund(input: RefundInput): Promise<string>;
}
