import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, type SharedServer, test } from './fixtures.ts';
import { confirmFreeSeat, createWorkshop, hostPage } from './widget-helpers.ts';

const card = (page: Page, id: string, element = 'lectern-workshops') =>
  page.locator(`${element} li[data-lectern-card="${id}"]`);

async function register(page: Page, id: string, title: string, email: string) {
  await card(page, id)
    .getByRole('button', { name: `Register: ${title}` })
    .click();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('dialog').getByRole('button', { name: 'Register' }).click();
}

/** Takes a seat of a free workshop as another reader would, outside this browser. */
async function takeSeat(server: SharedServer, workshopId: string, email: string) {
  const res = await fetch(`${server.url}/v1/checkout`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      siteId: 'demo',
      workshopId,
      email,
      returnUrl: `${server.url}/blog/`,
      locale: 'en',
    }),
  });
  expect(res.status).toBeLessThan(300);
}

test('a reader who holds a ticket sees "You have a ticket", then "Join the live room" once it starts', async ({
  page,
  server,
}) => {
  const title = 'Ticket state workshop';
  const id = await createWorkshop(server, { title, startsInMinutes: 60 });
  await page.goto(`${server.url}/blog/workshops.html`);
  await register(page, id, title, 'holder@example.com');
  await confirmFreeSeat(page, server, 'holder@example.com');
  // Back from the confirmation link: the card offers no second ticket.
  await expect(card(page, id)).toContainText('You have a ticket');
  await expect(card(page, id).getByRole('button')).toHaveCount(0);
  await expect(card(page, id).getByRole('link', { name: 'Open ticket' })).toHaveAttribute('href', /\/t\//);

  // An hour later the workshop is on: the card offers the room, with the ticket in the fragment.
  await page.clock.install({ time: Date.now() + 61 * 60_000 });
  await page.reload();
  const join = card(page, id).getByRole('link', { name: `Join the live room: ${title}` });
  await expect(join).toHaveAttribute('href', new RegExp(`/room/${id}#ticket=`));
  await expect(card(page, id)).toContainText('You have a ticket');
});

test('recommendations leave out the workshop a <lectern-workshop> already shows on the page', async ({
  page,
  server,
}) => {
  await hostPage(page, server, 'shown-above', {
    body: `<h1>Sourdough</h1><lectern-workshop workshop="ws_demo_sourdough"></lectern-workshop>
<lectern-recommendations limit="50"></lectern-recommendations>`,
  });
  const picks = page.locator('lectern-recommendations li[data-lectern-card]');
  await expect(picks.first()).toBeVisible({ timeout: 30_000 });
  const shown = await picks.evaluateAll((els) => els.map((e) => e.getAttribute('data-lectern-card')));
  // Every other open workshop is still there (limit 50): only the one above is left out.
  expect(shown).toContain('ws_demo_typescript');
  expect(shown).not.toContain('ws_demo_sourdough');
});

test('the loser of a last-seat race sees the card turn sold out without a reload', async ({
  page,
  server,
}) => {
  const title = 'Last seat race';
  const id = await createWorkshop(server, { title, capacity: 1 });
  await page.goto(`${server.url}/blog/workshops.html`);
  await expect(card(page, id)).toContainText('1 seat left');
  await takeSeat(server, id, 'winner@example.com');
  await register(page, id, title, 'loser@example.com');
  await expect(page.getByRole('dialog')).toContainText('Sorry, the last seat just went');
  await expect(card(page, id)).toContainText('Sold out');
  await expect(card(page, id)).not.toContainText('1 seat left');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(card(page, id).getByRole('button', { name: 'Join the waitlist' })).toBeVisible();
});

test('<lectern-workshop> shows the workshop its changed workshop attribute names', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/blog/posts/sourdough-starter.html`);
  const element = page.locator('lectern-workshop');
  await expect(element.locator('li[data-lectern-card="ws_demo_sourdough"]')).toBeVisible();
  await element.evaluate((el) => el.setAttribute('workshop', 'ws_demo_typescript'));
  await expect(element.locator('li[data-lectern-card="ws_demo_typescript"]')).toBeVisible();
  await expect(element.locator('li[data-lectern-card="ws_demo_sourdough"]')).toHaveCount(0);
});

test('"Your data" exports the tickets it keeps and deletes them with the rest, as its confirm says', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/blog/workshops.html`);
  await register(page, 'ws_demo_open-qa', 'Open Q&A', 'data@example.com');
  await confirmFreeSeat(page, server, 'data@example.com');
  await page.goto(`${server.url}/blog/tickets.html`);
  const tickets = page.locator('lectern-tickets');
  await expect(tickets.locator('[data-lectern-ticket]')).toHaveCount(1);
  await expect(tickets).toContainText('Tickets saved here: 1');

  const download = page.waitForEvent('download');
  await tickets.getByRole('button', { name: 'Export as JSON (log and tickets)' }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  const exported = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  expect(exported.tickets.map((t: { workshopId: string }) => t.workshopId)).toEqual(['ws_demo_open-qa']);
  expect(exported.events.length).toBeGreaterThan(0);

  const remove = tickets.getByRole('button', { name: 'Delete my data' });
  // Destructive, and looks it: not the accent colour of the other buttons.
  const [danger, accent] = await Promise.all([
    remove.evaluate((el) => getComputedStyle(el).backgroundColor),
    tickets
      .getByRole('button', { name: 'New anonymous id' })
      .evaluate((el) => getComputedStyle(el).backgroundColor),
  ]);
  expect(danger).toBe('rgb(179, 38, 30)');
  expect(danger).not.toBe(accent);
  await remove.click();
  await expect(tickets.getByRole('alertdialog')).toContainText(
    'Delete everything Lectern keeps on this device: your activity log, anonymous ids and the ticket saved here?',
  );
  await tickets.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(tickets).toContainText('Tickets saved here: 0');
  await expect(tickets.locator('[data-lectern-ticket]')).toHaveCount(0);
  await page.reload();
  await expect(tickets).toContainText('No tickets on this device yet.');
});

