import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';
import { startStaticHost } from './harness/static-host.ts';

const blogDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'blog');

test('on a page whose origin is not registered, the console names it and the command; the reader sees a calm state', async ({
  page,
  server,
}) => {
  // The example blog copied to a host the demo site never registered.
  const stranger = await startStaticHost(blogDir, {
    rewrite: (html) => html.replace('src="/lectern.js"', `src="${server.url}/lectern.js"`),
  });
  try {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const thrown: string[] = [];
    page.on('pageerror', (e) => thrown.push(e.message));
    await page.goto(`${stranger.origin}/workshops.html`);
    await expect(page.locator('lectern-workshops')).toContainText('Workshops are unavailable right now');
    await expect
      .poll(() => errors.find((m) => m.startsWith('Lectern:')))
      .toBe(
        `Lectern: ${server.url} refused this page because its origin ${stranger.origin} is not registered for site "demo". ` +
          `Register it on the server: npx lectern site origins add --site demo --origin ${stranger.origin}`,
      );
    // Once per page, however many requests were refused.
    expect(errors.filter((m) => m.includes('is not registered for site'))).toHaveLength(1);
    expect(thrown).toEqual([]);
  } finally {
    await stranger.close();
  }
});
