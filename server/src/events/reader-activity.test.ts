import { randomUUID } from 'node:crypto';
import { type MigrationProvider, Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kyselyEventWriter } from '../db/event-writer.ts';
import { rebuildReaderActivity } from '../db/migrations/016-reader-activity.ts';
import { migrations } from '../db/migrations/index.ts';
import { createTestApp, jsonRequest, type TestApp } from '../test-support/test-app.ts';
import { receivedEvents } from './received-count.ts';

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
const noon = today * DAY + DAY / 2;

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

const pages = () =>
  t.database.db.selectFrom('reader_pages').selectAll().orderBy('day').orderBy('path').execute();
const steps = () =>
  t.database.db
    .selectFrom('reader_workshop_steps')
    .selectAll()
    .orderBy('workshop_id')
    .orderBy('type')
    .execute();

describe('reader_pages, reader_workshop_steps and site_event_counts (kept by the event writer)', () => {
  it('folds page views per reader, day and path, and keeps each latest step, whatever the order', async () => {
    const first = [
      event('page_view', noon, { path: '/a' }),
      event('page_view', noon - 60_000, { path: '/a' }),
      event('page_view', noon - DAY, { path: '/a' }),
      event('page_view', noon, { path: '/b' }),
      event('page_view', noon), // no path: not a page of the panel
      event('checkout_start', noon, { workshop: 'ws_1' }),
      event('purchase', noon + 1_000, { workshop: 'ws_1' }),
      event('checkout_start', noon), // no workshop: nothing to convert
    ];
    expect(await (await post(first)).json()).toEqual({ accepted: 8, duplicates: 0 });
    // Later batches: a replay (ignored), an earlier view of /a today, a later one, and an older
    // checkout of ws_1 arriving late (the latest stays).
    const second = [
      ...first.slice(0, 2),
      event('page_view', noon - 3_600_000, { path: '/a' }),
      event('page_view', noon + 3_600_000, { path: '/a' }),
      event('checkout_start', noon - DAY, { workshop: 'ws_1' }),
      event('checkout_start', noon + 5_000, { workshop: 'ws_2' }),
    ];
    expect(await (await post(second)).json()).toEqual({ accepted: 4, duplicates: 2 });

    const key = { site_id: siteId, anon: 'anon-reader-1' };
    expect(await pages()).toEqual([
      { ...key, day: today - 1, path: '/a', views: 1, first_ts: noon - DAY, last_ts: noon - DAY },
      { ...key, day: today, path: '/a', views: 4, first_ts: noon - 3_600_000, last_ts: noon + 3_600_000 },
      { ...key, day: today, path: '/b', views: 1, first_ts: noon, last_ts: noon },
    ]);
    expect(await steps()).toEqual([
      { ...key, workshop_id: 'ws_1', type: 'checkout_start', last_ts: noon },
      { ...key, workshop_id: 'ws_1', type: 'purchase', last_ts: noon + 1_000 },
      { ...key, workshop_id: 'ws_2', type: 'checkout_start', last_ts: noon + 5_000 },
    ]);
    // Every stored event counts once towards the retrain trigger; duplicates do not.
    expect(await receivedEvents(t.database.db, siteId)).toBe(12);
  });

  it('the portable writer keeps the same rows, and every writer adds to the site’s count', async () => {
    const other = (await t.site(['https://other.example'])).id;
    const write = kyselyEventWriter(t.database.db);
    const row = (site: string, type: string, more: Record<string, unknown> = {}) => ({
      id: randomUUID(),
      site_id: site,
      anon: 'anon-reader-2',
      session: 'session-0009',
      type,
      ts: noon,
      received_at: noon,
      ...more,
    });
    const view = row(siteId, 'page_view', { path: '/a' });
    expect(
      await write([
        [view, view, row(siteId, 'purchase', { workshop_id: 'ws_1' })],
        [row(other, 'page_view', { path: '/a', ts: noon + 1 })],
      ]),
    ).toEqual([2, 1]);
    expect(await write([[view]])).toEqual([0]);
    expect(await pages()).toMatchObject([
      { site_id: siteId, path: '/a', views: 1 },
      { site_id: other, path: '/a', views: 1, first_ts: noon + 1 },
    ]);
    expect(await steps()).toMatchObject([{ site_id: siteId, type: 'purchase', last_ts: noon }]);
    expect([await receivedEvents(t.database.db, siteId), await receivedEvents(t.database.db, other)]).toEqual(
      [2, 1],
    );
    // Another writer (as another process would) adds to its own shard row; the count is their sum.
    await t.deps.eventWriter([[row(siteId, 'page_view', { path: '/b' })], [row(siteId, 'room_join')]]);
    expect(await receivedEvents(t.database.db, siteId)).toBe(4);
  });

  it('migration 017 builds them from stored history and drops the two per-event indexes', async () => {
    const provider: MigrationProvider = { getMigrations: async () => migrations };
    const migrator = new Migrator({ db: t.database.db, provider });
    // Back to before 017 (its `down` runs), then history as it was stored then, then 017 again.
    expect((await migrator.migrateTo('016-reader-activity')).error).toBeUndefined();
    const modelAt = noon + 10_000;
    const stored = (type: string, ts: number, receivedAt: number, more: Record<string, unknown> = {}) => ({
      id: randomUUID(),
      site_id: siteId,
      anon: 'anon-reader-1',
      session: 'session-0001',
      type,
      ts,
      received_at: receivedAt,
      ...more,
    });
    await t.database.db
      .insertInto('events')
      .values([
        stored('page_view', noon - DAY, modelAt - 2, { path: '/a' }),
        stored('page_view', noon, modelAt - 1, { path: '/a' }),
        stored('purchase', noon, modelAt - 1, { workshop_id: 'ws_1' }),
        // Received after the model below: the one event the trigger has counted since.
        stored('page_view', noon + 1, modelAt, { path: '/b' }),
      ])
      .execute();
    await sql`insert into reco_models (version, site_id, onnx_base64, meta, source, events_used, created_at)
      values ('v-before-017', ${siteId}, '', '{}', 'events', 3, ${modelAt})`.execute(t.database.db);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();

    expect(await pages()).toMatchObject([
      { day: today - 1, path: '/a', views: 1 },
      { day: today, path: '/a', views: 1, first_ts: noon, last_ts: noon },
      { day: today, path: '/b', views: 1 },
    ]);
    expect(await steps()).toMatchObject([{ workshop_id: 'ws_1', type: 'purchase', last_ts: noon }]);
    expect(await receivedEvents(t.database.db, siteId)).toBe(4);
    const model = await t.database.db
      .selectFrom('reco_models')
      .select('received_count')
      .executeTakeFirstOrThrow();
    // The trigger goes on counting from the model: one event since.
    expect(Number(model.received_count)).toBe(3);
    const indexes = t.database.sqlite
      ? t.database.sqlite.prepare("select name from sqlite_master where type = 'index'").pluck().all()
      : (
          await sql<{ name: string }>`select indexname as name from pg_indexes`.execute(t.database.db)
        ).rows.map((r) => r.name);
    expect(indexes).not.toContain('events_site_anon_type_ts');
    expect(indexes).not.toContain('events_site_received');
    expect(indexes).toContain('events_site_type_ts');
  });
});
