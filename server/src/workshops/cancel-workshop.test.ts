import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeStripe } from '../test-support/fake-stripe.ts';
import { startSmtpSink } from '../test-support/smtp-sink.ts';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';

// Cancelling a workshop with paid tickets: refunded through the official Stripe SDK against the
// local fake, tickets revoked, buyers emailed through a real SMTP sink.

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

const row = (id: string) =>
  t.database.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** A paid order for `email` through checkout and a signed `checkout.session.completed`. */
async function paidOrder(siteId: string, workshopId: string, email: string) {
  const res = await t.app.request(
    '/v1/checkout',
    jsonRequest('POST', { siteId, workshopId, returnUrl: `${ORIGIN}/workshops` }, { Origin: ORIGIN }),
  );
  const { order } = await res.json();
  const sessionId = (await row(order.id)).provider_session_id!;
  const { session } = stripe.completed(sessionId, email);
  const hook = stripe.webhook('checkout.session.completed', session);
  await t.app.request('/v1/stripe/webhook', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': hook.signature },
    body: hook.payload,
  });
  expect((await row(order.id)).status).toBe('paid');
  return order.id as string;
}

async function mailsTo(to: string, subject: string) {
  for (let i = 0; i < 200; i++) {
    const found = smtp.messages.filter((m) => m.to.includes(to) && m.raw.includes(subject));
    if (found.length) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return [];
}

describe('POST /v1/sites/:site/workshops/:id/cancel', () => {
  it('refunds every paid ticket through the provider, revokes it and emails the buyer', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id);
    const a = await paidOrder(site.id, w.id, 'ana@example.com');
    const b = await paidOrder(site.id, w.id, 'bo@example.com');

    const res = await t.app.request(`/v1/sites/${site.id}/workshops/${w.id}/cancel`, {
      method: 'POST',
      headers: site.auth,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'cancelled', refundedOrders: 2, refundsFailed: 0 });
    for (const id of [a, b]) expect((await row(id)).status).toBe('refunded');
    const tickets = await t.database.db.selectFrom('tickets').select('status').execute();
    expect(tickets.map((x) => x.status)).toEqual(['revoked', 'revoked']);
    expect(stripe.refunds.size).toBe(2);
    expect(await mailsTo('ana@example.com', 'Cancelled: Pasta by hand')).toHaveLength(1);
    expect(await mailsTo('bo@example.com', 'Cancelled: Pasta by hand')).toHaveLength(1);
  });

  it('keeps an order the provider would not refund paid, says so, and a second cancel retries it', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id);
    const a = await paidOrder(site.id, w.id, 'ana@example.com');
    stripe.failRefundsWith = 500;
    const first = await t.app.request(`/v1/sites/${site.id}/workshops/${w.id}/cancel`, {
      method: 'POST',
      headers: site.auth,
    });
    expect(await first.json()).toMatchObject({ status: 'cancelled', refundedOrders: 0, refundsFailed: 1 });
    expect((await row(a)).status).toBe('paid');

    stripe.failRefundsWith = null;
    const again = await t.app.request(`/v1/sites/${site.id}/workshops/${w.id}/cancel`, {
      method: 'POST',
      headers: site.auth,
    });
    expect(await again.json()).toMatchObject({ refundedOrders: 1, refundsFailed: 0 });
    expect((await row(a)).status).toBe('refunded');
  });

  it('reports revenue per workshop to the owner, and none after the refunds', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id);
    await paidOrder(site.id, w.id, 'ana@example.com');
    const list = async () =>
      (await (await t.app.request(`/v1/sites/${site.id}/owner/workshops`, { headers: site.auth })).json())
        .workshops[0];
    expect(await list()).toMatchObject({ paidCount: 1, revenueAmount: 3000, currency: 'EUR' });
    await t.app.request(`/v1/sites/${site.id}/workshops/${w.id}/cancel`, {
      method: 'POST',
      headers: site.auth,
    });
    expect(await list()).toMatchObject({ paidCount: 0, revenueAmount: 0, status: 'cancelled' });
  });
});

describe('POST /v1/sites/:site/workshops/:id/unpublish', () => {
  const unpublish = (siteId: string, id: string, auth: Record<string, string>) =>
    t.app.request(`/v1/sites/${siteId}/workshops/${id}/unpublish`, { method: 'POST', headers: auth });

  it('takes a workshop nobody has booked off the public list, back to draft', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id);
    const res = await unpublish(site.id, w.id, site.auth);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'draft', publishedAt: null });
    const pub = await (await t.app.request(`/v1/sites/${site.id}/workshops`)).json();
    expect(pub.workshops).toEqual([]);
  });

  it('refuses while a seat is sold or held, and for a draft or a cancelled workshop', async () => {
    const site = await t.site([ORIGIN]);
    const held = await publishedWorkshop(t, site.id);
    await t.app.request(
      '/v1/checkout',
      jsonRequest(
        'POST',
        { siteId: site.id, workshopId: held.id, returnUrl: `${ORIGIN}/w` },
        { Origin: ORIGIN },
      ),
    );
    const res = await unpublish(site.id, held.id, site.auth);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('conflict');
    expect((await t.deps.workshops.getForOwner(site.id, held.id)).status).toBe('published');

    const sold = await publishedWorkshop(t, site.id);
    await paidOrder(site.id, sold.id, 'ana@example.com');
    expect((await unpublish(site.id, sold.id, site.auth)).status).toBe(409);

    const cancelled = await publishedWorkshop(t, site.id);
    await t.deps.workshops.cancel(site.id, cancelled.id);
    expect((await unpublish(site.id, cancelled.id, site.auth)).status).toBe(409);
    const draft = await publishedWorkshop(t, site.id);
    expect((await unpublish(site.id, draft.id, site.auth)).status).toBe(200);
    expect((await unpublish(site.id, draft.id, site.auth)).status).toBe(409);
  });

  it('is the owner of that site only', async () => {
    const site = await t.site([ORIGIN]);
    const other = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id);
    expect((await unpublish(site.id, w.id, {})).status).toBe(401);
    expect((await unpublish(site.id, w.id, other.auth)).status).toBe(403);
  });
});
