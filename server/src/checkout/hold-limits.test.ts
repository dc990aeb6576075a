import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createTestApp, fromAddress, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';

const ORIGIN = 'https://blog.example';
let t: TestApp;
let site: Awaited<ReturnType<TestApp['site']>>;
beforeEach(async () => {
  t = await createTestApp();
  site = await t.site([ORIGIN]);
});
afterEach(async () => {
  await t.close();
});

const checkout = (address: string, body: Record<string, unknown>) =>
  t.app.request(
    '/v1/checkout',
    jsonRequest('POST', { siteId: site.id, returnUrl: `${ORIGIN}/`, ...body }, { Origin: ORIGIN }),
    fromAddress(address),
  );
const heldOrders = () =>
  t.database.db.selectFrom('orders').selectAll().where('status', '=', 'held').execute();

describe('hold limits', () => {
  it('30 holds from one address stop at 2 per workshop; the real buyer still gets a seat', async () => {
    const w = await publishedWorkshop(t, site.id, { capacity: 30 });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        checkout('203.0.113.9', { workshopId: w.id, email: `squatter${i}@made-up.example` }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(28);
    // A browser must be able to read the refusal: CORS headers and a JSON body.
    expect(refused[0].headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(Number(refused[0].headers.get('retry-after'))).toBe(35 * 60);
    expect((await refused[0].json()).error).toMatchObject({
      code: 'too_many_holds',
      details: { scope: 'client_workshop', limit: 2 },
    });
    expect(await heldOrders()).toHaveLength(2);
    expect((await t.deps.workshops.getPublic(site.id, w.id)).seatsLeft).toBe(28);

    const buyer = await checkout('198.51.100.7', { workshopId: w.id, email: 'real@buyer.example' });
    expect(buyer.status).toBe(201);
  });

  it('caps one address at 5 holds across the site', async () => {
    const workshops = await Promise.all(Array.from({ length: 3 }, () => publishedWorkshop(t, site.id)));
    const statuses: number[] = [];
    for (const w of workshops) {
      for (let i = 0; i < 2; i += 1)
        statuses.push((await checkout('203.0.113.9', { workshopId: w.id })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect(await heldOrders()).toHaveLength(5);
    // Paying for one frees a slot: only unpaid holds count.
    const [first] = await heldOrders();
    await t.app.request(`/dev-checkout/${first.id}/pay`, { method: 'POST' });
    expect((await checkout('203.0.113.9', { workshopId: workshops[2].id })).status).toBe(201);
  });

  it('30 made-up emails from 30 addresses hold a free workshop only until the holds lapse unconfirmed', async () => {
    const w = await publishedWorkshop(t, site.id, { priceAmount: 0, capacity: 30 });
    for (let i = 0; i < 30; i += 1) {
      const res = await checkout(`10.1.0.${i}`, { workshopId: w.id, email: `fake${i}@made-up.example` });
      expect(res.status).toBe(201);
    }
    expect((await t.deps.workshops.getPublic(site.id, w.id)).seatsLeft).toBe(0);
    expect(await t.database.db.selectFrom('tickets').selectAll().execute()).toEqual([]);
    t.setNow(t.deps.now() + 15 * 60_000 + 1);
    expect(await t.deps.orders.expireHolds()).toBe(30);
    expect((await t.deps.workshops.getPublic(site.id, w.id)).seatsLeft).toBe(30);
  });

  it('one email holds one seat per workshop: a retry from the same client gets its hold back', async () => {
    const w = await publishedWorkshop(t, site.id, { capacity: 5 });
    const first = await (
      await checkout('198.51.100.7', { workshopId: w.id, email: 'Ana@example.com' })
    ).json();
    const retry = await checkout('198.51.100.7', { workshopId: w.id, email: 'ana@example.com' });
    expect(retry.status).toBe(201);
    const again = await retry.json();
    expect(again.order.id).toBe(first.order.id);
    expect(again.checkout).toEqual(first.checkout);
    expect(await heldOrders()).toHaveLength(1);

    // Someone else (another address) using that email cannot take a second seat with it.
    const other = await checkout('203.0.113.9', { workshopId: w.id, email: 'ana@example.com' });
    expect(other.status).toBe(409);
    expect((await other.json()).error).toMatchObject({
      code: 'too_many_holds',
      details: { scope: 'email_workshop' },
    });
    expect(await heldOrders()).toHaveLength(1);
  });

  it('a retry after the payment session closed gives up the old hold for a fresh one', async () => {
    const w = await publishedWorkshop(t, site.id, { capacity: 1 });
    const first = await (
      await checkout('198.51.100.7', { workshopId: w.id, email: 'ana@example.com' })
    ).json();
    t.setNow(t.deps.now() + 31 * 60_000); // the session closed; the hold has 4 minutes left
    const retry = await checkout('198.51.100.7', { workshopId: w.id, email: 'ana@example.com' });
    expect(retry.status).toBe(201);
    const fresh = await retry.json();
    expect(fresh.order.id).not.toBe(first.order.id);
    expect((await t.deps.orders.get(first.order.id)).status).toBe('cancelled');
    expect(await heldOrders()).toHaveLength(1);
  });

  it('free registration retried by the same reader resends the link and keeps one seat', async () => {
    const w = await publishedWorkshop(t, site.id, { priceAmount: 0, capacity: 5 });
    const sent: string[] = [];
    t.deps.mailer.send = async (message) => {
      sent.push(message.text);
      return true;
    };
    const a = await (await checkout('198.51.100.7', { workshopId: w.id, email: 'ana@example.com' })).json();
    const b = await (await checkout('198.51.100.7', { workshopId: w.id, email: 'ana@example.com' })).json();
    expect(b.order.id).toBe(a.order.id);
    await expect.poll(() => sent.length).toBe(2);
    const [{ confirm_token }] = await heldOrders();
    expect(sent.every((text) => text.includes(`http://lectern.test/confirm/${confirm_token}`))).toBe(true);
  });

  it('reads its limits from the environment (0 turns one off)', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      LECTERN_SECRET: 'x'.repeat(32),
      LECTERN_HOLDS_PER_CLIENT: '0',
      LECTERN_HOLDS_PER_EMAIL: '3',
      LECTERN_HOLDS_PER_CLIENT_SITE: '9',
      LECTERN_FREE_HOLD_MINUTES: '20',
    });
    expect(config.holds).toEqual({
      perClientWorkshop: 0,
      perEmailWorkshop: 3,
      perClientSite: 9,
      freeHoldMinutes: 20,
    });
    expect(() =>
      loadConfig({ NODE_ENV: 'test', LECTERN_SECRET: 'x'.repeat(32), LECTERN_FREE_HOLD_MINUTES: '0' }),
    ).toThrow(/LECTERN_FREE_HOLD_MINUTES/);
  });
});
