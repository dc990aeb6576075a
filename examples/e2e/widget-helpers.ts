import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { SharedServer } from './fixtures.ts';
import { openWorkshop } from './rooms-harness/room-fixtures.ts';

/** axe's serious and critical findings inside `selector`, as "rule: help (n nodes)". */
export async function seriousFindings(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes[0]?.target.join(' ')})`);
}

/** A published, free workshop of the demo site, three days ahead unless `startsInMinutes` says otherwise. */
export function createWorkshop(
  server: SharedServer,
  fields: { title: string; capacity?: number; startsInMinutes?: number },
): Promise<string> {
  return openWorkshop(server, fields.title, {
    startsAt: new Date(Date.now() + (fields.startsInMinutes ?? 3 * 24 * 60) * 60_000).toISOString(),
    capacity: fields.capacity ?? 20,
    priceAmount: 0,
  });
}

/**
 * Serves `body` as a page on the Lectern server's own origin (no origin to register): a host page
 * of the test's own making that loads the real lectern.js.
 */
export async function hostPage(
  page: Page,
  server: SharedServer,
  name: string,
  html: { body: string; head?: string; tag?: string },
) {
  const url = `${server.url}/blog/__${name}.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>${html.head ?? ''}
<script type="module" src="/lectern.js" data-site="demo" ${html.tag ?? ''}></script></head><body>${html.body}</body></html>`,
    }),
  );
  await page.goto(url);
}

/** The light/dark scheme an element's shadow content was given (the mount wrapper's class). */
export function schemeOf(page: Page, selector: string): Promise<string | null> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const wrapper = el.shadowRoot?.querySelector('.scheme');
      return wrapper?.classList.contains('dark') ? 'dark' : wrapper ? 'light' : null;
    });
}

/**
 * A free seat confirmed as a reader does it: the dialog asks to confirm by email, the emailed link
 * (its token is the order's; the mail itself is in the dev outbox) issues the ticket, and "Back to
 * the workshop page" brings the reader back, where the widget keeps the ticket on this device.
 */
export async function confirmFreeSeat(page: Page, server: SharedServer, email: string): Promise<void> {
  await expect(page.getByRole('dialog')).toContainText('Check your email to confirm your seat');
  const [order] = server.query<{ confirm_token: string }>(
    'select confirm_token from orders where email = ? order by created_at desc limit 1',
    email,
  );
  const confirm = await page.context().newPage();
  await confirm.goto(`${server.url}/confirm/${order.confirm_token}`);
  const back = await confirm.getByRole('link', { name: 'Back to the workshop page' }).getAttribute('href');
  await confirm.close();
  await page.goto(back ?? server.url);
  // The return flow has read the order and kept the ticket on this device.
  await expect(page.getByText('You have a ticket').first()).toBeVisible();
}
