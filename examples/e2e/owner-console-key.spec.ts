import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';
import { consoleEl, signInToConsole } from './owner-console-helpers.ts';

// Key rotation on a site of its own (created with the CLI, as an owner would), so the demo site's
// key that every other spec uses stays as it is.

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server/bin/lectern.js');

function createSite(dataDir: string): { id: string; key: string } {
  const out = execFileSync(
    process.execPath,
    [cli, 'site', 'create', '--name', 'Rotation blog', '--origin', 'https://rotation.example'],
    { env: { ...process.env, LECTERN_DATA_DIR: dataDir }, encoding: 'utf8' },
  );
  return { id: /site id:\s+(\S+)/.exec(out)![1], key: /owner key:\s+(\S+)/.exec(out)![1] };
}

test('rotating the key shows the new one once; the old key stops and the new one signs in', async ({
  page,
  server,
}) => {
  const site = createSite(server.dataDir);
  await signInToConsole(page, server, { site: site.id, key: site.key });
  const el = consoleEl(page);
  const rotate = el.getByRole('button', { name: 'Rotate owner key' });
  await rotate.click();
  const confirm = el.getByRole('dialog', { name: 'Rotate the owner key?' });
  await expect(confirm).toContainText('the old key stops working everywhere');
  await confirm.getByRole('button', { name: 'Rotate the key' }).click();
  const shown = el.getByRole('dialog', { name: 'Your new owner key' });
  const newKey = (await shown.locator('output').textContent())?.trim() ?? '';
  expect(newKey).toMatch(/^lk_/);
  expect(newKey).not.toBe(site.key);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(rotate).toBeFocused();
  // This tab carries on with the fresh session.
  await expect(el.getByRole('table').or(el.getByText('No workshops here yet.'))).toBeVisible();
  await page.reload();
  await expect(el.getByRole('navigation')).toBeVisible();

  const session = (key: string) =>
    fetch(`${server.url}/v1/owner/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ siteId: site.id, key }),
    });
  expect((await session(site.key)).status).toBe(401);
  expect((await session(newKey)).status).toBe(201);

  await el.getByRole('button', { name: 'Sign out' }).click();
  await el.getByLabel('Owner key').fill(site.key);
  await el.getByRole('button', { name: 'Sign in' }).click();
  await expect(el.getByRole('alert')).toContainText('That key does not open this site');
  await el.getByLabel('Owner key').fill(newKey);
  await el.getByRole('button', { name: 'Sign in' }).click();
  await expect(el.getByRole('navigation')).toBeVisible();
});
