import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kyselyEventWriter } from '../db/event-writer.ts';
import { rebuildReaderActivity } from '../db/migrations/016-reader-activity.ts';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';

const ORIGIN = 'https://blog.example';
const DAY = 86_400_000;
let t: TestApp;
let siteId: string;

beforeEach(async () => {
  t = await createTestApp();
  siteId = (await t.site([ORIGIN])).id;
});
afterEach(async () => {
  await t.close();
});

// Yesterday's last minute and today's first: the same session on two UTC days.
const today = Math.floor(Date.now() / DAY);
const lateYesterday = today * DAY - 60_000;
const earlyToday = today * DAY + 1_000;

function event(type: string, ts: number, more: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    ts,
    site: siteId,
    anon: 'anon-reader-1',
    session: 'session-0001',
    type,
    ...more,
  };
}

const post = (events: unknown[]) =>
  t.app.request('/v1/events', jsonRequest('POST', { events }, { Origin: ORIGIN }));

async function activity() {
  return t.database.db
    .selectFrom('reader_activity')
    .selectAll()
    .orderBy('day')
    .orderBy('anon')
    .orderBy('session')
    .execute();
}

describe('reader_activity (the aggregates behind retention, prediction and segments)', () => {
  it('counts each stored event once per reader, UTC day and session, whatever the batches', async () => {
    const first = [
      event('page_view', lateYesterday - 5_000, { path: '/a' }),
      event('workshop_click', lateYesterday - 4_000, { workshop: 'ws_1' }),
      event('page_view', lateYesterday, { path: '/b' }),
      event('page_view', earlyToday, { path: '/c' }),
    ];
    expect(await (await post(first)).json()).toEqual({ accepted: 4, duplicates: 0 });
    // A replay of the first batch plus new events: only the new ones are added.
    const second = [
      ...first,
      event('purchase', earlyToday + 1_000, { workshop: 'ws_1' }),
      event('room_join', earlyToday + 2_000, { workshop: 'ws_1' }),
      event('room_interaction', earlyToday + 3_000, { workshop: 'ws_1', label: 'chat' }),
      event('reco_click', earlyToday + 4_000, { workshop: 'ws_1', label: 'v1:model' }),
      event('page_view', earlyToday + 5_000, { session: 'session-0002', path: '/a' }),
    ];
    expect(await (await post(second)).json()).toEqual({ accepted: 5, duplicates: 4 });

    const zero = {
      page_views: 0,
      workshop_views: 0,
      reco_clicks: 0,
      purchases: 0,
      room_joins: 0,
      interactions: 0,
    };
    const key = { site_id: siteId, anon: 'anon-reader-1' };
    expect(await activity()).toEqual([
      {
        ...key,
        day: today - 1,
        session: 'session-0001',
        ...zero,
        events: 3,
        page_views: 2,
        workshop_views: 1,
      },
      {
        ...key,
        day: today,
        session: 'session-0001',
        ...zero,
        events: 5,
        page_views: 1,
        purchases: 1,
        room_joins: 1,
        interactions: 1,
        reco_clicks: 1,
      },
      { ...key, day: today, session: 'session-0002', ...zero, events: 1, page_views: 1 },
    ]);
  });

  it('the portable writer counts an id sent twice in one batch once', async () => {
    const write = kyselyEventWriter(t.database.db);
    const row = {
      id: randomUUID(),
      site_id: siteId,
      anon: 'anon-reader-2',
      session: 'session-0009',
      type: 'page_view',
      ts: earlyToday,
      received_at: earlyToday,
    };
    expect(await write([[row, row, { ...row, id: randomUUID(), type: 'purchase' }]])).toEqual([2]);
    expect(await write([[row]])).toEqual([0]);
    expect(await activity()).toMatchObject([
      { anon: 'anon-reader-2', events: 2, page_views: 1, purchases: 1 },
    ]);
  });

  it("migration 016's rebuild makes from stored events the rows the writer keeps", async () => {
    await post([
      event('page_view', lateYesterday, { path: '/a' }),
      event('purchase', earlyToday, { workshop: 'ws_1' }),
      event('room_interaction', earlyToday, {
        workshop: 'ws_1',
        anon: 'anon-reader-3',
        session: 'session-0003',
      }),
    ]);
    const kept = await activity();
    expect(kept).toHaveLength(3);
    await t.database.db.updateTable('reader_activity').set({ events: 0, page_views: 0 }).execute();
    await rebuildReaderActivity(t.database.db, siteId);
    expect(await activity()).toEqual(kept);
  });
});
