import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, type SharedServer, test } from './fixtures.ts';
import {
  joinAsLearner,
  mintTicket,
  openWorkshop,
  room,
  roomContext,
  startAsHost,
} from './rooms-harness/room-fixtures.ts';

// Issue 15, items 1 and 11: a room the host ended is ended everywhere (card, checkout, tickets
// list, the room page shows the state only) and the host can reopen it; the learner can leave and
// rejoin; the room page says which workshop, when and on which site; the end screens are labelled
// and the rating form is a real form. One room, serial steps.
test.describe.configure({ mode: 'serial' });

const TITLE = 'Room ending test';
let workshopId: string;
let contexts: BrowserContext[] = [];
let host: Page;
let learner: Page;
let ticket: string;

const serious = (r: Awaited<ReturnType<AxeBuilder['analyze']>>) =>
  r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);

/** The learner's behaviour log (IndexedDB `lectern-log`), event types in order. */
const loggedTypes = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('lectern-log');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('events').objectStore('events').getAll();
          req.onsuccess = () => resolve(req.result.map((e: { type: string }) => e.type));
        };
      }),
  );

const roomUrl = (server: SharedServer) => `${server.url}/room/${workshopId}`;

test.beforeAll(async ({ browser, server }) => {
  workshopId = await openWorkshop(server, TITLE);
  ticket = await mintTicket(server, workshopId);
  const hostContext = await roomContext(browser);
  // The reader is in New York; the workshop's host announced it in UTC.
  const learnerContext = await roomContext(browser, undefined, {
    locale: 'en-US',
    timezoneId: 'America/New_York',
  });
  contexts = [hostContext, learnerContext];
  host = await hostContext.newPage();
  learner = await learnerContext.newPage();
});
test.afterAll(async () => {
  for (const c of contexts) await c.close();
});

test("the room page names the site, the workshop and its time in the reader's zone, the host's noted", async ({
  server,
}) => {
  await learner.goto(`${roomUrl(server)}#ticket=${ticket}`);
  const [site] = server.query<{ name: string }>('select name from sites where id = ?', 'demo');
  await expect(learner.locator('header .site')).toHaveText(site.name);
  await expect(learner.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  // December in New York: EST; the host's UTC time is noted beside it.
  await expect(learner.locator('header time')).toContainText('EST');
  await expect(learner.locator('header .host-time')).toContainText("(UTC) host's time");
  await expect(learner.locator('header')).toContainText('with Test Host');
});

test('the learner leaves (logged as room_leave), sees "You left the room" and rejoins', async ({
  server,
}) => {
  await startAsHost(host, roomUrl(server), server.ownerKey);
  await joinAsLearner(learner, `${roomUrl(server)}#ticket=${ticket}`, 'Lee');
  await expect(room(learner).locator('[data-phase=live]')).toBeVisible({ timeout: 30_000 });
  await expect(room(host).getByRole('heading', { name: 'Participants (2)' })).toBeVisible();

  await room(learner).getByRole('button', { name: 'Leave' }).click();
  await expect(room(learner).getByRole('status')).toHaveText('You left the room.');
  await expect(room(host).getByRole('heading', { name: 'Participants (1)' })).toBeVisible({
    timeout: 15_000,
  });
  expect(await loggedTypes(learner)).toEqual(expect.arrayContaining(['room_join', 'room_leave']));

  await room(learner).getByRole('button', { name: 'Rejoin' }).click();
  await expect(room(learner).locator('[data-phase=live]')).toBeVisible({ timeout: 30_000 });
  await expect(room(host).getByRole('heading', { name: 'Participants (2)' })).toBeVisible({
    timeout: 15_000,
  });
});

test('after "End the room": a labelled summary for the host, a styled, keyboard-operable rating form for the learner', async () => {
  await room(host).getByRole('button', { name: 'End the room' }).click();
  await room(host).locator('dialog').getByRole('button', { name: 'End the room' }).click();

  const summary = room(host).getByRole('region', { name: 'In this session' });
  await expect(summary).toBeVisible();
  for (const label of ['Chat messages', 'Questions asked', 'Poll votes'])
    await expect(summary).toContainText(label);
  await expect(room(host)).not.toContainText(/\(\d+ · \d+ · \d+\)/);
  await expect(room(host).getByRole('button', { name: 'Reopen the room' })).toBeVisible();
  expect(serious(await new AxeBuilder({ page: host }).include('lectern-room').analyze())).toEqual([]);

  const r = room(learner);
  await expect(r.getByRole('heading', { name: 'How was the workshop?' })).toBeVisible({ timeout: 15_000 });
  const content = r.getByRole('group', { name: 'Content' });
  // The 1–5 choices sit in one row, the comment box spans the form, the button is the primary one.
  const tops = await content
    .locator('label')
    .evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().top));
  expect(new Set(tops).size).toBe(1);
  const widths = await r
    .locator('form.rating')
    .evaluate((f) => [
      f.querySelector('textarea')!.getBoundingClientRect().width,
      f.clientWidth - Number.parseFloat(getComputedStyle(f).paddingLeft) * 2,
    ]);
  expect(Math.abs(widths[0] - widths[1])).toBeLessThan(2);
  expect(
    await r.getByRole('button', { name: 'Send rating' }).evaluate((b) => getComputedStyle(b).backgroundColor),
  ).toBe('rgb(31, 94, 255)');
  // Keyboard: Space picks, the arrow keys move along the scale.
  await content.getByLabel('1').focus();
  await learner.keyboard.press('Space');
  await learner.keyboard.press('ArrowRight');
  await expect(content.getByLabel('2')).toBeChecked();
  expect(serious(await new AxeBuilder({ page: learner }).include('lectern-room').analyze())).toEqual([]);

  await r.getByRole('group', { name: 'Instructor' }).getByLabel('5').check();
  await r.getByRole('group', { name: 'Interactivity' }).getByLabel('4').check();
  await r.getByRole('button', { name: 'Send rating' }).click();
  await expect(r.getByText('Thank you for your rating!')).toBeVisible();
});

