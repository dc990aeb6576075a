import { jsonRequest, type TestApp } from '../test-support/test-app.ts';

export const ORIGIN = 'https://blog.example';

/** Buys a seat as a reader through the dev checkout page; returns the order id. */
export async function buyWithDevPayments(t: TestApp, siteId: string, workshopId: string, email: string) {
  const res = await t.app.request(
    '/v1/checkout',
    jsonRequest('POST', { siteId, workshopId, returnUrl: `${ORIGIN}/`, email }, { Origin: ORIGIN }),
  );
  if (res.status !== 201) throw new Error(`checkout answered ${res.status}: ${await res.text()}`);
  const { order } = (await res.json()) as { order: { id: string } };
  const paid = await t.app.request(`/dev-checkout/${order.id}/pay`, { method: 'POST' });
  if (paid.status !== 303) throw new Error(`dev pay answered ${paid.status}`);
  return order.id;
}

/** The outbox's mails to `to`, waiting briefly for the ones sent after the response. */
export async function mailsTo(t: TestApp, to: string, atLeast = 1) {
  for (let i = 0; i < 200; i++) {
    const mails = (await t.deps.mailer.outbox!.list()).filter((m) => m.to === to);
    if (mails.length >= atLeast) return mails;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${atLeast} mail(s) to ${to}`);
}
