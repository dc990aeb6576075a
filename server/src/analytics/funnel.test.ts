import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../db/schema.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { onPostgres } from '../test-support/test-database.ts';
import { analyticsQuery } from './analytics.ts';
import { funnelPanel } from './funnel.ts';
import { parseRange, previousPeriod } from './range.ts';

const NOW = Date.parse('2026-12-01T12:00:00Z');
let t: TestApp;
let siteId: string;

function event(anon: string, type: string, iso: string, workshop: string | null = null): NewEvent {
  const ts = Date.parse(iso);
  return {
    id: randomUUID(),
    site_id: siteId,
    anon,
    session: `${anon}-s`,
    type,
    workshop_id: workshop,
    path: null,
    value: null,
    label: null,
    ts,
    received_at: ts,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  siteId = (await t.site()).id;
  // October (the previous period of November): 3 page views, 2 clicks and 1 checkout on ws_1,
  // clicks and a checkout without a workshop (absent or empty: not a workshop view), impressions.
  await t.deps.db
    .insertInto('events')
    .values([
      ...['r1', 'r2', 'r3'].map((r) => event(r, 'page_view', '2026-10-10T08:00:00Z')),
      event('r1', 'workshop_impression', '2026-10-10T08:01:00Z', 'ws_1'),
      event('r1', 'workshop_click', '2026-10-10T08:02:00Z', 'ws_1'),
      event('r2', 'workshop_click', '2026-10-31T23:59:00Z', 'ws_1'),
      event('r3', 'workshop_click', '2026-10-10T08:02:00Z'),
      event('r3', 'workshop_click', '2026-10-10T08:03:00Z', ''),
      event('r1', 'checkout_start', '2026-10-10T08:04:00Z', 'ws_1'),
      event('r2', 'checkout_start', '2026-10-10T08:04:00Z', ''),
      // November: one click, outside the previous period.
      event('r1', 'workshop_click', '2026-11-01T00:00:00Z', 'ws_1'),
    ])
    .execute();
});
afterAll(() => t.close());

describe('funnel: the previous period', () => {
  it('counts the same overall steps as the funnel of that period itself', async () => {
    const site = { id: siteId, settings: {} };
    const november = parseRange('2026-11-01', '2026-11-30', NOW);
    const now = await funnelPanel(await analyticsQuery(t.deps.db, site, november, NOW));
    expect(now.previous).toEqual({ pageViews: 3, workshopViews: 2, checkouts: 1, paid: 0, attended: 0 });
    const october = await funnelPanel(await analyticsQuery(t.deps.db, site, previousPeriod(november), NOW));
    const { conversions: _c, previous: _p, workshops: _w, ...octoberTotals } = october;
    expect(octoberTotals).toEqual(now.previous);
  });
});

describe("a period's paid orders", () => {
  // PostgreSQL picks its plan from table statistics (a test's handful of rows: a sequential scan).
  it.skipIf(onPostgres)('are read through the (site, paid_at) index, not a scan of every order', () => {
    const plan = t.database.sqlite
      ?.prepare(
        `explain query plan select workshop_id, count(*) from orders
         where site_id = ? and status in ('paid', 'refunded') and paid_at >= ? and paid_at < ?
         group by workshop_id`,
      )
      .all(siteId, 0, NOW) as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/USING INDEX orders_site_paid/);
  });
});
