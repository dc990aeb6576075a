import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeStripe } from '../test-support/fake-stripe.ts';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { ORIGIN } from './owner-test-kit.ts';

let stripe: FakeStripe;
let t: TestApp;
beforeAll(async () => {
  stripe = await new FakeStripe().start();
});
afterAll(async () => {
  await stripe.stop();
});
afterEach(async () => {
  await t.close();
});

const deliver = (hook: { payload: string; signature: string }) =>
  t.app.request('/v1/stripe/webhook', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': hook.signature },
    body: hook.payload,
  });
const settingsPath = (siteId: string) => `/v1/sites/${siteId}/owner/settings`;
const patch = (siteId: string, body: unknown, auth: Record<string, string>) =>
  t.app.request(settingsPath(siteId), jsonRequest('PATCH', body, auth));

describe('site settings', () => {
  it('shows what is in effect, with the server’s defaults for what the owner never set', async () => {
    t = await createTestApp({ LECTERN_RECO_SPLIT: '0.75' });
    const site = await t.site([ORIGIN]);
    const res = await t.app.request(settingsPath(site.id), { headers: site.auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: site.id,
      name: 'Test blog',
      origins: [ORIGIN],
      provider: 'dev',
      paymentMethods: [],
      availablePaymentMethods: expect.arrayContaining(['card', 'alipay', 'wechat_pay']),
      recoSplit: 0.75,
      ratingWeights: { content: 0.4, instructor: 0.3, interactivity: 0.3 },
      model: null,
    });
    await publishedWorkshop(t, site.id);
    const trained = await t.app.request(
      `/v1/sites/${site.id}/model/train`,
      jsonRequest('POST', {}, site.auth),
    );
    expect(trained.status).toBe(201);
    const { version } = await trained.json();
    const after = await (await t.app.request(settingsPath(site.id), { headers: site.auth })).json();
    expect(after.model).toMatchObject({ version, source: 'cold-start' });
  });

  it('stores payment methods, the A/B split and weights; the model endpoint and rating weights read them', async () => {
    t = await createTestApp();
    const site = await t.site([ORIGIN]);
    const res = await patch(
      site.id,
      {
        paymentMethods: ['card', 'alipay', 'wechat_pay'],
        recoSplit: 0.5,
        ratingWeights: { content: 0.5, instructor: 0.25, interactivity: 0.25 },
      },
      site.auth,
    );
    expect(res.status).toBe(200);
    await publishedWorkshop(t, site.id);
    expect(await res.json()).toMatchObject({
      paymentMethods: ['card', 'alipay', 'wechat_pay'],
      recoSplit: 0.5,
      ratingWeights: { content: 0.5, instructor: 0.25, interactivity: 0.25 },
    });
    const model = await (await t.app.request(`/v1/sites/${site.id}/model`)).json();
    expect(model.split).toBe(0.5);
    // The older weights endpoint goes through the same path.
    const put = await t.app.request(
      `/v1/sites/${site.id}/rating-weights`,
      jsonRequest('PUT', { content: 1, instructor: 0, interactivity: 0 }, site.auth),
    );
    expect(put.status).toBe(200);
    const now = await (await t.app.request(settingsPath(site.id), { headers: site.auth })).json();
    expect(now).toMatchObject({
      paymentMethods: ['card', 'alipay', 'wechat_pay'],
      recoSplit: 0.5,
      ratingWeights: { content: 1, instructor: 0, interactivity: 0 },
    });
  });

  it('refuses bad settings with 400 and leaves the stored ones as they were', async () => {
    t = await createTestApp();
    const site = await t.site([ORIGIN]);
    const before = await t.database.db.selectFrom('sites').select('settings').executeTakeFirstOrThrow();
    const cases: unknown[] = [
      {},
      { paymentMethods: ['bitcoin'] },
      { paymentMethods: ['card', 'card'] },
      { paymentMethods: 'card' },
      { recoSplit: 1.5 },
      { recoSplit: -0.1 },
      { ratingWeights: { content: 0.5, instructor: 0.5, interactivity: 0.5 } },
      { name: 'Not here' },
      'not json',
    ];
    for (const body of cases) {
      const res = await patch(site.id, body, site.auth);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.code).toMatch(/^(validation_failed|invalid_json)$/);
    }
    const other = await t.site();
    expect((await patch(site.id, { recoSplit: 0.1 }, other.auth)).status).toBe(403);
    expect((await patch(site.id, { recoSplit: 0.1 }, {})).status).toBe(401);
    const after = await t.database.db
      .selectFrom('sites')
      .select('settings')
      .where('id', '=', site.id)
      .executeTakeFirstOrThrow();
    expect(after.settings).toBe(before.settings);
  });

  it('with Stripe: checkout offers the chosen methods, and the owner’s refund goes through Stripe once', async () => {
    t = await createTestApp(stripe.env());
    const site = await t.site([ORIGIN]);
    expect((await patch(site.id, { paymentMethods: ['card', 'alipay'] }, site.auth)).status).toBe(200);
    const w = await publishedWorkshop(t, site.id);
    const res = await t.app.request(
      '/v1/checkout',
      jsonRequest(
        'POST',
        { siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/w` },
        { Origin: ORIGIN },
      ),
    );
    const { order } = await res.json();
    const created = stripe.requests.filter((r) => r.path === '/v1/checkout/sessions').at(-1)!;
    expect([...created.form].filter(([k]) => k.includes('payment_method_types')).map(([, v]) => v)).toEqual([
      'card',
      'alipay',
    ]);

    const row = await t.database.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    const { session, paymentIntent } = stripe.completed(row.provider_session_id!);
    await deliver(stripe.webhook('checkout.session.completed', session));
    const refunded = await t.app.request(
      `/v1/sites/${site.id}/owner/orders/${order.id}/refund`,
      jsonRequest('POST', {}, site.auth),
    );
    expect(refunded.status).toBe(200);
    const body = await refunded.json();
    expect(body.order).toMatchObject({ status: 'refunded', refundId: expect.stringMatching(/^re_/) });
    const refundCalls = stripe.requests.filter((r) => r.path === '/v1/refunds');
    expect(refundCalls.at(-1)!.form.get('payment_intent')).toBe(paymentIntent);
    // Stripe's own charge.refunded event arrives afterwards and changes nothing.
    await deliver(stripe.webhook('charge.refunded', stripe.charge(paymentIntent, order.id)));
    const again = await t.app.request(
      `/v1/sites/${site.id}/owner/orders/${order.id}/refund`,
      jsonRequest('POST', {}, site.auth),
    );
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'already_refunded']);
    expect(stripe.requests.filter((r) => r.path === '/v1/refunds')).toHaveLength(refundCalls.length);
  });
});
