import type { Page } from '@playwright/test';
import { expect, type SharedServer, test } from './fixtures.ts';
import { consoleEl, signInToConsole } from './owner-console-helpers.ts';
import { hostPage } from './widget-helpers.ts';

// What a reader's page downloads does not depend on the owner console: the chunks a page with only
// <lectern-workshops> fetches and the chunks <lectern-dashboard> brings have none in common (the
// console builds against its own copies, widget/scripts/owner-console-copies.ts), and uPlot comes
// only with the Analytics section.

/** The widget chunks the page requests from now on, by file name (e.g. `theme-AbC123.js`). */
function recordChunks(page: Page): Set<string> {
  const chunks = new Set<string>();
  page.on('request', (r) => {
    const file = /\/chunks\/([\w.-]+\.js)$/.exec(new URL(r.url()).pathname)?.[1];
    if (file) chunks.add(file);
  });
  return chunks;
}

const chunkText = async (server: SharedServer, file: string) =>
  (await fetch(`${server.url}/chunks/${file}`)).text();

test('a page with only <lectern-workshops> fetches none of the owner console’s chunks', async ({
  browser,
  server,
}) => {
  // What lectern.js loads on any page, with no element on it: the behaviour log, once idle.
  const bare = await browser.newPage();
  const anyPage = recordChunks(bare);
  await hostPage(bare, server, 'no-element', { body: '<p>No Lectern element here.</p>' });
  await expect.poll(() => [...anyPage].some((f) => f.startsWith('log-'))).toBe(true);
  await bare.waitForLoadState('networkidle');

  const reader = await browser.newPage();
  const readerChunks = recordChunks(reader);
  await reader.goto(`${server.url}/blog/workshops.html`);
  await expect(reader.locator('lectern-workshops li[data-lectern-card]').first()).toBeVisible();
  await reader.waitForLoadState('networkidle');

  const owner = await browser.newPage();
  const ownerChunks = recordChunks(owner);
  await signInToConsole(owner, server, { hash: '#/workshops' });
  await expect(consoleEl(owner).getByRole('table')).toBeVisible();
  await owner.waitForLoadState('networkidle');
  const consoleChunks = [...ownerChunks].filter((f) => !anyPage.has(f));

  expect(consoleChunks.some((f) => f.startsWith('dashboard-element-'))).toBe(true);
  expect(consoleChunks.some((f) => f.startsWith('workshops-section-'))).toBe(true);
  expect(readerChunks.size).toBeGreaterThan(1);
  expect([...readerChunks].filter((f) => consoleChunks.includes(f))).toEqual([]);
  // Preact's context is only the console's: the reader's copy of Preact is built without it.
  for (const file of readerChunks) expect(await chunkText(server, file)).not.toContain('__cC');
  await Promise.all([bare.close(), reader.close(), owner.close()]);
});

test('uPlot comes only with the Analytics section, when an owner opens it', async ({ page, server }) => {
  const chunks = recordChunks(page);
  await signInToConsole(page, server, { hash: '#/workshops' });
  await expect(consoleEl(page).getByRole('table')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const beforeAnalytics = [...chunks];
  for (const file of beforeAnalytics) expect(await chunkText(server, file)).not.toContain('u-wrap');

  await consoleEl(page).getByRole('link', { name: 'Analytics' }).click();
  await expect(consoleEl(page).locator('[data-panel="revenue"] canvas').first()).toBeVisible();
  const opened = [...chunks].filter((f) => !beforeAnalytics.includes(f));
  expect(opened.some((f) => f.startsWith('analytics-section-'))).toBe(true);
  const withUplot = [];
  for (const file of opened) if ((await chunkText(server, file)).includes('u-wrap')) withUplot.push(file);
  expect(withUplot).toEqual(opened.filter((f) => f.startsWith('analytics-section-')));
});
