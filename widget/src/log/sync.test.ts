import 'fake-indexeddb/auto';
import { createTestApp, type TestApp } from '@lectern/server/test-support';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { EventLog } from './event-log.ts';

// The outbox against the real server in-process: whatever is re-sent, each event is stored once.
const ORIGIN = 'https://blog.example';
let t: TestApp;
let site: string;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  t = await createTestApp();
  site = (await t.site([ORIGIN])).id;
});
afterEach(async () => {
  await t.close();
});

async function serverCount() {
  const rows = await t.database.db.selectFrom('events').select('id').where('site_id', '=', site).execute();
  return rows.length;
}

function toServer(init: RequestInit) {
  const headers = { ...(init.headers as Record<string, string>), Origin: ORIGIN };
  return t.app.request('/v1/events', { method: 'POST', body: init.body, headers });
}

it('a response lost on the way back leads to a re-send that the server ignores', async () => {
  let calls = 0;
  const log = new EventLog({
    site,
    server: 'https://lectern.test',
    fetch: (async (_url: string, init: RequestInit) => {
      const res = await toServer(init);
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch'); // stored, but the page never hears
      return res;
    }) as unknown as typeof fetch,
  });
  for (let i = 0; i < 7; i++) log.track('workshop_impression', { workshop: `ws_${i}` });
  await log.flush();
  expect(await serverCount()).toBe(7);
  await log.flush(); // what a backoff timer or the next page would do
  expect(calls).toBe(2);
  expect(await serverCount()).toBe(7);
  const history = await (await log.ready()).history(site);
  expect(history.every((e) => e.state === 'sent')).toBe(true);
  log.close();
});

it('a beacon on pagehide, then the next page re-sending the same events, stores each once', async () => {
  const beacons: Promise<Response>[] = [];
  const first = new EventLog(
    { site, server: 'https://lectern.test', fetch: (async () => new Promise(() => {})) as typeof fetch },
    {
      sendBeacon: (_url, blob) => {
        beacons.push(
          blob.text().then((body) => toServer({ body, headers: { 'Content-Type': 'text/plain' } })),
        );
        return true;
      },
    },
  );
  for (let i = 0; i < 5; i++) first.track('page_view', { path: `/p/${i}` });
  await first.ready();
  await first.settled();
  first.beacon(); // the page closes while its fetch hangs
  expect((await Promise.all(beacons)).map((r) => r.status)).toEqual([202]);
  expect(await serverCount()).toBe(5);
  first.close();

  const next = new EventLog({
    site,
    server: 'https://lectern.test',
    fetch: (async (_url: string, init: RequestInit) => toServer(init)) as unknown as typeof fetch,
  });
  await next.flush();
  expect(await serverCount()).toBe(5);
  const history = await (await next.ready()).history(site);
  expect(history.map((e) => e.state)).toEqual(Array(5).fill('sent'));
  next.close();
});
