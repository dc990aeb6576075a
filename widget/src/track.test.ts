import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { expect, it, vi } from 'vitest';
import { startLog, track } from './track.ts';

it('keeps events tracked before the log starts and logs them once it has', async () => {
  globalThis.indexedDB = new IDBFactory();
  vi.stubGlobal('fetch', async () => new Response('{}', { status: 503 }));
  track('workshop_impression', { workshop: 'ws_1' });
  track('workshop_click', { workshop: 'ws_1' });
  const log = await startLog({ site: 'demo', server: 'https://lectern.test' });
  track('purchase', { workshop: 'ws_1' });
  await vi.waitFor(async () => {
    const types = (await log.readHistory('demo')).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['workshop_impression', 'workshop_click', 'purchase']));
  });
  const types = (await log.readHistory('demo')).map((e) => e.type).filter((t) => t !== 'page_view');
  expect(types).toEqual(['workshop_impression', 'workshop_click', 'purchase']);
  vi.unstubAllGlobals();
});
