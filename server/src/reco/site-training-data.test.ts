import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { readSiteTrainingData } from './site-training-data.ts';

const ORIGIN = 'https://blog.example';
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ LECTERN_RECO_RETRAIN_EVENTS: '0' });
});
afterEach(async () => {
  await t.close();
});

/** One anonymous visitor posting these events, as any script on the web can. */
async function post(siteId: string, events: { type: string; workshop: string }[]) {
  const anon = randomUUID();
  const session = randomUUID();
  const body = events.map((e, i) => ({
    id: randomUUID(),
    ts: Date.now() - 1000 + i,
    site: siteId,
    anon,
    session,
    ...e,
  }));
  const res = await t.app.request('/v1/events', jsonRequest('POST', { events: body }, { Origin: ORIGIN }));
  expect(res.status).toBe(202);
}

describe('site training data', () => {
  it("counts the server's paid orders as purchases, never a client's purchase events", async () => {
    const site = await t.site([ORIGIN]);
    const sold = await publishedWorkshop(t, site.id, { title: 'Sold' });
    const pushed = await publishedWorkshop(t, site.id, { title: 'Pushed' });
    // Twenty forged purchases of the workshop an attacker wants recommended…
    for (let i = 0; i < 20; i++) await post(site.id, [{ type: 'purchase', workshop: pushed.id }]);
    // …and one real sale, paid through the dev checkout.
    const checkout = await t.app.request(
      '/v1/checkout',
      jsonRequest(
        'POST',
        { siteId: site.id, workshopId: sold.id, returnUrl: `${ORIGIN}/w` },
        { Origin: ORIGIN },
      ),
    );
    const { order } = await checkout.json();
    await t.app.request(`/dev-checkout/${order.id}/pay`, { method: 'POST' });
    expect((await t.deps.orders.get(order.id)).status).toBe('paid');

    const data = await readSiteTrainingData(t.database.db, site.id);
    expect(data.sequences).toEqual([[`w:${sold.id}`]]);
    expect(data.eventsUsed).toBe(0);
  });

  it('still learns from the other interest events a visitor sends', async () => {
    const site = await t.site([ORIGIN]);
    const a = await publishedWorkshop(t, site.id, { title: 'A' });
    const b = await publishedWorkshop(t, site.id, { title: 'B' });
    await post(site.id, [
      { type: 'workshop_click', workshop: a.id },
      { type: 'purchase', workshop: a.id },
      { type: 'checkout_start', workshop: b.id },
    ]);
    const data = await readSiteTrainingData(t.database.db, site.id);
    expect(data.sequences).toEqual([[`w:${a.id}`, `w:${b.id}`]]);
    expect(data.eventsUsed).toBe(2);
  });

  it('reads a site’s events in chunks without losing or reordering any learner’s history', async () => {
    const site = await t.site([ORIGIN]);
    const w = await Promise.all(['A', 'B', 'C'].map((title) => publishedWorkshop(t, site.id, { title })));
    const click = (i: number) => ({ type: 'workshop_click', workshop: w[i].id });
    await post(site.id, [click(0), click(1), click(2), click(0)]);
    await post(site.id, [click(2), click(1)]);
    await post(site.id, [click(1), click(0), click(2), click(1), click(0)]);
    const whole = await readSiteTrainingData(t.database.db, site.id);
    expect(whole.eventsUsed).toBe(11);
    expect(whole.sequences).toHaveLength(3);
    // Chunks of 2 and 3 rows end inside learners' histories and at their boundaries.
    for (const chunk of [1, 2, 3]) {
      expect(await readSiteTrainingData(t.database.db, site.id, chunk)).toEqual(whole);
    }
  });
});
