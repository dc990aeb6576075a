import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
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
