import { expect, test } from './fixtures.ts';
import { mintTicket, openWorkshop, room, roomContext } from './rooms-harness/room-fixtures.ts';

// Issue 15, item 5: the ticket page and the room speak the reader's language and show the
// reader's time (the host's noted), not the workshop's language and the host's zone only.

test("the ticket page is in the reader's language, with the reader's time and the host's noted", async ({
  browser,
  server,
}) => {
  const workshopId = await openWorkshop(server, 'Ticket page languages');
  const ticket = await mintTicket(server, workshopId);

  const zh = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await zh.newPage();
  await page.goto(`${server.url}/t/${ticket}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByText('你的门票', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '进入直播间' })).toBeVisible();
  await expect(page.locator('time')).toContainText('GMT+8');
  await expect(page.locator('.host-time')).toContainText('主讲人当地时间');
  await expect(page.locator('.host-time')).toContainText('(UTC)');
  await zh.close();

  const en = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
  const enPage = await en.newPage();
  await enPage.goto(`${server.url}/t/${ticket}`);
  await expect(enPage.getByText('Your ticket', { exact: true })).toBeVisible();
  await expect(enPage.locator('time')).toContainText('EST');
  await expect(enPage.locator('.host-time')).toContainText("(UTC) host's time");
  await en.close();
});

test("the room speaks the reader's language, not the workshop's", async ({ browser, server }) => {
  const workshopId = await openWorkshop(server, 'Room languages');
  // A workshop held in Chinese…
  const auth = await server.ownerAuth();
  const patched = await fetch(`${server.url}/v1/sites/demo/workshops/${workshopId}`, {
    method: 'PATCH',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ language: 'zh-CN' }),
  });
  expect(patched.status).toBe(200);
  const url = `${server.url}/room/${workshopId}#ticket=${await mintTicket(server, workshopId)}`;

  // …read by an English reader: the room is in English, the title keeps its own language.
  const en = await roomContext(browser, undefined, { locale: 'en-US' });
  const page = await en.newPage();
  await page.goto(url);
  await expect(room(page).getByRole('button', { name: 'Join the room' })).toBeVisible();
  await expect(page.locator('h1')).toHaveAttribute('lang', 'zh-CN');
  await en.close();

  // A Chinese reader gets the room in Chinese.
  const zh = await roomContext(browser, undefined, { locale: 'zh-CN' });
  const zhPage = await zh.newPage();
  await zhPage.goto(url);
  await expect(room(zhPage).getByRole('button', { name: '进入直播间' })).toBeVisible();
  await zh.close();
});
