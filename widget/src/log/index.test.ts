import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  configureLog,
  deleteMyData,
  exportMyData,
  flush,
  readHistory,
  resetAnonymousId,
  setUploadOptOut,
  track,
  uploadAllowed,
  uploadOptedOut,
} from './index.ts';

const SITE = 'demo';
const SERVER = 'https://lectern.test';

type Sent = { url: string; init: RequestInit; events: Record<string, unknown>[] };

function fakeFetch(status = 202) {
  const sent: Sent[] = [];
  const fn = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), init: init!, events: JSON.parse(String(init!.body)).events });
    return new Response(JSON.stringify({ accepted: 1, duplicates: 0 }), { status });
  });
  return { fn: fn as unknown as typeof fetch, mock: fn, sent };
}

function setNavigator(name: 'globalPrivacyControl' | 'doNotTrack', value: unknown) {
  Object.defineProperty(navigator, name, { value, configurable: true });
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  history.replaceState(null, '', '/posts/sourdough');
});
afterEach(() => {
  setNavigator('globalPrivacyControl', undefined);
  setNavigator('doNotTrack', null);
});

describe('track', () => {
  it('writes the event on this device with ids, time and the current path', async () => {
    configureLog({ site: SITE, server: SERVER, fetch: fakeFetch().fn });
    const before = Date.now();
    track('workshop_click', { workshop: 'ws_1', value: 2, label: 'reco:v1' });
    const [event] = await readHistory(SITE);
    expect(event).toMatchObject({
      site: SITE,
      type: 'workshop_click',
      workshop: 'ws_1',
      value: 2,
      label: 'reco:v1',
      path: '/posts/sourdough',
      state: 'pending',
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.anon).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.session).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.ts).toBeGreaterThanOrEqual(before);
  });

  it('never keeps a query string or fragment, and drops free text labels', async () => {
    const onError = vi.fn();
    configureLog({ site: SITE, server: SERVER, fetch: fakeFetch().fn, onError });
    history.replaceState(null, '', '/search?q=my+email%40x.com#top');
    track('page_view');
    track('page_view', { path: 'https://blog.example/a/b?token=secret#x', label: 'Hello there' });
    const events = await readHistory(SITE);
    expect(events.map((e) => e.path)).toEqual(['/search', '/a/b']);
    expect(events[1]).not.toHaveProperty('label');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ type: 'invalid_event' }));
  });

  it('does not throw into the page when misused', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    configureLog({ site: SITE, server: SERVER, fetch: fakeFetch().fn });
    expect(() => track('keystroke' as never)).not.toThrow();
    expect(() => track('page_view', { value: Number.NaN })).not.toThrow();
    warn.mockRestore();
  });

  it('uses one anonymous id per site until it is reset', async () => {
    configureLog({ site: SITE, server: SERVER, fetch: fakeFetch().fn });
    track('page_view');
    track('page_view');
    await flush();
    const fresh = await resetAnonymousId(SITE);
    track('page_view');
    const anons = (await readHistory(SITE)).map((e) => e.anon);
    expect(anons[0]).toBe(anons[1]);
    expect(anons[2]).toBe(fresh);
    expect(anons[2]).not.toBe(anons[0]);
  });
});

