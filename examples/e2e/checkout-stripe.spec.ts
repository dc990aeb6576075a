import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeStripe } from '@lectern/server/test-support';
import { test as base, expect } from '@playwright/test';
import { type E2eServer, startLecternServer } from './harness/lectern-server.ts';
import { startStaticHost } from './harness/static-host.ts';

// A server of its own whose payments go through the official Stripe SDK to a local fake API.
const test = base.extend<object, { stripe: FakeStripe; paid: E2eServer }>({
  stripe: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const fake = await new FakeStripe().start();
      await use(fake);
      await fake.stop();
    },
    { scope: 'worker' },
  ],
  paid: [
    async ({ stripe }, use) => {
      const server = await startLecternServer(stripe.env());
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
});

// Stripe.js must come from js.stripe.com; offline, the test answers for it with a stub that
// mounts a recognisable element where Embedded Checkout would appear.
const STRIPE_STUB = `window.Stripe = function (key) {
  return { createEmbeddedCheckoutPage: async (o) => ({
    mount(el) { const d = document.createElement('div'); d.id = 'stub-checkout'; d.textContent = 'stripe-embedded:' + key + ':' + o.clientSecret; el.append(d); },
    destroy() {},
  }) };
};`;

test('hosted Stripe Checkout: redirect, signed webhook, back on the page with a ticket', async ({
  page,
  paid,
  stripe,
}) => {
  await page.route('https://checkout.stripe.com/**', (r) =>
    r.fulfill({ contentType: 'text/html', body: '<h1>Stripe Checkout (fake)</h1>' }),
  );
  await page.goto(`${paid.url}/blog/workshops.html`);
  await page.getByRole('button', { name: /Get a ticket: Type-safe/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: /Pay/ }).click();
  await page.waitForURL(/checkout\.stripe\.com/);
  const [session] = [...stripe.sessions.values()].slice(-1);
  expect(session.metadata.workshopId).toBe('ws_demo_typescript');
  const { session: completed } = stripe.completed(session.id, 'stripe-buyer@example.com');
  const hook = stripe.webhook('checkout.session.completed', completed);
  const res = await fetch(`${paid.url}/v1/stripe/webhook`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': hook.signature },
    body: hook.payload,
  });
  expect(await res.json()).toMatchObject({ outcome: 'paid' });
  await page.goto(String(session.success_url));
  await expect(page.getByRole('heading', { name: 'You have a ticket' })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('lectern-workshops')).toContainText('Type-safe APIs');
});

test('embedded Stripe Checkout mounts in the dialog (data-checkout="embedded")', async ({ page, paid }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-embedded-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8">
<script type="module" src="${paid.url}/lectern.js" data-site="demo" data-checkout="embedded"></script></head>
<body><lectern-workshops></lectern-workshops></body></html>`,
  );
  const host = await startStaticHost(dir);
  try {
    const auth = await (
      await fetch(`${paid.url}/v1/owner/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ siteId: 'demo', key: paid.demo?.ownerKey }),
      })
    ).json();
    await fetch(`${paid.url}/v1/sites/demo`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${auth.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ origins: [paid.url, host.origin] }),
    });
    await page.route('https://js.stripe.com/**', (r) =>
      r.fulfill({ contentType: 'application/javascript', body: STRIPE_STUB }),
    );
    await page.goto(`${host.origin}/index.html`);
    await page.getByRole('button', { name: /Get a ticket: Sourdough/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /Pay/ }).click();
    await expect(page.getByRole('dialog').locator('#stub-checkout')).toContainText(
      /stripe-embedded:pk_test_lectern:cs_test_\w+_secret_/,
    );
  } finally {
    await host.close();
  }
});
