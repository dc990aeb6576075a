import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeStripe } from '../test-support/fake-stripe.ts';
import { startSmtpSink } from '../test-support/smtp-sink.ts';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { HOLD_MS } from './order-store.ts';

// Payments that complete after their seat is gone, and payments that settle later, through the
// official Stripe SDK against the local fake, with real signed webhooks and a real SMTP sink.

const ORIGIN = 'https://blog.example';
let stripe: FakeStripe;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let t: TestApp;

beforeAll(async () => {
  stripe = await new FakeStripe().start();
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await stripe.stop();
  await smtp.stop();
});
beforeEach(async () => {
  smtp.messages.length = 0;
  stripe.failRefundsWith = null;
  stripe.refunds.clear();
  t = await createTestApp({ ...stripe.env(), SMTP_URL: smtp.url });
});
afterEach(async () => {
  await t.close();
});

/** A checkout made `ago` ms before now (the signed webhooks below always carry the real time). */
async function checkoutAt(site: { id: string }, workshopId: string, ago = 0) {
  t.setNow(Date.now() - ago);
  const res = await t.app.request(
    '/v1/checkout',
    jsonRequest(
      'POST',
      { siteId: site.id, workshopId, returnUrl: `${ORIGIN}/workshops` },
      { Origin: ORIGIN },
    ),
  );
  t.setNow(Date.now());
  expect(res.status).toBe(201);
  const { order } = await res.json();
  return { orderId: order.id as string, sessionId: (await row(order.id)).provider_session_id! };
}

function deliver(hook: { payload: string; signature: string }) {
  return t.app.request('/v1/stripe/webhook', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': hook.signature },
    body: hook.payload,
  });
}

async function pay(sessionId: string, email: string, eventId?: string) {
  const { session, paymentIntent } = stripe.completed(sessionId, email);
  const res = await deliver(stripe.webhook('checkout.session.completed', session, { id: eventId }));
  return { res, paymentIntent, session };
}

const row = (id: string) =>
  t.database.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const tickets = () => t.database.db.selectFrom('tickets').selectAll().execute();
const seatsLeft = async (siteId: string, workshopId: string) =>
  (await t.deps.workshops.getPublic(siteId, workshopId)).seatsLeft;

