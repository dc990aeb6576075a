import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { Mailer } from '../mail/mailer.ts';
import { Outbox } from '../mail/outbox.ts';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { linkify } from './outbox-routes.ts';

const ORIGIN = 'https://blog.example';
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('the development outbox', () => {
  it('keeps the ticket email without SMTP and lists it at /dev/outbox with its link', async () => {
    t = await createTestApp();
    const app = t;
    const site = await t.site([ORIGIN]);
    const w = await publishedWorkshop(t, site.id, { priceAmount: 0, title: 'Knife <b>skills</b>' });
    const res = await t.app.request(
      '/v1/checkout',
      jsonRequest(
        'POST',
        { siteId: site.id, workshopId: w.id, returnUrl: `${ORIGIN}/`, email: 'reader@example.com' },
        { Origin: ORIGIN },
      ),
    );
    expect(res.status).toBe(201);
    // A free seat is confirmed by the emailed link first (issue 14); its mail is in the outbox too.
    const [confirm] = await until(async () => {
      const mails = await app.deps.mailer.outbox!.list();
      return mails.length ? mails : undefined;
    }, 'the confirmation email in the outbox');
    expect(confirm.subject).toBe('Confirm your seat: Knife <b>skills</b>');
    const confirmPath = /\/confirm\/\S+/.exec(confirm.text)?.[0];
    expect((await t.app.request(confirmPath ?? '/confirm/missing')).status).toBe(200);
    const [mail] = await until(async () => {
      const mails = await app.deps.mailer.outbox!.list();
      return mails.length > 1 ? mails : undefined;
    }, 'the ticket email in the outbox');
    expect(mail).toMatchObject({
      to: 'reader@example.com',
      subject: 'Your ticket: Knife <b>skills</b>',
      attachments: ['workshop.ics'],
    });
    const ticketUrl = /https?:\/\/\S+\/t\/\S+/.exec(mail.text)?.[0];
    expect(ticketUrl).toMatch(/^http:\/\/lectern\.test\/t\//);

    const page = await t.app.request('/dev/outbox');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const body = await page.text();
    expect(body).toContain('To reader@example.com');
    expect(body).toContain('Your ticket: Knife &lt;b&gt;skills&lt;/b&gt;');
    expect(body).not.toContain('<b>skills</b>');
    expect(body).toContain(`<a href="${ticketUrl}">${ticketUrl}</a>`);
    // Stored as a file in the data dir, one line per mail.
    const lines = readFileSync(t.deps.mailer.outbox!.file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
  });

  it('lists every mail newest first, and still has them after a restart', async () => {
    t = await createTestApp();
    const { config } = t;
    let now = Date.parse('2026-12-03T10:00:00Z');
    const mailer = new Mailer(undefined, 'x@y', createLogger('silent'), t.deps.mailer.outbox, () => now);
    await mailer.send({ to: 'first@example.com', subject: 'A seat opened up: Pasta', text: 'Go' });
    now += 60_000;
    await mailer.send({ to: 'second@example.com', subject: 'Refund: Pasta', text: 'Done' });

    // A new process on the same data dir reads the same outbox.
    const again = new Outbox(config.dataDir, 'http://lectern.test/dev/outbox');
    expect((await again.list()).map((m) => [m.to, m.at])).toEqual([
      ['second@example.com', '2026-12-03T10:01:00.000Z'],
      ['first@example.com', '2026-12-03T10:00:00.000Z'],
    ]);
    const body = await (await t.app.request('/dev/outbox')).text();
    expect(body.indexOf('second@example.com')).toBeLessThan(body.indexOf('first@example.com'));
    expect(body).toContain('2 emails, newest first');
  });

  it('says so when it is empty', async () => {
    t = await createTestApp();
    const body = await (await t.app.request('/dev/outbox')).text();
    expect(body).toContain('No email yet');
  });

  it('does not exist in production, where no outbox is kept', async () => {
    t = await createTestApp({
      NODE_ENV: 'production',
      LECTERN_SECRET: 'x'.repeat(40),
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_123',
    });
    expect(t.deps.mailer.outbox).toBeUndefined();
    expect(t.deps.mailer.enabled).toBe(false);
    const res = await t.app.request('/dev/outbox');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});

describe('linkify', () => {
  it('escapes the text and links only http(s) URLs, leaving trailing punctuation out', () => {
    expect(linkify('See https://a.example/t/x?y=1&z=2. <script> javascript:alert(1)')).toBe(
      'See <a href="https://a.example/t/x?y=1&amp;z=2">https://a.example/t/x?y=1&amp;z=2</a>. &lt;script&gt; javascript:alert(1)',
    );
  });
});
