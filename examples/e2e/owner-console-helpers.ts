import { expect, type Page } from '@playwright/test';
import type { SharedServer } from './fixtures.ts';

/** The console element on the server's `/owner/` page. */
export const consoleEl = (page: Page) => page.locator('lectern-dashboard');

/**
 * Opens `/owner/?site=…` (optionally at `hash`, e.g. `#/workshops`) and signs in with the owner
 * key as an owner would; resolves once the console's nav shows.
 */
export async function signInToConsole(
  page: Page,
  server: Pick<SharedServer, 'url' | 'siteId' | 'ownerKey'>,
  options: { hash?: string; key?: string; site?: string } = {},
): Promise<void> {
  await page.goto(`${server.url}/owner/?site=${options.site ?? server.siteId}${options.hash ?? ''}`);
  const el = consoleEl(page);
  await el.getByLabel('Owner key').fill(options.key ?? server.ownerKey);
  await el.getByRole('button', { name: 'Sign in' }).click();
  await expect(el.getByRole('navigation')).toBeVisible();
}
