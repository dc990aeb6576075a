import type { Page } from '@playwright/test';
import { forYouIds, launchWithExtension } from './extension-fixtures.ts';
import { expect, test } from './fixtures.ts';
import { seriousFindings } from './widget-helpers.ts';

// The browser extension, loaded into Debian's Chromium (launchPersistentContext, headless):
// what the learner sees in its popup after reading on the two demo sites (blog: site `demo`,
// course site: site `course`), tickets and reminders, and the widget getting lighter.

/** Opens a workshop's checkout dialog from its card (logs `workshop_click`), then closes it. */
async function openAndClose(page: Page, name: RegExp) {
  await page.getByRole('button', { name }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Reads the course site's live sessions (page views of /course/ and /course/live). */
async function readCourseSite(page: Page, url: string) {
  await page.goto(`${url}/course/`);
  await page.getByRole('link', { name: 'Live sessions' }).click();
  await expect(page.locator('lectern-workshops li[data-lectern-card]').first()).toBeVisible();
}

test('a learner reads on both demo sites: "For you" lists workshops from both, in an order that follows the history', async ({
  server,
}) => {
  test.setTimeout(120_000);
  const baker = await launchWithExtension();
  const coder = await launchWithExtension();
  try {
    // A reader of the baking post who opens the sourdough workshop…
    const b = await baker.context.newPage();
    await b.goto(`${server.url}/blog/posts/sourdough-starter.html`);
    await openAndClose(b, /Get a ticket: Sourdough/);
    await readCourseSite(b, server.url);
    // …and a reader of the data-visualisation workshop, on the same two sites.
    const c = await coder.context.newPage();
    await c.goto(`${server.url}/blog/workshops.html`);
    await openAndClose(c, /: 数据可视化实战/);
    await readCourseSite(c, server.url);

    const bakerPopup = await baker.popup();
    const coderPopup = await coder.popup();
    for (const popup of [bakerPopup, coderPopup]) {
      await expect
        .poll(async () => {
          await popup.reload();
          const ids = await forYouIds(popup);
          return ids.some((id) => id.startsWith('ws_demo_')) && ids.some((id) => id.startsWith('ws_course_'));
        })
        .toBe(true);
    }
    const bakerIds = await forYouIds(bakerPopup);
    const coderIds = await forYouIds(coderPopup);
    // Baking carries to the other site: the bread workshop before the charts one, and the reverse.
    expect(bakerIds.indexOf('ws_course_bread')).toBeLessThan(bakerIds.indexOf('ws_course_charts'));
    expect(coderIds.indexOf('ws_course_charts')).toBeLessThan(coderIds.indexOf('ws_course_bread'));
    const bread = bakerPopup.locator('[data-workshop="ws_course_bread"]');
    await expect(bread).toContainText(/Because you read “Sourdough from scratch[^”]*” on localhost:\d+/);
    // Nothing sold out or past is offered.
    expect(bakerIds).not.toContain('ws_demo_watercolor');
    expect(await seriousFindings(bakerPopup, 'main')).toEqual([]);
  } finally {
    await baker.close();
    await coder.close();
  }
});

test('buying a ticket shows it in the popup and schedules its three reminders', async ({ server }) => {
  const ext = await launchWithExtension();
  try {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/blog/workshops.html`);
    await page.getByRole('button', { name: /Get a ticket: Sourdough/ }).click();
    await page.getByRole('dialog').getByRole('textbox').fill('extension-buyer@example.com');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dev-checkout\//);
    await page.getByRole('button', { name: /Pay \(test\)/ }).click();
    await expect(page.getByRole('heading', { name: 'You have a ticket' })).toBeVisible({ timeout: 20_000 });

    const [workshop] = server.query<{ starts_at: number }>(
      "select starts_at from workshops where id = 'ws_demo_sourdough'",
    );
    const startsAt = Number(workshop.starts_at);
    await expect
      .poll(async () => (await ext.alarms()).filter((a) => a.name.endsWith('|ws_demo_sourdough')).length)
      .toBe(3);
    const alarms = (await ext.alarms()).filter((a) => a.name.endsWith('|ws_demo_sourdough'));
    expect(
      alarms.map((a) => Math.round((startsAt - a.scheduledTime) / 60_000)).sort((x, y) => x - y),
    ).toEqual([10, 60, 1440]);

    const popup = await ext.popup();
    await popup.getByRole('tab', { name: 'Tickets' }).click();
    const ticket = popup.locator('[data-ticket="ws_demo_sourdough"]');
    await expect(ticket).toContainText('Sourdough from scratch');
    await expect(ticket).toContainText('The room opens 15 minutes before the start.');
    // Owned: no longer offered in "For you".
    await popup.getByRole('tab', { name: 'For you' }).click();
    await expect(popup.locator('[data-for-you]')).toBeVisible();
    expect(await forYouIds(popup)).not.toContain('ws_demo_sourdough');
  } finally {
    await ext.close();
  }
});

test('with the extension, <lectern-recommendations> takes its picks from it and never downloads onnxruntime-web', async ({
  server,
}) => {
  const ext = await launchWithExtension();
  try {
    const page = await ext.context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${server.url}/blog/posts/sourdough-starter.html`);
    await expect(page.locator('html')).toHaveAttribute('data-lectern-extension', '');
    const cards = page.locator('lectern-recommendations li[data-lectern-card]');
    await expect(cards.first()).toBeVisible();
    const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-lectern-card') ?? ''));
    expect(ids.length).toBeGreaterThan(0);
    // The workshop shown above on the page is not repeated.
    expect(ids).not.toContain('ws_demo_sourdough');
    expect(requested.filter((u) => u.includes('/ort/') || u.endsWith('.wasm'))).toEqual([]);
    expect(requested.filter((u) => /\/v1\/sites\/demo\/model/.test(u))).toEqual([]);
  } finally {
    await ext.close();
  }
});

test('the popup speaks Chinese when the browser does', async ({ server }) => {
  const ext = await launchWithExtension('zh-CN');
  try {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/course/`);
    const popup = await ext.popup();
    await expect(popup.getByRole('tab', { name: '为你推荐' })).toBeVisible();
    await popup.getByRole('tab', { name: '为你推荐' }).press('ArrowRight');
    await popup.keyboard.press('ArrowRight');
    await expect(popup.getByRole('tab', { name: '你的数据' })).toBeFocused();
    await popup.keyboard.press('Enter');
    await expect(popup.getByText('Lectern 可以在哪里学习')).toBeVisible();
    expect(await seriousFindings(popup, 'main')).toEqual([]);
  } finally {
    await ext.close();
  }
});
