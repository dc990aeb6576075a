import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { expect, type SharedServer, test } from './fixtures.ts';
import { type StaticHost, startStaticHost } from './harness/static-host.ts';

// The behaviour log in real Chromium, on a blog of its own origin, against the real server and
// its SQLite file. The log is bundled straight from `@lectern/widget/log` so that these tests do not
// depend on the loader: the extension uses the same module without it.
const here = path.dirname(fileURLToPath(import.meta.url));
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Log fixture</title>
<script src="/log.js"></script></head><body><h1>A post</h1><p>Some text.</p></body></html>`;

let dir: string;
let blog: StaticHost;

test.beforeAll(async ({ server }) => {
  dir = mkdtempSync(path.join(tmpdir(), 'lectern-log-e2e-'));
  await build({
    entryPoints: ['@lectern/widget/log'],
    absWorkingDir: here,
    bundle: true,
    format: 'iife',
    globalName: 'LecternLog',
    target: 'es2022',
    outfile: path.join(dir, 'log.js'),
    logLevel: 'warning',
  });
  writeFileSync(path.join(dir, 'index.html'), PAGE);
  writeFileSync(path.join(dir, 'next.html'), PAGE);
  blog = await startStaticHost(dir);
  await registerOrigin(server, blog.origin);
});

test.afterAll(async () => {
  await blog?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function registerOrigin(server: SharedServer, origin: string) {
  const auth = await server.ownerAuth();
  const site = await (await fetch(`${server.url}/v1/sites/demo`, { headers: auth })).json();
  const res = await fetch(`${server.url}/v1/sites/demo`, {
    method: 'PATCH',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ origins: [...new Set([...site.origins, origin])] }),
  });
  expect(res.status).toBe(200);
}

type LogGlobal = typeof import('@lectern/widget/log');
declare global {
  interface Window {
    LecternLog: LogGlobal;
  }
}

async function openBlog(page: Page, server: SharedServer, file = 'index.html') {
  await page.goto(`${blog.origin}/${file}`);
  await page.evaluate((url) => window.LecternLog.configureLog({ site: 'demo', server: url }), server.url);
}

async function trackMany(page: Page, n: number) {
  await page.evaluate((count) => {
    for (let i = 0; i < count; i++) window.LecternLog.track('workshop_impression', { workshop: `ws_${i}` });
  }, n);
}

async function localEvents(page: Page) {
  return page.evaluate(async () =>
    (await window.LecternLog.readHistory('demo')).map((e) => ({ id: e.id, anon: e.anon, state: e.state })),
  );
}

function serverCount(server: SharedServer, anon: string) {
  return Number(server.query<{ n: number }>('select count(*) as n from events where anon = ?', anon)[0].n);
}

test('events logged offline reach the server once the browser is back online', async ({
  page,
  context,
  server,
}) => {
  await openBlog(page, server);
  await context.setOffline(true);
  await trackMany(page, 12);
  await page.evaluate(() => window.LecternLog.flush());
  const offline = await localEvents(page);
  expect(offline).toHaveLength(12);
  expect(offline.every((e) => e.state === 'pending')).toBe(true);
  expect(serverCount(server, offline[0].anon)).toBe(0);

  await context.setOffline(false); // fires `online` in the page: the outbox retries at once
  await expect.poll(() => serverCount(server, offline[0].anon)).toBe(12);
  await expect.poll(async () => (await localEvents(page)).every((e) => e.state === 'sent')).toBe(true);
});

test('a page closed mid-batch: the next page re-sends, and the server stores each event once', async ({
  context,
  server,
}) => {
  const first = await context.newPage();
  // The first batch reaches the server but its answer is lost, as when a tab closes mid-request.
  let lost = 0;
  await first.route('**/v1/events', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    await route.fetch();
    lost += 1;
    await route.abort('connectionreset');
  });
  await openBlog(first, server);
  await trackMany(first, 70);
  await first.evaluate(() => window.LecternLog.flush());
  expect(lost).toBeGreaterThan(0);
  const generated = await localEvents(first);
  expect(generated).toHaveLength(70);
  const anon = generated[0].anon;
  expect(serverCount(server, anon)).toBeGreaterThan(0);
  await first.close({ runBeforeUnload: true });

  const answers: Promise<{ accepted: number; duplicates: number }>[] = [];
  const next = await context.newPage();
  next.on('response', (r) => {
    if (r.url().endsWith('/v1/events') && r.status() === 202) answers.push(r.json());
  });
  await openBlog(next, server, 'next.html');
  await expect.poll(() => serverCount(server, anon)).toBe(70);
  await expect.poll(async () => (await localEvents(next)).filter((e) => e.state === 'sent').length).toBe(70);
  // The lost batch was sent again and the server said so, yet it holds exactly what was generated.
  const totals = (await Promise.all(answers)).reduce(
    (sum, a) => ({ accepted: sum.accepted + a.accepted, duplicates: sum.duplicates + a.duplicates }),
    { accepted: 0, duplicates: 0 },
  );
  expect(totals.duplicates).toBeGreaterThan(0);
  expect(totals.accepted + totals.duplicates).toBe(70);
  expect(serverCount(server, anon)).toBe(70);
});

test('pagehide sends what is unconfirmed with sendBeacon as text/plain', async ({ page, server }) => {
  // Playwright does not report requests of a document that is unloading, so the page records its
  // own beacons (in localStorage, read back after returning).
  await page.addInitScript(() => {
    const original = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = (url, data) => {
      const sent = JSON.parse(localStorage.getItem('beacons') ?? '[]');
      sent.push({ url: String(url), type: (data as Blob).type, size: (data as Blob).size });
      localStorage.setItem('beacons', JSON.stringify(sent));
      return original(url, data);
    };
  });
  await openBlog(page, server);
  // Hold the normal upload back so that only the beacon can deliver these events.
  await page.route('**/v1/events', (route) => route.abort('failed'));
  await trackMany(page, 5);
  await page.evaluate(() => window.LecternLog.flush());
  const [{ anon }] = await localEvents(page);
  expect(serverCount(server, anon)).toBe(0);
  await page.goto('about:blank');
  await expect.poll(() => serverCount(server, anon)).toBe(5);

  await page.unrouteAll();
  await page.goto(`${blog.origin}/next.html`);
  const beacons = await page.evaluate(() => JSON.parse(localStorage.getItem('beacons') ?? '[]'));
  expect(beacons).toEqual([{ url: `${server.url}/v1/events`, type: 'text/plain', size: expect.any(Number) }]);
});

test('with Global Privacy Control nothing is uploaded, and the local log still works', async ({
  browser,
  server,
}) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'Sec-GPC': '1' } });
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
      get: () => true,
      configurable: true,
    });
  });
  const page = await context.newPage();
  const uploads: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/v1/events')) uploads.push(r.method());
  });
  await openBlog(page, server);
  expect(await page.evaluate(() => window.LecternLog.uploadAllowed())).toBe(false);
  await trackMany(page, 4);
  const stop = await page.evaluateHandle(() => window.LecternLog.startAutoTracking());
  await page.evaluate(() => history.pushState(null, '', '/course/lesson-2?ref=mail'));
  await page.evaluate(() => window.LecternLog.flush());
  const events = await localEvents(page);
  expect(events.length).toBeGreaterThanOrEqual(6);
  expect(events.every((e) => e.state === 'local')).toBe(true);
  const paths = await page.evaluate(async () =>
    (await window.LecternLog.readHistory('demo')).map((e) => e.path),
  );
  expect(paths).toContain('/course/lesson-2');
  await stop.dispose();
  await page.goto('about:blank'); // pagehide: no beacon either
  expect(uploads).toEqual([]);
  expect(serverCount(server, events[0].anon)).toBe(0);
  await context.close();
});