test('an ended room: the card says Ended, checkout is refused, the tickets list shows it, the room shows the state only', async ({
  browser,
  server,
}) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/blog/workshops.html`);
  const card = page.locator(`li[data-lectern-card="${workshopId}"]`);
  await expect(card).toContainText('Ended');
  await expect(card).not.toContainText('Happening now');
  await expect(card.getByRole('button')).toHaveCount(0);

  const refused = await page.evaluate(async (id) => {
    const res = await fetch('/v1/checkout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ siteId: 'demo', workshopId: id, returnUrl: location.href }),
    });
    return { status: res.status, code: (await res.json()).error?.code };
  }, workshopId);
  expect(refused).toEqual({ status: 409, code: 'room_ended' });
  expect(
    server.query('select id from orders where workshop_id = ? and status = ?', workshopId, 'held'),
  ).toEqual([]);

  // A ticket kept on this device for the ended workshop: no "Join the live room" under it.
  await page.goto(`${server.url}/blog/tickets.html`);
  await expect(page.locator('lectern-tickets').getByRole('heading', { name: 'Your tickets' })).toBeVisible();
  await page.evaluate(
    async ({ id, token, origin }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('lectern-tickets', 1);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const startsAt = new Date(Date.now() + 5 * 60_000).toISOString();
      const put = db
        .transaction('tickets', 'readwrite')
        .objectStore('tickets')
        .put({
          orderId: 'ord_e2e_ended',
          workshopId: id,
          siteId: 'demo',
          token,
          url: `${origin}/t/${token}`,
          icsUrl: `${origin}/v1/tickets/${token}/ics`,
          title: 'Room ending test',
          hostName: 'Test Host',
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
          timeZone: 'UTC',
          savedAt: Date.now(),
        });
      await new Promise((resolve) => {
        put.onsuccess = resolve;
      });
      db.close();
    },
    { id: workshopId, token: ticket, origin: server.url },
  );
  await page.reload();
  const held = page.locator('[data-lectern-ticket="ord_e2e_ended"]');
  await expect(held).toContainText('Ended');
  await expect(held.getByRole('link', { name: 'Join the live room' })).toHaveCount(0);

  // Another ticket holder opens the room: the state, and nothing under it.
  const other = await (await roomContext(browser)).newPage();
  await other.goto(`${roomUrl(server)}#ticket=${await mintTicket(server, workshopId)}`);
  await expect(room(other).getByRole('status')).toHaveText('This workshop has ended. Thank you for joining!');
  await expect(room(other).getByRole('button')).toHaveCount(0);
  await expect(room(other).getByRole('textbox')).toHaveCount(0);
  await other.context().close();
  await page.context().close();
});

test('the host reopens the room: the host is back in, learners can join, the card sells again', async ({
  browser,
  server,
}) => {
  await room(host).getByRole('button', { name: 'Reopen the room' }).click();
  await expect(room(host).locator('[data-role=host]')).toBeVisible();
  expect(server.query('select ended_at from rooms where workshop_id = ?', workshopId)).toEqual([
    { ended_at: null },
  ]);

  const other = await (await roomContext(browser)).newPage();
  await other.goto(`${roomUrl(server)}#ticket=${await mintTicket(server, workshopId)}`);
  await expect(room(other).getByRole('button', { name: 'Join the room' })).toBeVisible();

  await other.goto(`${server.url}/blog/workshops.html`);
  const card = other.locator(`li[data-lectern-card="${workshopId}"]`);
  await expect(card.getByRole('button', { name: `Get a ticket: ${TITLE}` })).toBeVisible();
  await expect(card).not.toContainText('Ended');
  await other.context().close();
});
