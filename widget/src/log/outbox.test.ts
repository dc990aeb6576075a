import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogDb } from './db.ts';
import type { StoredEvent } from './event-types.ts';
import { uuid } from './ids.ts';
import { Outbox, type OutboxOptions, retryAfterMs } from './outbox.ts';

const ENDPOINT = 'https://lectern.test/v1/events';
let db: LogDb;
let clock: number;

beforeEach(async () => {
  // Only timers are faked: fake-indexeddb schedules its work with setImmediate.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  globalThis.indexedDB = new IDBFactory();
  db = await LogDb.open();
  clock = Date.now();
});
afterEach(() => {
  db.close();
  vi.useRealTimers();
});

async function stored(n: number, state: StoredEvent['state'] = 'pending'): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let i = 0; i < n; i++) {
    const event: StoredEvent = {
      id: uuid(),
      ts: clock - 1000 + i,
      site: 'demo',
      anon: 'anon-12345678',
      session: 'session-12345678',
      type: 'page_view',
      path: '/',
      state,
    };
    await db.add(event);
    events.push(event);
  }
  return events;
}

function outbox(
  fetch: (url: string, init: RequestInit) => Promise<Response>,
  extra: Partial<OutboxOptions> = {},
) {
  return new Outbox({
    db,
    site: 'demo',
    endpoint: ENDPOINT,
    fetch: fetch as unknown as typeof globalThis.fetch,
    uploadAllowed: () => true,
    now: () => clock,
    random: () => 1, // no jitter: the upper bound of each backoff step
    ...extra,
  });
}

/** Lets timers fire and the IndexedDB work they start run to completion. */
async function advance(ms: number) {
  clock += ms;
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}

const accepted = () => new Response('{"accepted":1,"duplicates":0}', { status: 202 });

describe('Outbox retries', () => {
  it('backs off exponentially on network errors, then marks events sent', async () => {
    await stored(3);
    const fetch = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(accepted());
    const box = outbox(fetch, { baseRetryMs: 1000 });
    await box.flush();
    expect(fetch).toHaveBeenCalledTimes(1);
    await advance(999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await advance(1999); // the second step is twice as long
    expect(fetch).toHaveBeenCalledTimes(2);
    await advance(1);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(await db.inState('pending', 'demo', 50)).toEqual([]);
    expect(await db.inState('sent', 'demo', 50)).toHaveLength(3);
  });

  it('jitters each delay within its upper half', async () => {
    await stored(1);
    const fetch = vi.fn().mockRejectedValueOnce(new TypeError('offline')).mockResolvedValue(accepted());
    const box = outbox(fetch, { baseRetryMs: 1000, random: () => 0 });
    await box.flush();
    await advance(499);
    expect(fetch).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  for (const status of [429, 503]) {
    it(`waits for Retry-After on ${status}`, async () => {
      await stored(1);
      const fetch = vi
        .fn()
        .mockResolvedValueOnce(new Response('{}', { status, headers: { 'Retry-After': '30' } }))
        .mockResolvedValue(accepted());
      const box = outbox(fetch, { baseRetryMs: 1000 });
      await box.flush();
      await advance(29_999);
      expect(fetch).toHaveBeenCalledTimes(1);
      await advance(1);
      expect(fetch).toHaveBeenCalledTimes(2);
      expect(await db.inState('sent', 'demo', 50)).toHaveLength(1);
    });
  }

  it('does not let new events jump the backoff, but retries at once when back online', async () => {
    await stored(1);
    const fetch = vi.fn().mockRejectedValueOnce(new TypeError('offline')).mockResolvedValue(accepted());
    const box = outbox(fetch, { baseRetryMs: 60_000, batchDelayMs: 100 });
    await box.flush();
    await stored(1);
    box.soon();
    await advance(1000);
    expect(fetch).toHaveBeenCalledTimes(1);
    box.online();
    await advance(0);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(JSON.parse(fetch.mock.calls[1][1].body).events).toHaveLength(2);
  });

  it('batches a burst after a short delay', async () => {
    const fetch = vi.fn().mockResolvedValue(accepted());
    const box = outbox(fetch, { batchDelayMs: 1000 });
    await stored(2);
    box.soon();
    box.soon();
    await advance(999);
    expect(fetch).not.toHaveBeenCalled();
    await advance(1);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(JSON.parse(fetch.mock.calls[0][1].body).events).toHaveLength(2);
  });

  it('keeps events older than the upload window on the device', async () => {
    const [old] = await stored(1);
    await db.add({ ...old, id: uuid(), ts: clock - 31 * 86_400_000 });
    const fetch = vi.fn().mockResolvedValue(accepted());
    await outbox(fetch).flush();
    expect(JSON.parse(fetch.mock.calls[0][1].body).events.map((e: { id: string }) => e.id)).toEqual([old.id]);
    expect(await db.inState('local', 'demo', 50)).toHaveLength(1);
  });
});

describe('Outbox beacon', () => {
  it('beacons unconfirmed events as text/plain and keeps them pending until confirmed', async () => {
    const events = await stored(60);
    const beacons: { url: string; blob: Blob }[] = [];
    const box = outbox(vi.fn(), {
      sendBeacon: (url, blob) => {
        beacons.push({ url, blob });
        return true;
      },
    });
    for (const { state: _s, ...e } of events) box.remember(e);
    box.beacon();
    expect(beacons.map((b) => b.url)).toEqual([ENDPOINT, ENDPOINT]);
    expect(beacons[0].blob.type).toBe('text/plain');
    const bodies = await Promise.all(beacons.map(async (b) => JSON.parse(await b.blob.text())));
    expect(bodies.map((b) => b.events.length)).toEqual([50, 10]);
    expect(bodies[0].events[0]).not.toHaveProperty('state');
    expect(await db.inState('pending', 'demo', 100)).toHaveLength(60);
  });

  it('sends no beacon when uploads are not allowed', async () => {
    const [event] = await stored(1);
    const sendBeacon = vi.fn(() => true);
    const box = outbox(vi.fn(), { sendBeacon, uploadAllowed: () => false });
    box.remember(event);
    box.beacon();
    expect(sendBeacon).not.toHaveBeenCalled();
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('12', 0)).toBe(12_000);
    expect(retryAfterMs(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeNull();
    expect(retryAfterMs(null, 0)).toBeNull();
  });
});
