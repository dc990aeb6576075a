import { expect, test } from './fixtures.ts';
import { consoleEl, signInToConsole } from './owner-console-helpers.ts';
import { createWorkshop, schemeOf, seriousFindings } from './widget-helpers.ts';

// The owner console driven as an owner with only the key: sign in, create a workshop in New York
// time, publish it, sell it to a reader on the example blog, see the sale, cancel it.

const nextJuly = `${new Date().getUTCFullYear() + 1}-07-15`;

test('a wrong key gets a calm message that names nothing about the site; the right key opens the console', async ({
  page,
  server,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // /owner/ is a strict-CSP host page (script-src 'self', no inline script or style attribute).
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && errors.push(m.text()));
  await page.goto(`${server.url}/owner/?site=demo`);
  const el = consoleEl(page);
  await el.getByLabel('Owner key').fill('lk_not-the-key');
  await el.getByRole('button', { name: 'Sign in' }).click();
  await expect(el.getByRole('alert')).toHaveText(
    'That key does not open this site. Check the key (and the site id in the address) and try again.',
  );
  // Another site's id with this key: the same words.
  await page.goto(`${server.url}/owner/?site=site_unknown`);
  await el.getByLabel('Owner key').fill(server.ownerKey);
  await el.getByRole('button', { name: 'Sign in' }).click();
  await expect(el.getByRole('alert')).toHaveText(/That key does not open this site/);

  await signInToConsole(page, server);
  await expect(el.getByRole('link', { name: 'Workshops' })).toHaveAttribute('aria-current', 'page');
  await expect(el.getByRole('table')).toContainText('Sourdough');
  // The session is kept for the tab: a reload does not ask again.
  await page.reload();
  await expect(el.getByRole('table')).toContainText('Sourdough');
  await el.getByRole('button', { name: 'Sign out' }).click();
  await expect(el.getByLabel('Owner key')).toBeVisible();
  expect(errors).toEqual([]);
});

