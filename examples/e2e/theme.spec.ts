import type { Page } from '@playwright/test';
import { expect, type SharedServer, test } from './fixtures.ts';
import { mintTicket, openWorkshop, room, roomContext, startAsHost } from './rooms-harness/room-fixtures.ts';
import { confirmFreeSeat, hostPage, schemeOf, seriousFindings } from './widget-helpers.ts';

const cards = (page: Page, element = 'lectern-workshops') => page.locator(`${element} li[data-lectern-card]`);

/** Once the cards are in: the scheme `<lectern-workshops>` took, and axe's serious findings in it. */
async function listLooks(page: Page) {
  await expect(cards(page).first()).toBeVisible();
  return {
    scheme: await schemeOf(page, 'lectern-workshops'),
    serious: await seriousFindings(page, 'lectern-workshops'),
  };
}

/** A free registration in the dialog: the device then holds a ticket for the tickets page. */
async function registerFree(page: Page, server: SharedServer, email: string) {
  await page.goto(`${server.url}/blog/workshops.html`);
  await page.getByRole('button', { name: /Register: Open Q&A/ }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('dialog').getByRole('button', { name: 'Register' }).click();
  await confirmFreeSeat(page, server, email);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme} OS: the cream blog gets the light widget and axe finds nothing serious (list, dialog, tickets)`, async ({
    browser,
    server,
  }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/blog/`);
      await expect(cards(page).first()).toBeVisible();
      // The blog paints a cream page: whatever the OS says, the widget is light on it.
      expect(await schemeOf(page, 'lectern-workshops')).toBe('light');
      expect(await seriousFindings(page, 'lectern-workshops')).toEqual([]);
      await page.locator('lectern-recommendations').scrollIntoViewIfNeeded();
      await expect(cards(page, 'lectern-recommendations').first()).toBeVisible({ timeout: 30_000 });
      expect(await seriousFindings(page, 'lectern-recommendations')).toEqual([]);

      await page
        .getByRole('button', { name: /Get a ticket: Type-safe/ })
        .first()
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await seriousFindings(page, 'lectern-workshops')).toEqual([]);
      await page.keyboard.press('Escape');

      await registerFree(page, server, `theme-${colorScheme}@example.com`);
      await page.goto(`${server.url}/blog/tickets.html`);
      await expect(page.locator('lectern-tickets [data-lectern-ticket]').first()).toBeVisible();
      await expect(page.locator('lectern-tickets')).toContainText('Your data on this device');
      expect(await schemeOf(page, 'lectern-tickets')).toBe('light');
      // "Your data" has no card behind it: its text sits straight on the blog's cream page.
      const text = await page
        .locator('lectern-tickets')
        .evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.lectern-your-data p')!).color);
      expect(text).toBe('rgb(27, 27, 31)');
      await page.locator('lectern-tickets').getByRole('button', { name: 'Delete my data' }).click();
      expect(await seriousFindings(page, 'lectern-tickets')).toEqual([]);
    } finally {
      await context.close();
    }
  });
}

test('a dark host page gets the dark widget even with a light OS, and a theme switch on the page follows', async ({
  page,
  server,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await hostPage(page, server, 'dark-host', {
    head: '<style>body{background:#121417;color:#e8e8e8}body.paper{background:#fbf8f3;color:#1d1b19}</style>',
    body: '<h1>A dark blog</h1><lectern-workshops></lectern-workshops>',
  });
  expect(await listLooks(page)).toEqual({ scheme: 'dark', serious: [] });
  await page
    .getByRole('button', { name: /Get a ticket: Type-safe/ })
    .first()
    .click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await seriousFindings(page, 'lectern-workshops')).toEqual([]);
  await page.keyboard.press('Escape');
  // The page's own theme toggle (a class on <body>) turns the widget light without a reload.
  await page.evaluate(() => document.body.classList.add('paper'));
  await expect.poll(() => schemeOf(page, 'lectern-workshops')).toBe('light');
});

test('a page without a background follows the OS only when it declares color-scheme', async ({
  page,
  server,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await hostPage(page, server, 'plain-host', { body: '<lectern-workshops></lectern-workshops>' });
  // No background and no color-scheme: the browser paints white, so the widget stays light.
  expect(await listLooks(page)).toEqual({ scheme: 'light', serious: [] });
  await hostPage(page, server, 'follows-os', {
    head: '<meta name="color-scheme" content="light dark">',
    body: '<lectern-workshops></lectern-workshops>',
  });
  expect(await listLooks(page)).toEqual({ scheme: 'dark', serious: [] });
});

test('data-theme on the script tag fixes the scheme whatever the page and the OS say', async ({
  page,
  server,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await hostPage(page, server, 'forced-dark', {
    tag: 'data-theme="dark"',
    body: '<lectern-workshops></lectern-workshops>',
  });
  expect(await listLooks(page)).toEqual({ scheme: 'dark', serious: [] });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme} OS: the room (host and learner) has no serious axe findings`, async ({
    browser,
    server,
  }) => {
    const workshopId = await openWorkshop(server, `Theme room ${colorScheme}`);
    const url = `${server.url}/room/${workshopId}`;
    const hostContext = await roomContext(browser);
    const learnerContext = await roomContext(browser);
    try {
      const host = await hostContext.newPage();
      await host.emulateMedia({ colorScheme });
      await startAsHost(host, url, server.ownerKey);
      // The room page paints its own background per scheme: the room follows it.
      expect(await schemeOf(host, 'lectern-room')).toBe(colorScheme);
      expect(await seriousFindings(host, 'lectern-room')).toEqual([]);
      const learner = await learnerContext.newPage();
      await learner.emulateMedia({ colorScheme });
      await learner.goto(`${url}#ticket=${await mintTicket(server, workshopId)}`);
      await expect(room(learner).getByRole('button', { name: 'Join the room' })).toBeVisible();
      expect(await seriousFindings(learner, 'lectern-room')).toEqual([]);
    } finally {
      await hostContext.close();
      await learnerContext.close();
    }
  });
}
