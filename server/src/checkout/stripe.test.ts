import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeStripe } from '../test-support/fake-stripe.ts';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';

const ORIGIN = 'https://blog.example';
let stripe: FakeStripe;
let t: TestApp;

beforeAll(async () => {
  stripe = await new FakeStripe().start();
});
afterAll(async () => {
  await stripe.stop();
});
beforeEach(async () => {
  t = await createTestApp(stripe.env());
});
afterEach(async () => {
  await t.close();
});

async function startCheckout(
  overrides: Record<string, unknown> = {},
  workshop: Record<string, unknown> = {},
) {
  const site = await t.site([ORIGIN]);
  const w = await publishedWorkshop(t, site.id, workshop);
  const res = await t.app.request(
    '/v1/checkout',
    jsonRequest(
      'POST',
      { siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/w`, ...overrides },
      { Origin: ORIGIN },
    ),
  );
  return { site, w, res, body: await res.json() };
}

function deliver(hook: { payload: string; signature: string }) {
  return t.app.request('/v1/stripe/webhook', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': hook.signature },
    body: hook.payload,
  });
}

async function order(id: string) {
  return t.database.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
async function ticketStatus(orderId: string) {
  return (
    await t.database.db
      .selectFrom('tickets')
      .select('status')
      .where('order_id', '=', orderId)
      .executeTakeFirst()
  )?.status;
}

describe('Stripe Checkout through the official SDK', () => {
  it('creates a hosted session with the order, price, promotion codes and return URLs', async () => {
    const { body } = await startCheckout({ locale: 'zh-CN' });
    expect(body.checkout.type).toBe('redirect');
    expect(body.checkout.url).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    const sent = stripe.requests.at(-1)!.form;
    expect(sent.get('mode')).toBe('payment');
    expect(sent.get('line_items[0][price_data][unit_amount]')).toBe('3000');
    expect(sent.get('line_items[0][price_data][currency]')).toBe('eur');
    expect(sent.get('metadata[orderId]')).toBe(body.order.id);
    expect(sent.get('allow_promotion_codes')).toBe('true');
    expect(sent.get('locale')).toBe('zh');
    expect(new URL(sent.get('success_url')!).searchParams.get('lectern_order')).toBe(body.order.id);
    expect(new URL(sent.get('cancel_url')!).searchParams.get('lectern_checkout')).toBe('cancelled');
    expect((await order(body.order.id)).provider_session_id).toMatch(/^cs_test_/);
  });

  it('creates an embedded session and returns the client secret with the publishable key', async () => {
    const { body } = await startCheckout({ mode: 'embedded' });
    expect(body.checkout).toMatchObject({ type: 'embedded', publishableKey: 'pk_test_lectern' });
    expect(body.checkout.clientSecret).toMatch(/_secret_/);
    expect(stripe.requests.at(-1)!.form.get('ui_mode')).toBe('embedded_page');
  });

  it('passes the site’s payment method types', async () => {
    const site = await t.site([ORIGIN]);
    await t.deps.sites.update(site.id, {
      settings: { paymentMethodTypes: ['card', 'alipay', 'wechat_pay'] },
    });
    const w = await publishedWorkshop(t, site.id);
    await t.app.request(
      '/v1/checkout',
      jsonRequest('POST', { siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` }),
    );
    const sent = stripe.requests.at(-1)!.form;
    expect(sent.getAll('allowed_payment_method_types[0]')).toEqual(['card']);
    expect(sent.get('allowed_payment_method_types[2]')).toBe('wechat_pay');
    expect(sent.get('payment_method_options[wechat_pay][client]')).toBe('web');
  });

  it('gives the seat back and answers 502 when Stripe is down', async () => {
    stripe.failWith = 500;
    try {
      const { res, body, site, w } = await startCheckout({}, { capacity: 1 });
      expect([res.status, body.error.code]).toEqual([502, 'payment_unavailable']);
      expect((await t.deps.workshops.getPublic(site.id, w.id)).seatsLeft).toBe(1);
    } finally {
      stripe.failWith = null;
    }
  });
});

