import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, type SharedServer, test } from './fixtures.ts';
import { startStaticHost } from './harness/static-host.ts';

const cards = (page: Page) => page.locator('lectern-workshops li[data-lectern-card]');

async function addOrigin(server: SharedServer, origin: string) {
  const auth = await server.ownerAuth();
  const site = await (await fetch(`${server.url}/v1/sites/demo`, { headers: auth })).json();
  await fetch(`${server.url}/v1/sites/demo`, {
    method: 'PATCH',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ origins: [...new Set([...site.origins, origin])] }),
  });
}

/** Presses Tab until the focused element (looking into shadow roots) has this accessible name. */
async function tabTo(page: Page, name: RegExp) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el ? el.getAttribute('aria-label') || el.textContent || '' : '';
    });
    if (name.test(label)) return;
  }
  throw new Error(`could not reach ${name} with Tab`);
}

test('cards render with prices, seats and states, and announce lectern:ready', async ({ page, server }) => {
  await page.addInitScript(
    'window.__ready = []; addEventListener("lectern:ready", (e) => window.__ready.push(e.detail));',
  );
  await page.goto(`${server.url}/blog/workshops.html`);
  await expect(cards(page).first()).toBeVisible();
  const sourdough = page.locator('li[data-lectern-card="ws_demo_sourdough"]');
  await expect(sourdough).toContainText('£29.00');
  await expect(sourdough).toContainText('with Maya Okafor');
  await expect(sourdough).toContainText(/seats left/);
  await expect(page.locator('li[data-lectern-card="ws_demo_watercolor"]')).toContainText('Sold out');
  await expect(page.locator('li[data-lectern-card="ws_demo_open-qa"]')).toContainText('Free');
  const ready = await page.evaluate(
    () => (window as unknown as { __ready: { element: string; count: number }[] }).__ready,
  );
  expect(ready.find((r) => r.element === 'lectern-workshops')?.count).toBe(await cards(page).count());
});

test('a page with only <lectern-workshops> downloads nothing of peerjs, onnxruntime-web or Stripe', async ({
  page,
  server,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${server.url}/blog/workshops.html`);
  await expect(cards(page).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requests.some((u) => u.includes('/chunks/workshops-element-'))).toBe(true);
  expect(requests.filter((u) => /chunks\/room-|peerjs|\/ort\/|onnx|\.wasm|stripe/i.test(u))).toEqual([]);
});

test('Simplified Chinese for a Chinese browser', async ({ browser, server }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${server.url}/blog/workshops.html`);
  await expect(page.locator('li[data-lectern-card="ws_demo_open-qa"]')).toContainText('免费');
  await expect(page.locator('li[data-lectern-card="ws_demo_watercolor"]')).toContainText('已满员');
  await expect(page.locator('li[data-lectern-card="ws_demo_sourdough"]')).toContainText(/天后|小时后/);
  await expect(page.locator('li[data-lectern-card="ws_demo_sourdough"]')).toContainText('购票');
  await context.close();
});

test('hostile global CSS and a strict CSP on the host page do not break the widget', async ({
  page,
  server,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-hostile-'));
  writeFileSync(
    path.join(dir, 'hostile.css'),
    '* { color: red !important; font-size: 40px !important; font-family: cursive !important; } button { display: none !important; } li { display: inline !important; }',
  );
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/hostile.css">
<script type="module" src="${server.url}/lectern.js" data-site="demo"></script></head>
<body><h1>A hostile host</h1><lectern-workshops></lectern-workshops></body></html>`,
  );
  const csp = `default-src 'none'; script-src ${server.url}; connect-src ${server.url}; style-src 'self'; img-src 'self'`;
  const host = await startStaticHost(dir, { headers: { 'Content-Security-Policy': csp } });
  try {
    await addOrigin(server, host.origin);
    await page.addInitScript(
      'window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.blockedURI + " " + e.violatedDirective));',
    );
    await page.goto(`${host.origin}/index.html`);
    // A card that sells (rooms ended by earlier specs list first, with no button).
    const card = cards(page)
      .filter({ has: page.getByRole('button') })
      .first();
    await expect(card).toBeVisible();
    const button = card.getByRole('button');
    await expect(button).toBeVisible();
    const style = await button.evaluate((el) => {
      const s = getComputedStyle(el);
      return { fontSize: s.fontSize, color: s.color, display: s.display };
    });
    expect(style.fontSize).not.toBe('40px');
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    expect(style.display).not.toBe('none');
    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(violations).toEqual([]);
  } finally {
    await host.close();
  }
});

test('single-page course site: elements added after load render, removed ones clean up, views are logged', async ({
  page,
  server,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/course/`);
  await expect(page.getByRole('heading', { name: 'Courses' })).toBeVisible();
  await page.getByRole('link', { name: 'Live sessions' }).click();
  await expect(cards(page).first()).toBeVisible();
  await page.getByRole('link', { name: 'Courses' }).click();
  await expect(page.locator('lectern-workshops')).toHaveCount(0);
  await page.getByRole('link', { name: 'Live sessions' }).click();
  await expect(cards(page).first()).toBeVisible();
  await page.getByRole('link', { name: 'My tickets' }).click();
  await expect(page.locator('lectern-tickets')).toContainText('Your tickets');
  expect(errors).toEqual([]);
  // The outbox uploads page views for each pushState navigation (paths only).
  await expect
    .poll(
      () =>
        server
          .query<{ path: string }>(
            "select path from events where type = 'page_view' and path like '/course%'",
          )
          .map((r) => r.path),
      {
        timeout: 20_000,
      },
    )
    .toEqual(expect.arrayContaining(['/course/', '/course/live', '/course/tickets']));
});

