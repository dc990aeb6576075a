import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension } from './extension-fixtures.ts';
import { expect, test } from './fixtures.ts';
import { startStaticHost } from './harness/static-host.ts';

const NS = 'lectern-extension/1';

/** Collects every bridge answer this page's window receives. */
async function listenForAnswers(page: Page) {
  await page.evaluate((ns) => {
    const got: unknown[] = [];
    (window as unknown as { __answers: unknown[] }).__answers = got;
    window.addEventListener('message', (e) => {
      if (e.data?.ns === ns && e.data?.from === 'extension') got.push(e.data);
    });
  }, NS);
}
const answers = (page: Page) =>
  page.evaluate(() => (window as unknown as { __answers: unknown[] }).__answers);
/** The answers to the test's own questions (the page's widget asks too). */
const controlAnswers = async (page: Page) =>
  ((await answers(page)) as { id: string; site: string; workshops: string[] }[]).filter((a) =>
    a.id.startsWith('control'),
  );

const recommend = (server: string, site: string, id: string) => ({
  ns: NS,
  from: 'page',
  type: 'recommend',
  id,
  server,
  site,
  limit: 5,
});

test('the bridge answers a page of the site with that site’s workshop ids only, and a hostile page gets nothing', async ({
  server,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-hostile-'));
  // A page on an origin no Lectern site registered, claiming to be the demo site.
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not a Lectern site</title></head><body><h1>Hello</h1></body></html>',
  );
  const host = await startStaticHost(dir);
  const ext = await launchWithExtension();
  try {
    // Control: a real page of the demo site asks and gets demo workshop ids, nothing else.
    const legit = await ext.context.newPage();
    await legit.goto(`${server.url}/blog/`);
    await expect(legit.locator('html')).toHaveAttribute('data-lectern-extension', '');
    await listenForAnswers(legit);
    await legit.evaluate(
      (m) => window.postMessage(m, location.origin),
      recommend(server.url, 'demo', 'control'),
    );
    await expect.poll(async () => (await controlAnswers(legit)).length).toBe(1);
    const [answer] = await controlAnswers(legit);
    expect(answer.id).toBe('control');
    expect(answer.site).toBe('demo');
    expect(answer.workshops.length).toBeGreaterThan(0);
    expect(answer.workshops.every((id) => id.startsWith('ws_demo_'))).toBe(true);

    const hostile = await ext.context.newPage();
    await hostile.goto(`${host.origin}/index.html`);
    // The content script runs here too (the test package may read loopback hosts)…
    await expect(hostile.locator('html')).toHaveAttribute('data-lectern-extension', '');
    await listenForAnswers(hostile);
    // A frame of the real site (a verifiable origin) inside the hostile page.
    await hostile.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, `${server.url}/blog/`);
    const siteFrame = () => hostile.frames().find((f) => f.url().startsWith(server.url));
    await expect.poll(() => siteFrame() !== undefined).toBe(true);
    const frame = siteFrame()!;
    await frame.waitForLoadState();
    const event = {
      id: '018f0000-0000-7000-8000-000000000001',
      ts: Date.now(),
      site: 'demo',
      session: 'session-hostile-1',
      type: 'workshop_click',
      path: '/blog/',
      workshop: 'ws_demo_sourdough',
    };
    await hostile.evaluate(
      ({ ns, server, rec, event }) => {
        const post = (m: unknown) => window.postMessage(m, location.origin);
        // Wrong origin: this page is not registered for the demo site (the server says 403).
        post(rec);
        post({ ns, from: 'page', type: 'event', server, site: 'demo', event });
        // Forged types and shapes: asking for the history, an export, another site's data.
        post({ ns, from: 'page', type: 'history', server, site: 'demo' });
        post({ ns, from: 'page', type: 'export', id: 'x' });
        post({ ...rec, site: 'course', id: 'other-site' });
        post({ ...rec, limit: '1; drop', extra: { __proto__: { polluted: true } } });
        post({ ns, from: 'extension', type: 'recommended', id: 'forged', site: 'demo', workshops: ['x'] });
        post(JSON.stringify(rec));
      },
      { ns: NS, server: server.url, rec: recommend(server.url, 'demo', 'hostile'), event },
    );
    // Wrong source: a well-formed message from the site's own frame, posted into the hostile window.
    await frame.evaluate(
      (m) => window.parent.postMessage(m, '*'),
      recommend(server.url, 'demo', 'from-frame'),
    );
    // Then the control again on the legit page: once it is answered, the hostile messages (sent
    // earlier, handled in order by the same background) have had their chance.
    await legit.evaluate(
      (m) => window.postMessage(m, location.origin),
      recommend(server.url, 'demo', 'control-2'),
    );
    await expect.poll(async () => (await controlAnswers(legit)).length).toBe(2);

    // The only "extension" message the hostile page saw is the one it forged itself.
    expect((await answers(hostile)) as { id: string }[]).toEqual([expect.objectContaining({ id: 'forged' })]);
    // Nothing it posted was kept: no event, no site from its host.
    const kept = await ext.worker.evaluate(async () => {
      const open = (name: string) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(name);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const all = (db: IDBDatabase, store: string) =>
        new Promise<unknown[]>((resolve) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
        });
      const log = await open('lectern-log');
      const ext = await open('lectern-extension');
      return {
        events: (await all(log, 'events')) as { id: string }[],
        sites: (await all(ext, 'sites')) as { host: string }[],
      };
    });
    expect(kept.events.map((e) => e.id)).not.toContain(event.id);
    expect(kept.sites.map((s) => s.host)).not.toContain(new URL(host.origin).host);
  } finally {
    await ext.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