test('create in New York time, publish, sell on the blog, see it sold, cancel: the ticket is refunded and revoked', async ({
  page,
  server,
}) => {
  test.setTimeout(90_000);
  const title = `Knife skills ${Date.now()}`;
  await signInToConsole(page, server, { hash: '#/workshops' });
  const el = consoleEl(page);
  await el.getByRole('button', { name: 'New workshop' }).click();
  await el.getByLabel('Title').fill(title);
  await el.getByLabel('Summary').fill('Hold, slice, dice.');
  await el.getByLabel('Description').fill('Bring **a knife** and [read this](https://example.com/knives).');
  await expect(el.locator('.preview strong')).toHaveText('a knife');
  await el.getByLabel('Host name').fill('Ana');
  await el.getByLabel('Date').fill(nextJuly);
  await el.getByLabel('Start time').fill('18:00');
  await el.getByLabel('Time zone').fill('America/New_York');
  await el.getByLabel('Duration (minutes)').fill('90');
  await el.getByLabel('Capacity (seats)').fill('12');
  await el.getByLabel('Price').fill('25');
  await el.getByLabel('Currency').fill('EUR');
  await el.getByLabel('Tags').fill('cooking, knives');
  await el.getByRole('button', { name: 'Save draft' }).click();

  const row = el.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('Draft');
  const [created] = server.query<{ id: string; starts_at: number; time_zone: string; price_amount: number }>(
    'select id, starts_at, time_zone, price_amount from workshops where title = ?',
    title,
  );
  expect(created).toMatchObject({ time_zone: 'America/New_York', price_amount: 2500 });
  await row.getByRole('button', { name: 'Publish' }).click();
  await expect(row).toContainText('Published');
  await expect(row.getByRole('link', { name: 'Host' })).toHaveAttribute(
    'href',
    `${server.url}/room/${created.id}`,
  );

  // 18:00 in New York in July is 22:00 UTC (EDT, UTC−4).
  const pub = await (await fetch(`${server.url}/v1/sites/demo/workshops/${created.id}`)).json();
  expect(pub.startsAt).toBe(`${nextJuly}T22:00:00.000Z`);
  expect(pub.tags).toEqual(['cooking', 'knives']);

  // A reader buys it on the example blog with dev payments.
  const reader = await page.context().browser()!.newPage();
  await reader.goto(`${server.url}/blog/workshops.html`);
  await reader.getByRole('button', { name: `Get a ticket: ${title}` }).click();
  await reader.getByRole('dialog').getByLabel('Email').fill('reader@example.com');
  await reader.getByRole('dialog').getByRole('button', { name: /Pay/ }).click();
  await reader.waitForURL(/\/dev-checkout\//);
  await reader.getByRole('button', { name: /Pay \(test\)/ }).click();
  await expect(reader.getByRole('heading', { name: 'You have a ticket' })).toBeVisible({ timeout: 20_000 });

  await page.reload();
  await expect(row).toContainText('1 / 0 / 12');
  await expect(row).toContainText('€25.00');
  // Sold: no way back to draft, and the cancel confirm says what happens to the ticket.
  await expect(row.getByRole('button', { name: 'Back to draft' })).toHaveCount(0);
  await row.getByRole('button', { name: 'Cancel workshop' }).click();
  const dialog = el.getByRole('dialog', { name: 'Cancel this workshop?' });
  await expect(dialog).toContainText('The ticket is refunded in full and every buyer is emailed.');
  await dialog.getByRole('button', { name: 'Cancel the workshop' }).click();
  await expect(row).toContainText('Cancelled');
  await expect(row).toContainText('0 / 0 / 12');

  const [order] = server.query<{ id: string; status: string }>(
    'select id, status from orders where workshop_id = ? and email = ?',
    created.id,
    'reader@example.com',
  );
  expect(order.status).toBe('refunded');
  expect(server.query<{ status: string }>('select status from tickets where order_id = ?', order.id)).toEqual(
    [{ status: 'revoked' }],
  );
  await reader.close();
});

test('validation errors from the server appear next to their fields', async ({ page, server }) => {
  await signInToConsole(page, server, { hash: '#/workshops?edit=new' });
  const el = consoleEl(page);
  await el.getByLabel('Title').fill('No host');
  // A zone the browser does not know is caught before sending, calmly, next to the picker.
  await el.getByLabel('Time zone').fill('Nowhere/Atlantis');
  await el.getByRole('button', { name: 'Save draft' }).click();
  await expect(el.locator('#wf-timeZone-error')).toHaveText(
    'Choose a time zone from the list, e.g. America/New_York.',
  );
  await el.getByLabel('Time zone').fill('Asia/Shanghai');
  await el.getByLabel('Currency').fill('XYZ');
  await el.getByRole('button', { name: 'Save draft' }).click();
  await expect(el.locator('#wf-hostName-error')).toBeVisible();
  await expect(el.locator('#wf-currency-error')).toContainText('ISO 4217');
  await expect(el.getByLabel('Currency')).toHaveAttribute('aria-invalid', 'true');
});

test('an expired session asks for the key over the form, keeps what was typed, and the save goes through', async ({
  page,
  server,
}) => {
  const title = `Kept after sign-in ${Date.now()}`;
  await signInToConsole(page, server, { hash: '#/workshops?edit=new' });
  const el = consoleEl(page);
  await el.getByLabel('Title').fill(title);
  await el.getByLabel('Host name').fill('Bo');
  // The server stops accepting this tab's session (as after expiry or a key rotation elsewhere).
  await page.evaluate(() => {
    const key = 'lectern-owner-session:demo';
    const kept = JSON.parse(sessionStorage.getItem(key) ?? '{}');
    sessionStorage.setItem(key, JSON.stringify({ ...kept, token: 'expired.token.value' }));
  });
  await el.getByRole('button', { name: 'Save draft' }).click();
  const dialog = el.getByRole('dialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Owner key').fill(server.ownerKey);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();
  await expect(el.getByRole('row', { name: new RegExp(title) })).toContainText('Draft');
});

test('keyboard only: the cancel dialog keeps focus inside, Esc closes it and focus returns', async ({
  page,
  server,
}) => {
  await signInToConsole(page, server, { hash: '#/workshops?filter=upcoming' });
  const el = consoleEl(page);
  const cancel = el.getByRole('button', { name: 'Cancel workshop' }).first();
  await cancel.focus();
  await page.keyboard.press('Enter');
  const dialog = el.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // The page behind is inert: Tab goes round the dialog's buttons (and the browser's own UI),
  // never to the console or the page under it.
  const focusedBehind = () =>
    dialog.evaluate((d) => {
      const root = d.getRootNode() as ShadowRoot;
      const inConsole = root.activeElement;
      const inPage = document.activeElement;
      return (
        (inConsole !== null && !d.contains(inConsole)) || (inPage !== root.host && inPage !== document.body)
      );
    });
  const visited = new Set<string>();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await focusedBehind()).toBe(false);
    visited.add(
      await dialog.evaluate((d) => (d.getRootNode() as ShadowRoot).activeElement?.textContent ?? ''),
    );
  }
  expect(visited).toEqual(new Set(['Keep it', 'Cancel the workshop', '']));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(cancel).toBeFocused();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious in the console (${scheme})`, async ({ page, server }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${server.url}/owner/?site=demo`);
    await expect(consoleEl(page).getByLabel('Owner key')).toBeVisible();
    expect(await schemeOf(page, 'lectern-dashboard')).toBe(scheme);
    expect(await seriousFindings(page, 'lectern-dashboard')).toEqual([]);
    await signInToConsole(page, server);
    await expect(consoleEl(page).getByRole('table')).toBeVisible();
    expect(await seriousFindings(page, 'lectern-dashboard')).toEqual([]);
    await consoleEl(page).getByRole('button', { name: 'Cancel workshop' }).first().click();
    await expect(consoleEl(page).getByRole('dialog')).toBeVisible();
    expect(await seriousFindings(page, 'lectern-dashboard')).toEqual([]);
    await page.keyboard.press('Escape');
    await consoleEl(page).getByRole('button', { name: 'New workshop' }).click();
    await expect(consoleEl(page).getByLabel('Title')).toBeVisible();
    expect(await seriousFindings(page, 'lectern-dashboard')).toEqual([]);
  });
}

