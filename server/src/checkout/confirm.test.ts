import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MailMessage } from '../mail/mailer.ts';
import { createTestApp, fromAddress, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';

const ORIGIN = 'https://blog.example';
let t: TestApp;
let site: Awaited<ReturnType<TestApp['site']>>;
let mail: MailMessage[];
beforeEach(async () => {
  t = await createTestApp();
  site = await t.site([ORIGIN]);
  mail = [];
  // As with SMTP configured: the ticket email is only sent then (the confirmation always goes out).
  Object.defineProperty(t.deps.mailer, 'enabled', { value: true });
  t.deps.mailer.send = async (message) => {
    mail.push(message);
    return true;
  };
});
afterEach(async () => {
  await t.close();
});

let reader = 0;
/** A free registration by a new reader; returns the order id and its confirmation path. */
async function register(workshopId: string, locale = 'en') {
  reader += 1;
  const res = await t.app.request(
    '/v1/checkout',
    jsonRequest(
      'POST',
      {
        siteId: site.id,
        workshopId,
        returnUrl: `${ORIGIN}/free?x=1`,
        email: `r${reader}@example.com`,
        locale,
      },
      { Origin: ORIGIN },
    ),
    fromAddress(`10.2.0.${reader}`),
  );
  expect(res.status).toBe(201);
  const { order } = await res.json();
  const row = await t.deps.orders.get(order.id);
  return { orderId: order.id as string, path: `/confirm/${row.confirm_token}` };
}
const tickets = () => t.database.db.selectFrom('tickets').selectAll().execute();

describe('confirming a free registration', () => {
  it('emails the link; following it makes the order paid (0), issues the ticket and emails it', async () => {
    const w = await publishedWorkshop(t, site.id, { priceAmount: 0, capacity: 3, title: 'Open <Q&A>' });
    const { orderId, path } = await register(w.id);
    await expect.poll(() => mail.length).toBe(1);
    expect(mail[0]).toMatchObject({ to: 'r1@example.com', subject: 'Confirm your seat: Open <Q&A>' });
    expect(mail[0].text).toContain(`http://lectern.test${path}`);
    expect(mail[0].text).toContain('within 15 minutes');

    const page = await t.app.request(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('Your seat is confirmed');
    const order = await t.deps.orders.get(orderId);
    expect(order).toMatchObject({ status: 'paid', amount: 0, hold_expires_at: null });
    const view = await t.deps.orders.view(order);
    expect(html).toContain(`href="${view.ticket!.url}"`);
    expect(html).toContain(`href="${ORIGIN}/free?x=1&amp;lectern_order=${orderId}"`);
    expect(await tickets()).toHaveLength(1);
    await expect.poll(() => mail.length).toBe(2);
    expect(mail[1]).toMatchObject({ to: 'r1@example.com', subject: 'Your ticket: Open <Q&A>' });

    // Following the link again shows the same ticket and issues nothing more.
    expect((await t.app.request(path)).status).toBe(200);
    expect(await tickets()).toHaveLength(1);
    expect(mail).toHaveLength(2);
  });

  it('a lapsed hold still confirms while a seat is free, and says the workshop is full when not', async () => {
    const w = await publishedWorkshop(t, site.id, { priceAmount: 0, capacity: 1 });
    const late = await register(w.id);
    t.setNow(t.deps.now() + 16 * 60_000);
    await t.deps.orders.expireHolds();
    expect((await t.app.request(late.path)).status).toBe(200);
    expect((await t.deps.orders.get(late.orderId)).status).toBe('paid');

    const w2 = await publishedWorkshop(t, site.id, { priceAmount: 0, capacity: 1 });
    const lapsed = await register(w2.id);
    t.setNow(t.deps.now() + 16 * 60_000);
    const other = await register(w2.id);
    expect((await t.app.request(other.path)).status).toBe(200);
    const full = await t.app.request(lapsed.path);
    expect(full.status).toBe(409);
    expect(await full.text()).toContain('This workshop is full now');
    expect((await t.deps.orders.get(lapsed.orderId)).status).not.toBe('paid');
    expect(await tickets()).toHaveLength(2);
  });

  it('says so when the workshop was cancelled or the link is unknown, in the reader’s language', async () => {
    const w = await publishedWorkshop(t, site.id, { priceAmount: 0 });
    const { orderId, path } = await register(w.id, 'zh-CN');
    await t.deps.workshops.cancel(site.id, w.id);
    const cancelled = await t.app.request(path);
    expect(cancelled.status).toBe(409);
    expect(await cancelled.text()).toContain('此工作坊已取消');
    expect((await t.deps.orders.get(orderId)).status).not.toBe('paid');

    const unknown = await t.app.request('/confirm/not-a-token');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('This confirmation link is not valid');
    expect(await tickets()).toEqual([]);
  });

  it('a paid order cannot be "confirmed" for free', async () => {
    const w = await publishedWorkshop(t, site.id);
    const res = await t.app.request(
      '/v1/checkout',
      jsonRequest('POST', { siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` }, { Origin: ORIGIN }),
    );
    const { order } = await res.json();
    expect((await t.deps.orders.get(order.id)).confirm_token).toBeNull();
    expect((await t.deps.orders.confirm(order.id)).kind).toBe('unknown');
    expect((await t.deps.orders.get(order.id)).status).toBe('held');
  });
});
