import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';
import { startStaticHost } from './harness/static-host.ts';

const blogDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'blog');

async function fetchFromPage(page: import('@playwright/test').Page, url: string) {
  return page.evaluate(async (u) => {
    try {
      const res = await fetch(u);
      return { ok: true, status: res.status, body: await res.json() };
    } catch (err) {
      return { ok: false, error: String(err) };
    }
  }, url);
}

test('the example blog is served and reads the workshops API from its own origin', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/blog/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notes on food, craft and code');
  const result = await fetchFromPage(page, '/v1/sites/demo/workshops');
  expect(result.ok).toBe(true);
  expect(result.status).toBe(200);
  // Other specs add workshops to the shared demo site: assert on the seeded ones.
  const workshops = result.body.workshops as { id: string; title: string; seatsLeft: number }[];
  const seeded = workshops.filter((w) => w.id.startsWith('ws_demo_'));
  expect(seeded.map((w) => w.title)).toEqual(
    expect.arrayContaining([
      'Live demo: knife skills warm-up',
      'Sourdough from scratch: starter to first loaf',
      '零基础书法入门：从握笔到第一幅作品',
    ]),
  );
  expect(seeded).toHaveLength(7);
  expect(seeded.filter((w) => w.seatsLeft === 0).map((w) => w.title)).toEqual([
    'Loose watercolor landscapes',
  ]);
});

test('CORS: a registered blog origin may read the API, an unregistered one is refused', async ({
  page,
  server,
}) => {
  const registered = await startStaticHost(blogDir);
  const stranger = await startStaticHost(blogDir);
  try {
    const auth = await server.ownerAuth();
    const site = await (await fetch(`${server.url}/v1/sites/demo`, { headers: auth })).json();
    const patch = await fetch(`${server.url}/v1/sites/demo`, {
      method: 'PATCH',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ origins: [...site.origins, registered.origin] }),
    });
    expect(patch.status).toBe(200);

    await page.goto(`${registered.origin}/index.html`);
    const ok = await fetchFromPage(page, `${server.url}/v1/sites/demo/workshops`);
    expect(ok).toMatchObject({ ok: true, status: 200 });
    expect(ok.body.site.id).toBe('demo');

    await page.goto(`${stranger.origin}/index.html`);
    const refused = await fetchFromPage(page, `${server.url}/v1/sites/demo/workshops`);
    // The page gets the refusal and nothing else: a 403 saying its origin is not registered
    // (readable so the widget can tell the developer which origin to register).
    expect(refused).toMatchObject({ ok: true, status: 403 });
    expect(refused.body).toEqual({
      error: {
        code: 'origin_not_allowed',
        message: `Origin ${stranger.origin} is not registered for this site`,
      },
    });
  } finally {
    await registered.close();
    await stranger.close();
  }
});
