import type { Page } from '@playwright/test';
import { forYouIds, launchWithExtension, type WithExtension } from './extension-fixtures.ts';
import { expect, test } from './fixtures.ts';

// The popup's first paint: it shows the last "For you" it showed from its own page's mirror
// (localStorage of the extension's origin), rendered while its script runs, before
// DOMContentLoaded and before the background answers. The learner's forget and delete clear
// that mirror with the rest.

const MIRROR = 'lectern:for-you';

/** Opens the popup, noting which workshops were already in the page at DOMContentLoaded. */
async function openPopup(ext: WithExtension): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { idsAtDcl: string[] }).idsAtDcl = [
        ...document.querySelectorAll('[data-for-you] [data-workshop]'),
      ].map((li) => li.getAttribute('data-workshop') ?? '');
    });
  });
  await popup.goto(`chrome-extension://${ext.id}/popup.html`);
  return popup;
}
const idsAtDcl = (popup: Page) =>
  popup.evaluate(() => (window as unknown as { idsAtDcl: string[] }).idsAtDcl);
const mirrored = (popup: Page) =>
  popup.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw
      ? (JSON.parse(raw) as { items: { workshop: { id: string } }[] }).items.map((i) => i.workshop.id)
      : null;
  }, MIRROR);

test('the popup paints the last "For you" before its page has loaded; forget and delete clear that copy', async ({
  server,
}) => {
  test.setTimeout(90_000);
  const ext = await launchWithExtension();
  try {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/blog/posts/sourdough-starter.html`);
    await expect(page.locator('lectern-workshop li[data-lectern-card]').first()).toBeVisible();
    await page.goto(`${server.url}/course/live`);
    await expect(page.locator('lectern-workshops li[data-lectern-card]').first()).toBeVisible();

    // First opening: nothing shown yet, so nothing mirrored; the background computes the list.
    const first = await openPopup(ext);
    expect(await idsAtDcl(first)).toEqual([]);
    // The course site's visit may reach the background after this opening's list: open again.
    await expect
      .poll(async () => {
        await first.reload();
        await expect(first.locator('[data-for-you]')).toBeVisible();
        return (await forYouIds(first)).some((id) => id.startsWith('ws_course_'));
      })
      .toBe(true);
    // The mirror holds what is shown, once the background's answer for this opening has come.
    await expect
      .poll(async () => JSON.stringify(await mirrored(first)) === JSON.stringify(await forYouIds(first)))
      .toBe(true);
    const shown = await forYouIds(first);
    await first.close();

    // Next opening: the same list is in the page before DOMContentLoaded, from the mirror.
    const second = await openPopup(ext);
    expect(await idsAtDcl(second)).toEqual(shown);
    await expect(second.locator('[data-for-you]')).toBeVisible();

    // Forgetting the course site clears the mirror at once; the next list has none of its workshops.
    await second.getByRole('tab', { name: 'Your data' }).click();
    await second.locator('[data-site-key$="#course"]').getByRole('button').click();
    await expect(second.locator('[data-site-key$="#course"]')).toHaveCount(0);
    expect(await mirrored(second)).toBeNull();
    await second.close();
    const third = await openPopup(ext);
    expect(await idsAtDcl(third)).toEqual([]);
    await expect.poll(() => forYouIds(third)).not.toEqual([]);
    expect((await forYouIds(third)).filter((id) => id.startsWith('ws_course_'))).toEqual([]);
    await expect.poll(async () => (await mirrored(third))?.length ?? 0).toBeGreaterThan(0);
    expect((await mirrored(third))?.filter((id) => id.startsWith('ws_course_'))).toEqual([]);

    // Deleting everything clears it too: the next opening paints nothing from before.
    await third.getByRole('tab', { name: 'Your data' }).click();
    await third.getByRole('button', { name: 'Delete everything' }).click();
    await third.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(third.getByRole('status')).not.toBeEmpty();
    expect(await mirrored(third)).toBeNull();
    await third.close();
    const fourth = await openPopup(ext);
    expect(await idsAtDcl(fourth)).toEqual([]);
    await expect(fourth.locator('[data-for-you-empty]')).toBeVisible();
    expect(await mirrored(fourth)).toEqual([]);
  } finally {
    await ext.close();
  }
});
