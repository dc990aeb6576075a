import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import { demoOwnerAuth as ownerAuth, recoTest as test } from './harness/reco-test.ts';

test('onnxruntime-web and the model load only when the element scrolls into view', async ({ page, reco }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.setViewportSize({ width: 1000, height: 600 });
  await page.goto(`${reco.url}/blog/`);
  await expect(page.locator('lectern-workshops li[data-lectern-card]').first()).toBeVisible();
  const heavy = (u: string) => /\/ort\/|\.wasm|\/model(\b|s\/)/.test(u);
  expect(requests.filter(heavy)).toEqual([]);
  await page.locator('lectern-recommendations').scrollIntoViewIfNeeded();
  await expect(page.locator('lectern-recommendations li[data-lectern-card]').first()).toBeVisible({
    timeout: 30_000,
  });
  expect(requests.some((u) => u.includes('/v1/sites/demo/model'))).toBe(true);
  expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
  expect(requests.some((u) => u.includes('/ort/') && u.endsWith('ort.wasm.bundle.min.mjs'))).toBe(true);
});

test('a reader sees recommendations that follow their own history', async ({ page, reco }) => {
  // Site-wide behaviour: learners who open the espresso Q&A go on to the data-viz session.
  const now = Date.now();
  for (let i = 0; i < 6; i++) {
    const anon = randomUUID();
    const session = randomUUID();
    const events = ['ws_demo_open-qa', 'ws_demo_data-viz'].map((workshop, k) => ({
      id: randomUUID(),
      ts: now - 10_000 + k,
      site: 'demo',
      anon,
      session,
      type: 'workshop_click',
      workshop,
    }));
    const res = await fetch(`${reco.url}/v1/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: reco.url },
      body: JSON.stringify({ events }),
    });
    expect(res.status).toBe(202);
  }
  const trained = await fetch(`${reco.url}/v1/sites/demo/model/train`, {
    method: 'POST',
    headers: await ownerAuth(reco),
  });
  expect((await trained.json()).source).toBe('events');

  // This reader opens the espresso Q&A on the blog (logged on their device only)…
  await page.goto(`${reco.url}/blog/workshops.html`);
  await page.getByRole('button', { name: /Register: Open Q&A/ }).click();
  await page.keyboard.press('Escape');
  // …and the recommendations on the home page lead with the session others took next.
  await page.goto(`${reco.url}/blog/`);
  await page.locator('lectern-recommendations').scrollIntoViewIfNeeded();
  const cards = page.locator('lectern-recommendations li[data-lectern-card]');
  await expect(cards.first()).toHaveAttribute('data-lectern-card', 'ws_demo_data-viz', { timeout: 30_000 });
  const shown = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-lectern-card')));
  // Sold out and already-opened workshops are not recommended.
  expect(shown).not.toContain('ws_demo_watercolor');
  expect(shown).not.toContain('ws_demo_open-qa');
});
