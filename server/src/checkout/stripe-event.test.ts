import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeStripe } from '../test-support/fake-stripe.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';

let stripe: FakeStripe;
let t: TestApp;
const sdk = new Stripe('sk_test_fake');

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

/** Delivers `payload` correctly signed with the webhook secret, as if at `timestamp` (seconds). */
function deliverSigned(payload: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = sdk.webhooks.generateTestHeaderString({
    payload,
    secret: stripe.webhookSecret,
    timestamp,
  });
  return t.app.request('/v1/stripe/webhook', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
    body: payload,
  });
}

const seen = () => t.database.db.selectFrom('webhook_events').selectAll().execute();

describe('Stripe webhook input', () => {
  it.each([
    ['a null body', 'null'],
    ['an array', '[]'],
    ['a string', '"evt"'],
    [
      'an id that is not a string',
      JSON.stringify({ id: 42, type: 'checkout.session.completed', data: { object: {} } }),
    ],
    ['no type', JSON.stringify({ id: 'evt_1', data: { object: {} } })],
    ['no data', JSON.stringify({ id: 'evt_2', type: 'checkout.session.completed' })],
    ['no data.object', JSON.stringify({ id: 'evt_3', type: 'checkout.session.completed', data: {} })],
    ['data.object null', JSON.stringify({ id: 'evt_4', type: 'charge.refunded', data: { object: null } })],
    [
      'data.object an array',
      JSON.stringify({ id: 'evt_5', type: 'checkout.session.expired', data: { object: [] } }),
    ],
  ])('refuses a correctly signed event with %s: 400, nothing recorded', async (_what, payload) => {
    const res = await deliverSigned(payload);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'bad_request', message: 'Webhook event is malformed' },
    });
    expect(await seen()).toEqual([]);
  });

  it('refuses a timestamp beyond the tolerance in the future as in the past', async () => {
    const event = (id: string) =>
      JSON.stringify({ id, object: 'event', type: 'customer.created', data: { object: { id: 'cus_1' } } });
    const now = Math.floor(Date.now() / 1000);
    const future = await deliverSigned(event('evt_future'), now + 3600);
    expect(future.status).toBe(400);
    expect((await future.json()).error.message).toBe(
      'Webhook timestamp is in the future beyond the tolerance',
    );
    const past = await deliverSigned(event('evt_past'), now - 3600);
    expect(past.status).toBe(400);
    expect(await seen()).toEqual([]);
    // Within five minutes either way (clock skew) is accepted.
    expect((await deliverSigned(event('evt_skewed'), now + 120)).status).toBe(200);
    expect((await seen()).map((e) => e.id)).toEqual(['evt_skewed']);
  });
});
