import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, fromAddress, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';

const ORIGIN = 'https://blog.example';
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const checkout = (body: Record<string, unknown>) =>
  t.app.request('/v1/checkout', jsonRequest('POST', body, { Origin: ORIGIN }));

async function orders() {
  return t.database.db.selectFrom('orders').selectAll().execute();
}

describe('dev checkout', () => {
  it('holds a seat, pays on the dev page, returns to the host page, and issues a ticket with an .ics', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id);
    const res = await checkout({ siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/workshops?ref=x` });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const body = await res.json();
    expect(body.order).toMatchObject({ status: 'held', amount: 3000, currency: 'EUR', ticket: null });
    expect(body.checkout.type).toBe('redirect');
    const pageUrl = new URL(body.checkout.url);
    expect(pageUrl.pathname).toBe(`/dev-checkout/${body.order.id}`);
    expect((await t.deps.workshops.getPublic(site.id, w.id)).seatsLeft).toBe(9);

    const page = await t.app.request(pageUrl.pathname);
    const html = await page.text();
    expect(html).toContain('Test checkout');
    expect(html).toContain('Pasta by hand');
    expect(html).toContain('€30.00');

    const paid = await t.app.request(`/dev-checkout/${body.order.id}/pay`, { method: 'POST' });
    expect(paid.status).toBe(303);
    const back = new URL(paid.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(`${ORIGIN}/workshops`);
    expect(back.searchParams.get('ref')).toBe('x');
    expect(back.searchParams.get('lectern_order')).toBe(body.order.id);

    const order = await (
      await t.app.request(`/v1/orders/${body.order.id}`, { headers: { Origin: ORIGIN } })
    ).json();
    expect(order.status).toBe('paid');
    expect(order.ticket).toMatchObject({ workshopId: w.id, revoked: false });
    const ics = await t.app.request(new URL(order.ticket.icsUrl).pathname);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const text = await ics.text();
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain('SUMMARY:Pasta by hand');
    expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(text.replace(/\r\n /g, '')).toContain(`/room/${w.id}#ticket=`);

    const ticketPage = await t.app.request(new URL(order.ticket.url).pathname);
    expect(await ticketPage.text()).toContain('Join the live room');
  });

  it('cancelling on the dev page frees the seat and says so in the return URL', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { capacity: 1 });
    const body = await (
      await checkout({ siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` })
    ).json();
    expect((await t.deps.workshops.getPublic(site.id, w.id)).seatsLeft).toBe(0);
    const res = await t.app.request(`/dev-checkout/${body.order.id}/cancel`, { method: 'POST' });
    expect(new URL(res.headers.get('location')!).searchParams.get('lectern_checkout')).toBe('cancelled');
    expect((await t.deps.workshops.getPublic(site.id, w.id)).seatsLeft).toBe(1);
    expect((await orders())[0].status).toBe('cancelled');
  });

  it('30 concurrent checkouts for 10 seats hold exactly 10, and exactly 10 end up paid', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { capacity: 10 });
    // 30 buyers on 30 addresses (one address is capped: hold-limits.test.ts).
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.app.request(
          '/v1/checkout',
          jsonRequest(
            'POST',
            { siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` },
            { Origin: ORIGIN },
          ),
          fromAddress(`10.0.0.${i + 1}`),
        ),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(20);
    const bodies = await Promise.all(results.map((r) => r.json()));
    expect(bodies.filter((b) => b.error).every((b) => b.error.code === 'sold_out')).toBe(true);
    await Promise.all(
      bodies
        .filter((b) => b.order)
        .map((b) => t.app.request(`/dev-checkout/${b.order.id}/pay`, { method: 'POST' })),
    );
    const rows = await orders();
    expect(rows.filter((o) => o.status === 'paid')).toHaveLength(10);
    expect(rows).toHaveLength(10);
    const tickets = await t.database.db.selectFrom('tickets').selectAll().execute();
    expect(tickets).toHaveLength(10);
  });

  it('a lapsed hold frees its seat and the sweeper marks it expired', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { capacity: 1 });
    await checkout({ siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` });
    expect((await checkout({ siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` })).status).toBe(409);
    t.setNow(Date.now() + 36 * 60_000);
    expect((await t.deps.workshops.getPublic(site.id, w.id)).seatsLeft).toBe(1);
    expect(await t.deps.orders.expireHolds()).toBe(1);
    expect((await orders())[0].status).toBe('expired');
    expect((await checkout({ siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` })).status).toBe(201);
  });
});

describe('dev checkout refuses what it can no longer sell', () => {
  it('capacity 1: A’s hold lapses, B buys the seat, A’s payment on the dev page → 409 hold_expired, one paid order', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { capacity: 1 });
    const a = await (await checkout({ siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` })).json();
    t.setNow(Date.now() + 36 * 60_000);
    const b = await (await checkout({ siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` })).json();
    expect(b.order.status).toBe('held');
    await t.app.request(`/dev-checkout/${b.order.id}/pay`, { method: 'POST' });

    const page = await t.app.request(`/dev-checkout/${a.order.id}`);
    expect(page.status).toBe(409);
    const html = await page.text();
    expect(html).toContain('Your seat reservation ran out before you paid');
    expect(html).not.toContain('Pay (test)');
    const paid = await t.app.request(`/dev-checkout/${a.order.id}/pay`, { method: 'POST' });
    expect([paid.status, (await paid.json()).error.code]).toEqual([409, 'hold_expired']);

    const rows = await orders();
    expect(rows.filter((o) => o.status === 'paid').map((o) => o.id)).toEqual([b.order.id]);
    expect(await t.database.db.selectFrom('tickets').selectAll().execute()).toHaveLength(1);
  });

  it('a hold on a workshop the owner cancelled: the page says so and will not take payment', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id);
    const a = await (
      await checkout({ siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/`, locale: 'zh-CN' })
    ).json();
    await t.deps.workshops.cancel(site.id, w.id);
    const page = await t.app.request(`/dev-checkout/${a.order.id}`);
    expect([page.status, await page.text()]).toEqual([
      409,
      expect.stringContaining('主讲人已取消这场工作坊'),
    ]);
    const paid = await t.app.request(`/dev-checkout/${a.order.id}/pay`, { method: 'POST' });
    expect([paid.status, (await paid.json()).error.code]).toEqual([409, 'not_purchasable']);
    expect((await orders())[0].status).toBe('held');
  });

  it('a dev payment for a released hold whose seat was sold is refunded and the refund recorded', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { capacity: 1 });
    const a = await (await checkout({ siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` })).json();
    t.setNow(Date.now() + 36 * 60_000);
    expect(await t.deps.orders.expireHolds()).toBe(1);
    const b = await (await checkout({ siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` })).json();
    await t.app.request(`/dev-checkout/${b.order.id}/pay`, { method: 'POST' });

    // The money for A arrives anyway (as a provider's late completion would deliver it).
    expect(await t.deps.orders.markPaid(a.order.id, { paymentId: `devpay_${a.order.id}` })).toBe('refunded');
    const late = (await orders()).find((o) => o.id === a.order.id)!;
    expect(late).toMatchObject({
      status: 'refunded',
      refund_reason: 'sold_out',
      provider_refund_id: `devrefund_${a.order.id}`,
    });
    expect((await orders()).filter((o) => o.status === 'paid')).toHaveLength(1);
    expect((await t.deps.workshops.getPublic(site.id, w.id)).seatsLeft).toBe(0);
  });

  it('a dev payment for a released hold takes the seat when one is still free', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { capacity: 1 });
    const a = await (await checkout({ siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` })).json();
    t.setNow(Date.now() + 36 * 60_000);
    await t.deps.orders.expireHolds();
    expect(await t.deps.orders.markPaid(a.order.id, { paymentId: `devpay_${a.order.id}` })).toBe('paid');
    expect((await orders())[0]).toMatchObject({ status: 'paid', refund_reason: null });
    expect(await t.database.db.selectFrom('tickets').selectAll().execute()).toHaveLength(1);
  });
});

describe('free workshops', () => {
  // Changed on purpose (issue 14): a free seat is held briefly until the emailed link confirms it
  // (confirm.test.ts follows the link); it used to be final at once.
  it('register with an email: the seat is held for confirmation, no ticket yet', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { priceAmount: 0 });
    const res = await checkout({
      siteId: site.id,
      workshopId: w.id,
      returnUrl: `${ORIGIN}/`,
      email: 'a@b.example',
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.checkout).toEqual({ type: 'none' });
    expect(body.order).toMatchObject({ status: 'held', ticket: null });
    expect(Date.parse(body.order.holdExpiresAt) - t.deps.now()).toBe(15 * 60_000);
    expect((await orders())[0]).toMatchObject({ provider: 'free', email: 'a@b.example' });
    expect((await orders())[0].confirm_token).toMatch(/^[\w-]{32}$/);
  });

  it('need an email', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { priceAmount: 0 });
    const res = await checkout({ siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/email/);
    expect(await orders()).toHaveLength(0);
  });
});

describe('checkout bad input changes nothing', () => {
  it.each([
    ['a return URL on another origin', { returnUrl: 'https://evil.example/phish' }, 400, 'validation_failed'],
    ['an unknown workshop', { workshopId: 'ws_nope' }, 404, 'not_found'],
    ['an unknown field', { coupon: 'FREE' }, 400, 'validation_failed'],
    ['an invalid email', { email: 'not-an-email' }, 400, 'validation_failed'],
    ['an unknown mode', { mode: 'popup' }, 400, 'validation_failed'],
  ])('%s', async (_name, patch, status, code) => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id);
    const res = await checkout({ siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/`, ...patch });
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
    expect(await orders()).toHaveLength(0);
  });

  it('refuses cancelled workshops and other origins', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id);
    const foreign = await t.app.request(
      '/v1/checkout',
      jsonRequest(
        'POST',
        { siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` },
        { Origin: 'https://evil.example' },
      ),
    );
    expect(foreign.status).toBe(403);
    await t.deps.workshops.cancel(site.id, w.id);
    const res = await checkout({ siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` });
    expect([res.status, (await res.json()).error.code]).toEqual([409, 'not_purchasable']);
    expect(await orders()).toHaveLength(0);
  });

  it('unknown orders and forged tickets are 404/401 JSON', async () => {
    expect((await t.app.request('/v1/orders/ord_nope')).status).toBe(404);
    const ics = await t.app.request('/v1/tickets/not.a.token/ics');
    expect([ics.status, (await ics.json()).error.code]).toEqual([401, 'unauthorized']);
  });
});
