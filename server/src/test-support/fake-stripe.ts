import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import Stripe from 'stripe';

export type FakeSession = Record<string, unknown> & { id: string; metadata: Record<string, string> };

/**
 * A local stand-in for the Stripe API (test code only): it answers the Checkout Session calls the
 * official SDK makes, records the form-encoded requests, and signs webhook payloads the way
 * Stripe does, so the server is exercised through the real SDK end to end.
 */
export class FakeStripe {
  readonly requests: { method: string; path: string; form: URLSearchParams }[] = [];
  readonly sessions = new Map<string, FakeSession>();
  readonly webhookSecret = `whsec_${randomBytes(16).toString('hex')}`;
  /** Refunds made through the API, by id; the same idempotency key returns the same refund. */
  readonly refunds = new Map<string, Record<string, unknown> & { id: string; payment_intent: string }>();
  /** When set, session creation fails with this HTTP status (Stripe outage). */
  failWith: number | null = null;
  /** When set, refund creation fails with this HTTP status. */
  failRefundsWith: number | null = null;
  private readonly refundsByKey = new Map<string, string>();
  private server: Server | null = null;
  port = 0;
  private readonly sdk = new Stripe('sk_test_fake');

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        const form = new URLSearchParams(body);
        this.requests.push({ method: req.method ?? '', path: req.url ?? '', form });
        res.setHeader('Content-Type', 'application/json');
        if (req.method === 'POST' && req.url === '/v1/refunds') {
          if (this.failRefundsWith) {
            res.statusCode = this.failRefundsWith;
            res.end(JSON.stringify({ error: { type: 'api_error', message: 'Stripe is having a bad day' } }));
            return;
          }
          res.end(JSON.stringify(this.createRefund(form, req.headers['idempotency-key'])));
          return;
        }
        if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
          if (this.failWith) {
            res.statusCode = this.failWith;
            res.end(JSON.stringify({ error: { type: 'api_error', message: 'Stripe is having a bad day' } }));
            return;
          }
          const session = this.createSession(form);
          res.end(JSON.stringify(session));
          return;
        }
        res.statusCode = 404;
        res.end(
          JSON.stringify({
            error: { type: 'invalid_request_error', message: `No fake for ${req.method} ${req.url}` },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  env(): Record<string, string> {
    return {
      LECTERN_PAYMENTS: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_lectern',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_lectern',
      STRIPE_WEBHOOK_SECRET: this.webhookSecret,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(this.port),
      STRIPE_API_PROTOCOL: 'http',
    };
  }

  private createSession(form: URLSearchParams): FakeSession {
    const id = `cs_test_${randomBytes(10).toString('hex')}`;
    const embedded = form.get('ui_mode') === 'embedded_page';
    const session: FakeSession = {
      id,
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: Number(form.get('line_items[0][price_data][unit_amount]')),
      currency: form.get('line_items[0][price_data][currency]'),
      client_reference_id: form.get('client_reference_id'),
      customer_details: null,
      metadata: {
        orderId: form.get('metadata[orderId]') ?? '',
        workshopId: form.get('metadata[workshopId]') ?? '',
        siteId: form.get('metadata[siteId]') ?? '',
      },
      payment_intent: null,
      url: embedded ? null : `https://checkout.stripe.com/c/pay/${id}`,
      client_secret: embedded ? `${id}_secret_${randomBytes(6).toString('hex')}` : null,
      ui_mode: embedded ? 'embedded_page' : 'hosted_page',
      success_url: form.get('success_url'),
      cancel_url: form.get('cancel_url'),
      return_url: form.get('return_url'),
      expires_at: Number(form.get('expires_at')),
    };
    this.sessions.set(id, session);
    return session;
  }

  private createRefund(form: URLSearchParams, idempotencyKey: string | string[] | undefined) {
    const key = typeof idempotencyKey === 'string' ? idempotencyKey : undefined;
    const earlier = key && this.refundsByKey.get(key);
    if (earlier) return this.refunds.get(earlier)!;
    const refund = {
      id: `re_${randomBytes(8).toString('hex')}`,
      object: 'refund',
      status: 'succeeded',
      payment_intent: form.get('payment_intent') ?? '',
      metadata: {
        orderId: form.get('metadata[orderId]') ?? '',
        lecternReason: form.get('metadata[lecternReason]') ?? '',
      },
    };
    this.refunds.set(refund.id, refund);
    if (key) this.refundsByKey.set(key, refund.id);
    return refund;
  }

  /** A signed webhook request body + header, as Stripe would deliver it. */
  webhook(type: string, object: Record<string, unknown>, options: { id?: string; secret?: string } = {}) {
    const payload = JSON.stringify({
      id: options.id ?? `evt_${randomBytes(10).toString('hex')}`,
      object: 'event',
      type,
      api_version: '2025-01-01',
      created: Math.floor(Date.now() / 1000),
      data: { object },
    });
    const signature = this.sdk.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? this.webhookSecret,
    });
    return { payload, signature };
  }

  completed(sessionId: string, email = 'reader@example.com', paymentStatus: 'paid' | 'unpaid' = 'paid') {
    const session = this.sessions.get(sessionId)!;
    const paymentIntent = `pi_${randomBytes(8).toString('hex')}`;
    Object.assign(session, {
      status: 'complete',
      payment_status: paymentStatus,
      payment_intent: paymentIntent,
      customer_details: { email },
    });
    return { session, paymentIntent };
  }

  /**
   * The buyer finished the checkout with a method that settles later (a bank debit): the session
   * is complete, the payment still unpaid. `settled` is the session once the money arrived.
   */
  completedUnpaid(sessionId: string, email = 'reader@example.com') {
    const { session, paymentIntent } = this.completed(sessionId, email, 'unpaid');
    return { session: { ...session }, settled: { ...session, payment_status: 'paid' }, paymentIntent };
  }

  charge(paymentIntent: string, orderId: string, refunded = true) {
    return {
      id: `ch_${randomBytes(8).toString('hex')}`,
      object: 'charge',
      payment_intent: paymentIntent,
      refunded,
      amount_refunded: refunded ? 1 : 0,
      metadata: { orderId },
    };
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