describe('upload', () => {
  it('posts JSON batches of at most 50 and marks events sent once the server confirms', async () => {
    const server = fakeFetch();
    configureLog({ site: SITE, server: `${SERVER}/`, fetch: server.fn });
    for (let i = 0; i < 120; i++) track('workshop_impression', { workshop: `ws_${i}` });
    await flush();
    expect(server.sent.map((s) => s.events.length)).toEqual([50, 50, 20]);
    expect(server.sent[0].url).toBe(`${SERVER}/v1/events`);
    expect(server.sent[0].init).toMatchObject({ method: 'POST', keepalive: true });
    expect(server.sent[0].events[0]).not.toHaveProperty('state');
    const ids = server.sent.flatMap((s) => s.events.map((e) => e.id));
    expect(new Set(ids).size).toBe(120);
    expect((await readHistory(SITE)).every((e) => e.state === 'sent')).toBe(true);
    await flush();
    expect(server.mock).toHaveBeenCalledTimes(3);
  });

  it('drops a batch the server refuses with a 4xx instead of retrying it forever', async () => {
    const server = fakeFetch(400);
    const onError = vi.fn();
    configureLog({ site: SITE, server: SERVER, fetch: server.fn, onError });
    track('page_view');
    await flush();
    await flush();
    expect(server.mock).toHaveBeenCalledTimes(1);
    expect((await readHistory(SITE))[0].state).toBe('rejected');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ type: 'upload_rejected' }));
  });

  it('re-sends on the next page load what an earlier page never had confirmed', async () => {
    const lost = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    configureLog({ site: SITE, server: SERVER, fetch: lost as unknown as typeof fetch });
    track('page_view');
    track('checkout_start', { workshop: 'ws_1' });
    await flush();
    expect(lost).toHaveBeenCalledTimes(1);
    const ids = (await readHistory(SITE)).map((e) => e.id);

    const server = fakeFetch(); // "next page": same device, new log
    configureLog({ site: SITE, server: SERVER, fetch: server.fn });
    await flush();
    expect(server.sent.flatMap((s) => s.events.map((e) => e.id))).toEqual(ids);
  });

  for (const [name, set] of [
    ['Global Privacy Control', () => setNavigator('globalPrivacyControl', true)],
    ['Do Not Track', () => setNavigator('doNotTrack', '1')],
  ] as const) {
    it(`sends nothing at all under ${name}, and keeps the log local`, async () => {
      set();
      const server = fakeFetch();
      configureLog({ site: SITE, server: SERVER, fetch: server.fn });
      expect(uploadAllowed()).toBe(false);
      track('page_view');
      track('purchase', { workshop: 'ws_1' });
      await flush();
      expect(server.mock).not.toHaveBeenCalled();
      expect((await readHistory(SITE)).map((e) => e.state)).toEqual(['local', 'local']);
    });
  }

  it('stops uploading after opt-out, even events still waiting, and remembers the choice', async () => {
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    configureLog({ site: SITE, server: SERVER, fetch: offline as unknown as typeof fetch });
    track('page_view');
    await flush();
    expect(offline).toHaveBeenCalledTimes(1); // still pending: the network failed
    await setUploadOptOut(true);
    track('page_view');
    await flush();
    expect(offline).toHaveBeenCalledTimes(1);
    expect(uploadAllowed()).toBe(false);
    expect((await readHistory(SITE)).map((e) => e.state)).toEqual(['local', 'local']);

    const server = fakeFetch();
    configureLog({ site: SITE, server: SERVER, fetch: server.fn });
    await flush();
    expect(uploadAllowed()).toBe(false);
    expect(await uploadOptedOut()).toBe(true);

    await setUploadOptOut(false);
    track('page_view');
    await flush();
    // Only the event logged after opting back in travels.
    expect(server.sent.map((s) => s.events.length)).toEqual([1]);
  });
});

describe('your data', () => {
  it('exports everything kept on this device', async () => {
    configureLog({ site: SITE, server: SERVER, fetch: fakeFetch().fn });
    track('page_view');
    track('rating', { workshop: 'ws_1', value: 5 });
    const data = await exportMyData();
    expect(data.format).toBe('lectern-log/1');
    expect(data.uploadOptOut).toBe(false);
    expect(Object.keys(data.anonymousIds)).toEqual([SITE]);
    expect(data.events.map((e) => e.type)).toEqual(['page_view', 'rating']);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('deletes events and ids but keeps the opt-out choice', async () => {
    configureLog({ site: SITE, server: SERVER, fetch: fakeFetch().fn });
    track('page_view');
    const { anonymousIds } = await exportMyData();
    await setUploadOptOut(true);
    await deleteMyData();
    expect(await readHistory()).toEqual([]);
    expect((await exportMyData()).anonymousIds).toEqual({});
    track('page_view');
    const [after] = await readHistory(SITE);
    expect(after.anon).not.toBe(anonymousIds[SITE]);
    expect(await uploadOptedOut()).toBe(true);
  });
});

it('exports exactly the public API', async () => {
  expect(Object.keys(await import('./index.ts')).sort()).toEqual([
    'EVENT_TYPES',
    'anonymousId',
    'browserSaysDoNotTrack',
    'configureLog',
    'deleteMyData',
    'exportMyData',
    'flush',
    'readHistory',
    'resetAnonymousId',
    'setUploadOptOut',
    'startAutoTracking',
    'track',
    'uploadAllowed',
    'uploadOptedOut',
  ]);
});