test('card footers keep one shape in three columns and with Chinese titles', async ({ browser, server }) => {
  for (const locale of ['en', 'zh-CN']) {
    const context = await browser.newContext({ locale, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/course/live`);
    const cards = page.locator('lectern-workshops li[data-lectern-card]');
    await expect(cards.first()).toBeVisible();
    const footers = await cards.evaluateAll((els) =>
      els.map((card) => {
        const row = card.querySelector('.row')!.getBoundingClientRect();
        const info = card.querySelector('.row > .info')!.getBoundingClientRect();
        const action = card.querySelector('.row > button, .row > a')?.getBoundingClientRect();
        const box = card.getBoundingClientRect();
        return {
          top: Math.round(box.top),
          // The action sits beside the price and seats, at the footer's bottom, never wrapped under them.
          beside: !action || (action.left >= info.right && Math.abs(action.bottom - row.bottom) < 1),
          bottomGap: Math.round(box.bottom - row.bottom),
        };
      }),
    );
    const perRow = Math.max(
      ...[...new Set(footers.map((f) => f.top))].map((t) => footers.filter((f) => f.top === t).length),
    );
    expect(perRow).toBe(3);
    expect(footers.filter((f) => !f.beside)).toEqual([]);
    // Footers sit at the bottom of their cards: level across a row whatever the title's length.
    expect(new Set(footers.map((f) => f.bottomGap)).size).toBe(1);
    await context.close();
  }
});

test('headings follow the page outline, and the example sites have a favicon', async ({ page, server }) => {
  await page.goto(`${server.url}/blog/workshops.html`);
  await expect(page.locator('lectern-workshops li[data-lectern-card]').first()).toBeVisible();
  // The page has an h1 and then the cards: their titles are h2, so axe's heading-order holds.
  await expect(page.locator('lectern-workshops li[data-lectern-card] h2').first()).toBeVisible();
  const order = await new AxeBuilder({ page }).withRules(['heading-order']).analyze();
  expect(order.violations).toEqual([]);
  await hostPage(page, server, 'heading-level', {
    body: '<h1>Page</h1><lectern-workshops heading-level="4" limit="1"></lectern-workshops>',
  });
  await expect(page.locator('lectern-workshops li[data-lectern-card] h4')).toHaveCount(1);

  for (const [pageUrl, icon] of [
    ['/blog/', '/blog/favicon.svg'],
    ['/blog/posts/brush-strokes.html', '/blog/favicon.svg'],
    ['/course/', '/course/favicon.svg'],
  ]) {
    await page.goto(`${server.url}${pageUrl}`);
    const href = await page.locator('link[rel="icon"]').evaluate((l) => (l as HTMLLinkElement).href);
    expect(href).toBe(`${server.url}${icon}`);
    const res = await fetch(href);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
  }
});