test('keyboard-only purchase with dev payments: ticket, .ics, tickets page, rows in the database', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/blog/workshops.html`);
  await expect(cards(page).first()).toBeVisible();
  await tabTo(page, /Get a ticket: Sourdough/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.type('keyboard@example.com');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/dev-checkout\//);
  await tabTo(page, /Pay \(test\)/);
  await page.keyboard.press('Enter');
  await page.waitForURL(/workshops\.html/);
  const notice = page.getByRole('heading', { name: 'You have a ticket' });
  await expect(notice).toBeVisible({ timeout: 20_000 });
  expect(page.url()).not.toContain('lectern_order');
  const ics = await page
    .locator('lectern-workshops')
    .getByRole('link', { name: 'Add to calendar' })
    .getAttribute('href');
  const calendar = await fetch(ics!);
  expect(calendar.headers.get('content-type')).toContain('text/calendar');
  expect(await calendar.text()).toContain('SUMMARY:Sourdough from scratch: starter to first loaf');
  const [order] = server.query<{ id: string; status: string }>(
    "select id, status from orders where email = 'keyboard@example.com'",
  );
  expect(order.status).toBe('paid');
  expect(server.query('select id from tickets where order_id = ?', order.id)).toHaveLength(1);
  await page.goto(`${server.url}/blog/tickets.html`);
  await expect(page.locator(`lectern-tickets [data-lectern-ticket="${order.id}"]`)).toContainText(
    'Sourdough',
  );
});

const serious = (r: Awaited<ReturnType<AxeBuilder['analyze']>>) =>
  r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);

test('axe finds no serious violations in the list and the checkout dialog', async ({ page, server }) => {
  await page.goto(`${server.url}/blog/workshops.html`);
  await expect(cards(page).first()).toBeVisible();
  expect(serious(await new AxeBuilder({ page }).include('lectern-workshops').analyze())).toEqual([]);
  await page.getByRole('button', { name: /Get a ticket: Type-safe/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(serious(await new AxeBuilder({ page }).include('lectern-workshops').analyze())).toEqual([]);
});

// Changed on purpose (issue 14): a free seat is held until the emailed link confirms it.
test('free registration asks to confirm by email; the link issues the ticket; a sold-out workshop offers the waitlist', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/blog/workshops.html`);
  await page.getByRole('button', { name: /Register: Open Q&A/ }).click();
  await page.getByLabel('Email').fill('free@example.com');
  await page.getByRole('dialog').getByRole('button', { name: 'Register' }).click();
  await expect(page.getByRole('dialog')).toContainText('Check your email to confirm your seat');
  await expect(page.getByRole('dialog')).toContainText('We sent a link to free@example.com');
  expect(serious(await new AxeBuilder({ page }).include('lectern-workshops').analyze())).toEqual([]);
  const [order] = server.query<{ id: string; confirm_token: string; status: string }>(
    "select id, confirm_token, status from orders where email = 'free@example.com'",
  );
  expect(order.status).toBe('held');
  expect(server.query('select id from tickets where order_id = ?', order.id)).toEqual([]);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  // The link from the email (the mail is logged without SMTP; its token is the order's).
  const confirm = await page.context().newPage();
  await confirm.goto(`${server.url}/confirm/${order.confirm_token}`);
  await expect(confirm.getByRole('heading', { name: 'Your seat is confirmed' })).toBeVisible();
  expect(server.query('select status, amount from orders where id = ?', order.id)).toEqual([
    { status: 'paid', amount: 0 },
  ]);
  expect(server.query('select status from tickets where order_id = ?', order.id)).toEqual([
    { status: 'active' },
  ]);
  const back = await confirm.getByRole('link', { name: 'Back to the workshop page' }).getAttribute('href');
  await confirm.getByRole('link', { name: 'Open your ticket' }).click();
  await expect(confirm.getByRole('link', { name: 'Join the live room' })).toBeVisible();
  await confirm.close();
  // Back on the host page the widget keeps the ticket on this device.
  await page.goto(back!);
  await expect(page.getByRole('heading', { name: 'You have a ticket' })).toBeVisible();
  await expect(page.locator('li[data-lectern-card="ws_demo_open-qa"]')).toContainText('You have a ticket');

  await page
    .locator('li[data-lectern-card="ws_demo_watercolor"]')
    .getByRole('button', { name: 'Join the waitlist' })
    .click();
  await page.getByLabel('Email').fill('waiting@example.com');
  await page.getByRole('dialog').getByRole('button', { name: 'Join the waitlist' }).click();
  await expect(page.getByRole('dialog')).toContainText('You are on the waitlist (position 1)');
  expect(server.query("select email from waitlist where workshop_id = 'ws_demo_watercolor'")).toEqual([
    { email: 'waiting@example.com' },
  ]);
});