test('speaks Simplified Chinese for a Chinese-speaking owner', async ({ browser, server }) => {
  const context = await browser.newContext({
    locale: 'zh-CN',
    extraHTTPHeaders: { 'Accept-Language': 'zh-CN' },
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/owner/?site=demo`);
  const el = consoleEl(page);
  await el.getByLabel('站长密钥').fill(server.ownerKey);
  await el.getByRole('button', { name: '登录' }).click();
  await expect(el.getByRole('link', { name: '工作坊' })).toBeVisible();
  await expect(el.getByRole('button', { name: '新建工作坊' })).toBeVisible();
  await expect(el.getByRole('columnheader', { name: '开始时间（你的时区）' })).toBeVisible();
  await context.close();
});

test('back to draft while nobody booked; duplicate opens a draft one week later at the same local time', async ({
  page,
  server,
}) => {
  const title = `Bread basics ${Date.now()}`;
  const id = await createWorkshop(server, { title, startsInMinutes: 5 * 24 * 60 });
  await signInToConsole(page, server, { hash: '#/workshops?filter=upcoming' });
  const el = consoleEl(page);
  const row = el.getByRole('row', { name: new RegExp(`^${title}`) });
  await row.getByRole('button', { name: 'Back to draft' }).click();
  await expect(row).toContainText('Draft');
  expect(server.query<{ status: string }>('select status from workshops where id = ?', id)).toEqual([
    { status: 'draft' },
  ]);
  await el.getByRole('button', { name: 'Drafts' }).click();
  await expect(page).toHaveURL(/#\/workshops\?filter=drafts$/);
  await expect(row).toBeVisible();
  await expect(el.getByRole('row', { name: /^Sourdough/ })).toHaveCount(0);
  await el.getByRole('button', { name: 'Past' }).click();
  await expect(row).toHaveCount(0);
  await el.getByRole('button', { name: 'Drafts' }).click();

  await row.getByRole('button', { name: 'Duplicate' }).click();
  await expect(el.getByRole('heading', { name: `Duplicate “${title}”` })).toBeVisible();
  await el.getByRole('button', { name: 'Save draft' }).click();
  await expect(el.getByRole('button', { name: 'New workshop' })).toBeVisible();
  const rows = server.query<{ id: string; starts_at: number; status: string }>(
    'select id, starts_at, status from workshops where title = ? order by starts_at',
    title,
  );
  expect(rows).toHaveLength(2);
  expect(rows[1].status).toBe('draft');
  // Same local time in the workshop's zone; across a DST change the gap is 7 days ± 1 hour.
  const zone = server.query<{ time_zone: string }>('select time_zone from workshops where id = ?', id)[0]
    .time_zone;
  const wall = (ms: number) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(ms);
  expect(wall(rows[1].starts_at)).toBe(wall(rows[0].starts_at));
  expect(Math.round((rows[1].starts_at - rows[0].starts_at) / 3_600_000 / 24)).toBe(7);
});

test('"Host" opens the room in this tab, which hosts with the console session and asks for no key', async ({
  page,
  server,
}) => {
  const title = `Host from the console ${Date.now()}`;
  await createWorkshop(server, { title, startsInMinutes: 5 });
  await signInToConsole(page, server, { hash: '#/workshops?filter=upcoming' });
  const row = consoleEl(page).getByRole('row', { name: new RegExp(`^${title}`) });
  await row.getByRole('link', { name: 'Host' }).click();
  await page.waitForURL(/\/room\/ws_/);
  const room = page.locator('lectern-room');
  await room
    .getByRole('button', { name: /Host this workshop|Start the room/ })
    .first()
    .waitFor();
  if (await room.getByRole('button', { name: 'Host this workshop' }).isVisible())
    await room.getByRole('button', { name: 'Host this workshop' }).click();
  await expect(room.getByRole('button', { name: 'Start the room' })).toBeVisible();
  await expect(room.getByLabel('Owner key')).toHaveCount(0);
});

// Waits two idle periods (the loader starts the behaviour log in the first), then counts the
// log's IndexedDB databases for this origin.
const logDatabasesAfterIdle = (page: import('@playwright/test').Page) =>
  page.evaluate(async () => {
    for (let i = 0; i < 2; i++) await new Promise((r) => requestIdleCallback(() => r(null)));
    return (await indexedDB.databases()).filter((d) => d.name === 'lectern-log').length;
  });

test("the owner's own visits to the console are not logged as a reader's page views", async ({
  page,
  browser,
  server,
}) => {
  // A reader's page starts the behaviour log…
  await page.goto(`${server.url}/blog/`);
  await expect(page.locator('lectern-workshops').getByRole('list')).toBeVisible();
  await expect.poll(() => logDatabasesAfterIdle(page)).toBe(1);

  // …the owner's page, which carries <lectern-dashboard>, never does (a fresh profile: same origin).
  const context = await browser.newContext();
  const owner = await context.newPage();
  await signInToConsole(owner, server);
  await expect(consoleEl(owner).getByRole('table')).toContainText('Sourdough');
  expect(await logDatabasesAfterIdle(owner)).toBe(0);
  await context.close();
});
