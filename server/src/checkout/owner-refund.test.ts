import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buyWithDevPayments, mailsTo, ORIGIN } from '../owner/owner-test-kit.ts';
import { paidTicket } from '../rooms/test-tickets.ts';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';

let t: TestApp;
let site: Awaited<ReturnType<TestApp['site']>>;
beforeEach(async () => {
  t = await createTestApp();
  site = await t.site([ORIGIN]);
});
afterEach(async () => {
  await t.close();
});

const post = (path: string, headers = site.auth) => t.app.request(path, jsonRequest('POST', {}, headers));
const base = () => `/v1/sites/${site.id}/owner`;

describe('refund and resend', () => {
  it('refunds a paid order: ticket revoked, buyer emailed, seat free again; a second refund is 409', async () => {
    const w = await publishedWorkshop(t, site.id, { capacity: 1 });
    const orderId = await buyWithDevPayments(t, site.id, w.id, 'buyer@example.org');
    expect((await t.deps.workshops.getPublic(site.id, w.id)).seatsLeft).toBe(0);
    const res = await post(`${base()}/orders/${orderId}/refund`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      order: { id: orderId, status: 'refunded', refundId: `devrefund_${orderId}`, refundReason: null },
      emailed: true,
    });
    const ticket = await t.database.db
      .selectFrom('tickets')
      .select('status')
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(ticket.status).toBe('revoked');
    expect((await t.deps.workshops.getPublic(site.id, w.id)).seatsLeft).toBe(1);
    const mails = await mailsTo(t, 'buyer@example.org', 2);
    expect(mails.map((m) => m.subject)).toContain('Refunded: Pasta by hand');
    const order = await (
      await t.app.request(`/v1/orders/${orderId}`, { headers: { Origin: ORIGIN } })
    ).json();
    expect(order).toMatchObject({ status: 'refunded', ticket: { revoked: true } });

    const again = await post(`${base()}/orders/${orderId}/refund`);
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'already_refunded']);
    const resend = await post(`${base()}/orders/${orderId}/resend`);
    expect([resend.status, (await resend.json()).error.code]).toEqual([409, 'not_paid']);
  });

  it('refuses to refund a free registration, a hold, and another site’s order', async () => {
    const free = await publishedWorkshop(t, site.id, { priceAmount: 0 });
    const registered = await paidTicket(t.deps, site.id, free.id);
    await t.database.db.updateTable('orders').set({ amount: 0, provider: 'free' }).execute();
    const res = await post(`${base()}/orders/${registered.orderId}/refund`);
    expect([res.status, (await res.json()).error.code]).toEqual([409, 'not_refundable']);

    const paidW = await publishedWorkshop(t, site.id);
    const held = await t.app.request(
      '/v1/checkout',
      jsonRequest(
        'POST',
        { siteId: site.id, workshopId: paidW.id, returnUrl: `${ORIGIN}/` },
        { Origin: ORIGIN },
      ),
    );
    const heldId = (await held.json()).order.id;
    const refusal = await post(`${base()}/orders/${heldId}/refund`);
    expect([refusal.status, (await refusal.json()).error.code]).toEqual([409, 'not_paid']);

    const other = await t.site();
    const otherW = await publishedWorkshop(t, other.id);
    const theirs = await buyWithDevPayments(t, other.id, otherW.id, 'x@example.org');
    const foreign = await post(`${base()}/orders/${theirs}/refund`);
    expect([foreign.status, (await foreign.json()).error.code]).toEqual([404, 'not_found']);
    expect((await post(`/v1/sites/${other.id}/owner/orders/${theirs}/refund`)).status).toBe(403);
    const stillPaid = await t.database.db
      .selectFrom('orders')
      .select('status')
      .where('id', '=', theirs)
      .executeTakeFirstOrThrow();
    expect(stillPaid.status).toBe('paid');
  });

  it('resends the ticket email of a paid order', async () => {
    const w = await publishedWorkshop(t, site.id);
    const orderId = await buyWithDevPayments(t, site.id, w.id, 'again@example.org');
    await mailsTo(t, 'again@example.org', 1);
    const res = await post(`${base()}/orders/${orderId}/resend`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ order: { id: orderId, status: 'paid' }, emailed: true });
    const mails = await mailsTo(t, 'again@example.org', 2);
    expect(mails.filter((m) => m.subject === 'Your ticket: Pasta by hand')).toHaveLength(2);
  });
});