/** The decoded text of the first mail to `to` (nodemailer sends UTF-8 text quoted-printable). */
async function mailTo(to: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const mail = smtp.messages.find((m) => m.to.includes(to));
    if (mail) {
      const soft = mail.raw.replace(/=\r\n/g, '');
      const bytes = soft.replace(/=([0-9A-F]{2})/g, (_, hex) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no mail to ${to}`);
}

/** A live hold whose workshop the owner then cancelled. */
async function holdOnCancelledWorkshop() {
  const site = await t.site([ORIGIN]);
  const w = await publishedWorkshop(t, site.id);
  const hold = await checkoutAt(site, w.id);
  await t.deps.workshops.cancel(site.id, w.id);
  return hold;
}

describe('a payment that arrives after its seat is gone', () => {
  it('capacity 1: A’s hold lapses, B buys the seat, A’s payment completes → A is refunded through Stripe and told; one ticket', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { capacity: 1 });
    const a = await checkoutAt(site, w.id, HOLD_MS + 60_000);
    const b = await checkoutAt(site, w.id);
    expect(await (await pay(b.sessionId, 'b@example.com')).res.json()).toMatchObject({ outcome: 'paid' });

    const late = await pay(a.sessionId, 'a@example.com', 'evt_late_a');
    expect(late.res.status).toBe(200);
    expect(await late.res.json()).toEqual({ received: true, outcome: 'refunded' });

    expect(await row(b.orderId)).toMatchObject({ status: 'paid' });
    const refunded = await row(a.orderId);
    expect(refunded).toMatchObject({
      status: 'refunded',
      refund_reason: 'sold_out',
      provider_payment_id: late.paymentIntent,
      email: 'a@example.com',
    });
    const [refund] = [...stripe.refunds.values()];
    expect(stripe.refunds.size).toBe(1);
    expect(refund).toMatchObject({ payment_intent: late.paymentIntent, metadata: { orderId: a.orderId } });
    expect(refunded.provider_refund_id).toBe(refund.id);
    expect((await tickets()).map((ticket) => ticket.order_id)).toEqual([b.orderId]);
    expect(await seatsLeft(site.id, w.id)).toBe(0);

    const mail = await mailTo('a@example.com');
    expect(mail).toContain('Subject: Refunded in full: Pasta by hand');
    expect(mail).toContain('€30.00 has been refunded in full');
    expect(mail).toContain('the last seat had been taken');
    expect(mail).toContain(`Other sessions and the waitlist: ${ORIGIN}/workshops`);

    // Stripe redelivers the completion: nothing is refunded twice, nobody is emailed twice.
    expect(await (await deliver(stripe.webhook('checkout.session.completed', late.session))).json()).toEqual({
      received: true,
      outcome: 'unchanged',
    });
    expect(stripe.refunds.size).toBe(1);
    expect(smtp.messages.filter((m) => m.to.includes('a@example.com'))).toHaveLength(1);

    // The owner sees the refund and why.
    const owner = await t.app.request(`/v1/sites/${site.id}/owner/orders?workshop=${w.id}`, {
      headers: site.auth,
    });
    const { orders } = await owner.json();
    expect(orders.find((o: { id: string }) => o.id === a.orderId)).toMatchObject({
      status: 'refunded',
      refundReason: 'sold_out',
      refundId: refund.id,
      email: 'a@example.com',
    });
    expect(orders.find((o: { id: string }) => o.id === b.orderId)).toMatchObject({
      status: 'paid',
      refundReason: null,
    });
    expect((await t.app.request(`/v1/sites/${site.id}/owner/orders`)).status).toBe(401);
    const bad = await t.app.request(`/v1/sites/${site.id}/owner/orders?workshop=`, { headers: site.auth });
    expect([bad.status, (await bad.json()).error.code]).toEqual([400, 'validation_failed']);
    const other = await t.app.request(`/v1/sites/${site.id}/owner/orders?workshop=ws_other`, {
      headers: site.auth,
    });
    expect(await other.json()).toEqual({ orders: [] });
  });

  it('after checkout.session.expired, a payment still takes the seat if one is free', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { capacity: 1 });
    const a = await checkoutAt(site, w.id);
    const session = stripe.sessions.get(a.sessionId)!;
    await deliver(stripe.webhook('checkout.session.expired', { ...session, status: 'expired' }));
    expect((await row(a.orderId)).status).toBe('expired');

    expect(await (await pay(a.sessionId, 'a@example.com')).res.json()).toMatchObject({ outcome: 'paid' });
    expect(await row(a.orderId)).toMatchObject({ status: 'paid', refund_reason: null });
    expect(await tickets()).toHaveLength(1);
    expect(stripe.refunds.size).toBe(0);
    expect(await seatsLeft(site.id, w.id)).toBe(0);
  });

  it('a hold paid after the owner cancelled the workshop gets no ticket: refunded, and the buyer told', async () => {
    const a = await holdOnCancelledWorkshop();

    expect(await (await pay(a.sessionId, 'a@example.com')).res.json()).toMatchObject({ outcome: 'refunded' });
    expect(await row(a.orderId)).toMatchObject({ status: 'refunded', refund_reason: 'workshop_cancelled' });
    expect(await tickets()).toHaveLength(0);
    expect(stripe.refunds.size).toBe(1);
    expect(await mailTo('a@example.com')).toContain('The host cancelled the workshop');
    const view = await (await t.app.request(`/v1/orders/${a.orderId}`)).json();
    expect(view).toMatchObject({ status: 'refunded', refundReason: 'workshop_cancelled', ticket: null });
  });

  it('when Stripe cannot refund, the webhook fails so Stripe retries, and the retry refunds once', async () => {
    const a = await holdOnCancelledWorkshop();
    stripe.failRefundsWith = 500;
    const { session } = stripe.completed(a.sessionId, 'a@example.com');
    const hook = stripe.webhook('checkout.session.completed', session, { id: 'evt_refund_retry' });

    const failed = await deliver(hook);
    expect([failed.status, (await failed.json()).error.code]).toEqual([502, 'payment_unavailable']);
    expect(await row(a.orderId)).toMatchObject({ status: 'refunded', provider_refund_id: null });
    expect(await t.database.db.selectFrom('webhook_events').selectAll().execute()).toHaveLength(0);
    expect(await tickets()).toHaveLength(0);

    stripe.failRefundsWith = null;
    expect(await (await deliver(hook)).json()).toEqual({ received: true, outcome: 'refunded' });
    expect(stripe.refunds.size).toBe(1);
    expect((await row(a.orderId)).provider_refund_id).toBe([...stripe.refunds.keys()][0]);
    await mailTo('a@example.com');
    expect(smtp.messages.filter((m) => m.to.includes('a@example.com'))).toHaveLength(1);
  });

  it('a refund still owed (Stripe was down, no redelivery) is sent by the sweeper', async () => {
    const a = await holdOnCancelledWorkshop();
    stripe.failRefundsWith = 503;
    expect((await pay(a.sessionId, 'a@example.com')).res.status).toBe(502);
    expect(await t.deps.orders.retryOwedRefunds()).toBe(0);

    stripe.failRefundsWith = null;
    expect(await t.deps.orders.retryOwedRefunds()).toBe(1);
    expect(await t.deps.orders.retryOwedRefunds()).toBe(0);
    expect(stripe.refunds.size).toBe(1);
    expect((await row(a.orderId)).provider_refund_id).toMatch(/^re_/);
  });
});

describe('payment methods that settle later', () => {
  it('completed but unpaid → no ticket and the seat stays held past the usual hold; async success → paid with a ticket', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { capacity: 1 });
    const a = await checkoutAt(site, w.id);
    const { session, settled } = stripe.completedUnpaid(a.sessionId, 'a@example.com');

    expect(await (await deliver(stripe.webhook('checkout.session.completed', session))).json()).toEqual({
      received: true,
      outcome: 'awaiting_payment',
    });
    const held = await row(a.orderId);
    expect(held.status).toBe('held');
    expect(Number(held.hold_expires_at)).toBeGreaterThan(Date.now() + HOLD_MS);
    expect(await tickets()).toHaveLength(0);

    // The sweeper runs long after a card payment's hold would have lapsed: the seat stays held.
    t.setNow(Date.now() + HOLD_MS + 60 * 60_000);
    expect(await t.deps.orders.expireHolds()).toBe(0);
    expect(await seatsLeft(site.id, w.id)).toBe(0);
    t.setNow(Date.now());

    const ok = await deliver(stripe.webhook('checkout.session.async_payment_succeeded', settled));
    expect(await ok.json()).toEqual({ received: true, outcome: 'paid' });
    expect(await row(a.orderId)).toMatchObject({ status: 'paid', email: 'a@example.com' });
    expect((await tickets()).map((ticket) => ticket.order_id)).toEqual([a.orderId]);
  });

  it('async failure → the seat is released and offered to the waitlist; a late "completed" does not hold it again', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { capacity: 1 });
    const a = await checkoutAt(site, w.id);
    const { session } = stripe.completedUnpaid(a.sessionId, 'a@example.com');
    await deliver(stripe.webhook('checkout.session.completed', session));
    const waiting = await t.app.request(
      '/v1/waitlist',
      jsonRequest(
        'POST',
        { siteId: site.id, workshopId: w.id, email: 'next@example.com' },
        { Origin: ORIGIN },
      ),
    );
    expect(waiting.status).toBe(201);

    const failed = await deliver(stripe.webhook('checkout.session.async_payment_failed', session));
    expect(await failed.json()).toEqual({ received: true, outcome: 'payment_failed' });
    expect((await row(a.orderId)).status).toBe('cancelled');
    expect(await seatsLeft(site.id, w.id)).toBe(1);
    expect(await mailTo('next@example.com')).toContain('A seat opened up');

    const redelivered = await deliver(stripe.webhook('checkout.session.completed', session));
    expect(await redelivered.json()).toMatchObject({ outcome: 'unchanged' });
    expect(await seatsLeft(site.id, w.id)).toBe(1);
    expect(await tickets()).toHaveLength(0);
  });

  it('settling after the seat was sold → refunded, never a second ticket', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { capacity: 1 });
    const a = await checkoutAt(site, w.id, HOLD_MS + 60_000);
    const b = await checkoutAt(site, w.id);
    await pay(b.sessionId, 'b@example.com');
    const { session, settled } = stripe.completedUnpaid(a.sessionId, 'a@example.com');

    // No seat to hold while A's debit settles…
    expect(await (await deliver(stripe.webhook('checkout.session.completed', session))).json()).toMatchObject(
      {
        outcome: 'unchanged',
      },
    );
    // …so when the money arrives it goes back.
    const ok = await deliver(stripe.webhook('checkout.session.async_payment_succeeded', settled));
    expect(await ok.json()).toMatchObject({ outcome: 'refunded' });
    expect(await row(a.orderId)).toMatchObject({ status: 'refunded', refund_reason: 'sold_out' });
    expect(stripe.refunds.size).toBe(1);
    expect((await tickets()).map((ticket) => ticket.order_id)).toEqual([b.orderId]);
  });
});