describe('Stripe webhooks', () => {
  it('completed → paid with a ticket; the duplicate changes nothing', async () => {
    const { body } = await startCheckout();
    const sessionId = (await order(body.order.id)).provider_session_id!;
    const { session, paymentIntent } = stripe.completed(sessionId, 'payer@example.com');
    const hook = stripe.webhook('checkout.session.completed', session, { id: 'evt_paid_1' });
    const first = await deliver(hook);
    expect(await first.json()).toEqual({ received: true, outcome: 'paid' });
    const paid = await order(body.order.id);
    expect(paid).toMatchObject({
      status: 'paid',
      provider_payment_id: paymentIntent,
      email: 'payer@example.com',
    });
    expect(await ticketStatus(body.order.id)).toBe('active');
    const paidAt = paid.paid_at;

    const again = await deliver(hook);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    const redelivered = await deliver(stripe.webhook('checkout.session.completed', session));
    expect(await redelivered.json()).toEqual({ received: true, outcome: 'unchanged' });
    expect((await order(body.order.id)).paid_at).toBe(paidAt);
    expect(await t.database.db.selectFrom('tickets').selectAll().execute()).toHaveLength(1);
  });

  it('a forged or missing signature → 400 and nothing changes', async () => {
    const { body } = await startCheckout();
    const sessionId = (await order(body.order.id)).provider_session_id!;
    const { session } = stripe.completed(sessionId);
    const forged = await deliver(
      stripe.webhook('checkout.session.completed', session, { secret: 'whsec_attacker' }),
    );
    expect([forged.status, (await forged.json()).error.code]).toEqual([400, 'bad_request']);
    const tampered = stripe.webhook('checkout.session.completed', session);
    const res = await deliver({ ...tampered, payload: tampered.payload.replace('"paid"', '"paid" ') });
    expect(res.status).toBe(400);
    const missing = await t.app.request('/v1/stripe/webhook', { method: 'POST', body: tampered.payload });
    expect(missing.status).toBe(400);
    expect((await order(body.order.id)).status).toBe('held');
    expect(await t.database.db.selectFrom('webhook_events').selectAll().execute()).toHaveLength(0);
  });

  it('expired → the seat is released', async () => {
    const { body, site, w } = await startCheckout({}, { capacity: 1 });
    expect((await t.deps.workshops.getPublic(site.id, w.id)).seatsLeft).toBe(0);
    const session = stripe.sessions.get((await order(body.order.id)).provider_session_id!)!;
    const res = await deliver(stripe.webhook('checkout.session.expired', { ...session, status: 'expired' }));
    expect(await res.json()).toMatchObject({ outcome: 'expired' });
    expect((await order(body.order.id)).status).toBe('expired');
    expect((await t.deps.workshops.getPublic(site.id, w.id)).seatsLeft).toBe(1);
  });

  it('refund → ticket revoked and seat freed', async () => {
    const { body, site, w } = await startCheckout({}, { capacity: 1 });
    const { session, paymentIntent } = stripe.completed((await order(body.order.id)).provider_session_id!);
    await deliver(stripe.webhook('checkout.session.completed', session));
    const view = await (await t.app.request(`/v1/orders/${body.order.id}`)).json();
    expect((await t.deps.tickets.validate(view.ticket.token, w.id)).orderId).toBe(body.order.id);

    const res = await deliver(stripe.webhook('charge.refunded', stripe.charge(paymentIntent, body.order.id)));
    expect(await res.json()).toMatchObject({ outcome: 'refunded' });
    expect((await order(body.order.id)).status).toBe('refunded');
    expect(await ticketStatus(body.order.id)).toBe('revoked');
    await expect(t.deps.tickets.validate(view.ticket.token, w.id)).rejects.toMatchObject({ status: 403 });
    expect((await t.deps.workshops.getPublic(site.id, w.id)).seatsLeft).toBe(1);
  });

  it('out of order: a refund delivered before the completion leaves the order refunded with no valid ticket', async () => {
    const { body } = await startCheckout();
    const { session, paymentIntent } = stripe.completed((await order(body.order.id)).provider_session_id!);
    await deliver(stripe.webhook('charge.refunded', stripe.charge(paymentIntent, body.order.id)));
    const late = await deliver(stripe.webhook('checkout.session.completed', session));
    expect(await late.json()).toMatchObject({ outcome: 'unchanged' });
    expect((await order(body.order.id)).status).toBe('refunded');
    expect(await ticketStatus(body.order.id)).toBeUndefined();
  });

  it('out of order: an expiry after payment does not undo the payment', async () => {
    const { body } = await startCheckout();
    const { session } = stripe.completed((await order(body.order.id)).provider_session_id!);
    await deliver(stripe.webhook('checkout.session.completed', session));
    const res = await deliver(stripe.webhook('checkout.session.expired', session));
    expect(await res.json()).toMatchObject({ outcome: 'unchanged' });
    expect((await order(body.order.id)).status).toBe('paid');
  });

  it('events for unknown orders and unhandled types are acknowledged and ignored', async () => {
    const res = await deliver(
      stripe.webhook('checkout.session.completed', { id: 'cs_other', payment_status: 'paid', metadata: {} }),
    );
    expect(await res.json()).toMatchObject({ outcome: 'ignored' });
    const other = await deliver(stripe.webhook('customer.created', { id: 'cus_1' }));
    expect(await other.json()).toMatchObject({ outcome: 'ignored' });
  });
});
