import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, type SharedServer, test } from './fixtures.ts';
import { signInToConsole } from './owner-console-helpers.ts';
import { openWorkshop } from './rooms-harness/room-fixtures.ts';
import { schemeOf, seriousFindings } from './widget-helpers.ts';

// The owner console's management sections, driven as an owner in real Chromium against the real
// server: a reader buys with dev payments, the owner sees them, exports the CSV, refunds them
// (the reader's ticket stops, the email is in the dev outbox), and changes the site's settings.

/** Buys a seat on the example blog as a reader does: the booking dialog, the dev payment page, back. */
async function buyAsReader(page: Page, server: SharedServer, title: string, email: string) {
  await page.goto(`${server.url}/blog/workshops.html`);
  await page.getByRole('button', { name: `Get a ticket: ${title}` }).click();
  await page.getByRole('dialog').getByLabel('Email').fill(email);
  await page.getByRole('dialog').getByRole('button', { name: /^Pay / }).click();
  await page.waitForURL(/\/dev-checkout\//);
  await page.getByRole('button', { name: /Pay \(test\)/ }).click();
  await page.waitForURL(/workshops\.html/);
  await expect(page.getByRole('heading', { name: 'You have a ticket' })).toBeVisible({ timeout: 20_000 });
}

test('a reader buys, the owner sees them, downloads the CSV, refunds them: ticket revoked, email sent', async ({
  page,
  server,
}) => {
  const title = `Owner manage ${Date.now()}`;
  const workshopId = await openWorkshop(server, title, {
    startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    priceAmount: 2500,
    currency: 'EUR',
  });
  const email = `owner-manage-${Date.now()}@example.com`;
  await buyAsReader(page, server, title, email);
  const [order] = server.query<{ id: string }>('select id from orders where email = ?', email);

  await signInToConsole(page, server, { hash: `#/attendees?workshop=${workshopId}` });
  const row = page.locator(`lectern-dashboard tr[data-order="${order.id}"]`);
  await expect(row).toContainText(email);
  await expect(row).toContainText('Paid');
  await expect(row).toContainText('€25.00');
  await expect(row).toContainText('Did not join');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^attendees-${workshopId}-\\d{4}-\\d\\d-\\d\\d\\.csv$`),
  );
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe(
    'order_id,name,email,status,paid_at,amount,currency,ticket,joined_room,first_joined_at,minutes_in_room',
  );
  expect(lines.slice(1)).toEqual([
    expect.stringMatching(new RegExp(`^${order.id},,${email},paid,[^,]+,25.00,EUR,active,no,,0$`)),
  ]);

  expect(await seriousFindings(page, 'lectern-dashboard')).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => schemeOf(page, 'lectern-dashboard')).toBe('dark');
  expect(await seriousFindings(page, 'lectern-dashboard')).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // Refund: a confirm dialog first, keyboard only; Esc keeps the order.
  await row.getByRole('button', { name: `Refund: ${email}` }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Refund this order?' });
  await expect(dialog).toContainText(`${email} gets €25.00 back in full`);
  expect(await seriousFindings(page, 'lectern-dashboard')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('button', { name: `Refund: ${email}` })).toBeFocused();
  expect(server.query<{ status: string }>('select status from orders where id = ?', order.id)[0].status).toBe(
    'paid',
  );

  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Refund' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Refunded' })).toContainText(`Refunded ${email}`);
  await expect(row).toContainText('ticket revoked');
  expect(server.query<{ status: string }>('select status from orders where id = ?', order.id)[0].status).toBe(
    'refunded',
  );

  // The reader's ticket page now refuses the ticket, and the refund email is in the dev outbox.
  const view = await (await fetch(`${server.url}/v1/orders/${order.id}`)).json();
  await page.goto(view.ticket.url);
  await expect(page.getByText('This ticket is not valid')).toBeVisible();
  await expect(page.getByText('It may have been refunded')).toBeVisible();
  await page.goto(`${server.url}/dev/outbox`);
  await expect(page.locator('body')).toContainText(`To ${email}`);
  await expect(page.locator('body')).toContainText(`Refunded: ${title}`);
});

test('site settings: payment methods, weights with an inline error, A/B split; the change survives a reload', async ({
  page,
  server,
}) => {
  const auth = await server.ownerAuth();
  const before = await (await fetch(`${server.url}/v1/sites/demo/owner/settings`, { headers: auth })).json();
  await signInToConsole(page, server, { hash: '#/settings' });
  const dashboard = page.locator('lectern-dashboard');
  const payments = dashboard.getByRole('group', { name: 'Payment methods' });
  await expect(payments).toBeVisible();
  const alipay = payments.getByRole('checkbox', { name: 'Alipay' });
  const wechat = payments.getByRole('checkbox', { name: 'WeChat Pay' });
  await alipay.check();
  await wechat.check();
  await dashboard
    .locator('form[aria-labelledby=settings-payments-title]')
    .getByRole('button', { name: 'Save' })
    .click();
  await expect(dashboard.locator('form[aria-labelledby=settings-payments-title]')).toContainText('Saved.');

  const weights = dashboard.locator('form[aria-labelledby=settings-weights-title]');
  await weights.getByLabel('Content').fill('0.6');
  await expect(weights).toContainText('The weights add up to 1.2; they must add up to 1.');
  await expect(weights.getByRole('button', { name: 'Save' })).toBeDisabled();
  await weights.getByLabel('Instructor').fill('0.2');
  await weights.getByLabel('Interactivity').fill('0.2');
  await weights.getByRole('button', { name: 'Save' }).click();
  await expect(weights).toContainText('Saved.');

  const split = dashboard.locator('form[aria-labelledby=settings-split-title]');
  await split.getByRole('spinbutton').fill('50');
  await split.getByRole('button', { name: 'Save' }).click();
  await expect(split).toContainText('Saved.');

  expect(await seriousFindings(page, 'lectern-dashboard')).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => schemeOf(page, 'lectern-dashboard')).toBe('dark');
  expect(await seriousFindings(page, 'lectern-dashboard')).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  await page.reload();
  await expect(payments.getByRole('checkbox', { name: 'Alipay' })).toBeChecked();
  await expect(payments.getByRole('checkbox', { name: 'WeChat Pay' })).toBeChecked();
  await expect(weights.getByLabel('Content')).toHaveValue('0.6');
  await expect(split.getByRole('spinbutton')).toHaveValue('50');
  const model = await (await fetch(`${server.url}/v1/sites/demo/model`)).json();
  expect(model.split).toBe(0.5);

  // Put the shared demo site back as it was for the other specs.
  const reset = await fetch(`${server.url}/v1/sites/demo/owner/settings`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', ...auth },
    body: JSON.stringify({
      paymentMethods: before.paymentMethods,
      recoSplit: before.recoSplit,
      ratingWeights: before.ratingWeights,
    }),
  });
  expect(reset.status).toBe(200);
});

test('in Chinese: the ratings and settings sections speak zh-CN', async ({ browser, server }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${server.url}/owner/?site=demo#/ratings`);
  await page.getByLabel('站长密钥').fill(server.ownerKey);
  await page.getByRole('button', { name: '登录' }).click();
  const dashboard = page.locator('lectern-dashboard');
  await expect(dashboard.getByRole('heading', { name: '评分' })).toBeVisible();
  await dashboard.getByRole('link', { name: '站点设置' }).click();
  await expect(dashboard.getByRole('group', { name: '支付方式' })).toBeVisible();
  await expect(dashboard.getByRole('checkbox', { name: '支付宝' })).toBeVisible();
  await expect(dashboard.getByRole('button', { name: '立即重新训练' })).toBeVisible();
  expect(await seriousFindings(page, 'lectern-dashboard')).toEqual([]);
  await context.close();
});
