import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../test-support/smtp-sink.ts';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';

const ORIGIN = 'https://blog.example';
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await smtp.stop();
});
beforeEach(async () => {
  smtp.messages.length = 0;
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Lectern <tickets@lectern.test>' });
});
afterEach(async () => {
  await t.close();
});

async function until<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const post = (path: string, body: unknown) =>
  t.app.request(path, jsonRequest('POST', body, { Origin: ORIGIN }));

describe('ticket email', () => {
  it('sends the ticket link with an .ics invite attached, in the reader’s language', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { priceAmount: 0, title: '书法入门' });
    const res = await post('/v1/checkout', {
      siteId: site.id,
      workshopId: w.id,
      returnUrl: `${ORIGIN}/`,
      email: 'reader@example.com',
      locale: 'zh-CN',
    });
    expect(res.status).toBe(201);
    // A free seat is final once the emailed link is followed; the ticket email comes then.
    await until(
      () => smtp.messages.find((m) => m.to.includes('reader@example.com')),
      'the confirmation email',
    );
    const { confirm_token } = await t.database.db
      .selectFrom('orders')
      .select('confirm_token')
      .executeTakeFirstOrThrow();
    expect((await t.app.request(`/confirm/${confirm_token}`)).status).toBe(200);
    const mail = await until(
      () => smtp.messages.find((m) => m.to.includes('reader@example.com') && m.raw.includes('text/calendar')),
      'the ticket email',
    );
    expect(mail.from).toBe('tickets@lectern.test');
    expect(mail.raw).toMatch(/Subject: =\?UTF-8\?/);
    expect(mail.raw).toContain('Content-Type: text/calendar');
    expect(mail.raw).toContain('filename=workshop.ics');
    expect(mail.raw).toContain('/t/');
  });
});

describe('waitlist', () => {
  it('queues readers for a sold-out workshop and offers a freed seat to the first by email', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { capacity: 1 });
    const held = await (
      await post('/v1/checkout', { siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/` })
    ).json();

    const first = await post('/v1/waitlist', {
      siteId: site.id,
      workshopId: w.id,
      email: 'First@Example.com',
      pageUrl: `${ORIGIN}/w`,
    });
    expect([first.status, await first.json()]).toEqual([201, { position: 1 }]);
    t.setNow(Date.now() + 1000); // the test clock is frozen; readers join a moment apart
    const second = await post('/v1/waitlist', {
      siteId: site.id,
      workshopId: w.id,
      email: 'second@example.com',
    });
    expect(await second.json()).toEqual({ position: 2 });
    const again = await post('/v1/waitlist', {
      siteId: site.id,
      workshopId: w.id,
      email: 'first@example.com',
    });
    expect(await again.json()).toEqual({ position: 1 });
    expect(await t.database.db.selectFrom('waitlist').selectAll().execute()).toHaveLength(2);

    await t.app.request(`/dev-checkout/${held.order.id}/cancel`, { method: 'POST' });
    const offer = await until(
      () => smtp.messages.find((m) => m.to.includes('first@example.com')),
      'the seat offer',
    );
    expect(offer.raw).toContain('A seat opened up');
    expect(offer.raw).toContain(`${ORIGIN}/w`);
    expect(smtp.messages.some((m) => m.to.includes('second@example.com'))).toBe(false);
    const rows = await t.database.db.selectFrom('waitlist').selectAll().orderBy('created_at').execute();
    expect(rows.map((r) => r.offered_at !== null)).toEqual([true, false]);
  });

  it('refuses to queue when seats are available, and validates input', async () => {
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { capacity: 5 });
    const open = await post('/v1/waitlist', { siteId: site.id, workshopId: w.id, email: 'a@example.com' });
    expect([open.status, (await open.json()).error.code]).toEqual([409, 'conflict']);
    const bad = await post('/v1/waitlist', { siteId: site.id, workshopId: w.id, email: 'nope' });
    expect(bad.status).toBe(400);
    const evil = await post('/v1/waitlist', {
      siteId: site.id,
      workshopId: w.id,
      email: 'a@example.com',
      pageUrl: 'https://evil.example/',
    });
    expect(evil.status).toBe(400);
    expect(await t.database.db.selectFrom('waitlist').selectAll().execute()).toHaveLength(0);
  });
});
