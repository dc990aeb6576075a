import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { NewEvent } from '../db/schema.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { analyticsQuery } from './analytics.ts';
import { ATTRIBUTION_MS, pagesPanel } from './pages.ts';
import type { AnalyticsQuery } from './query.ts';
import { DAY_MS, parseRange } from './range.ts';
import { recommendationsPanel } from './recommendations.ts';

// The edges of the two panels that read per-reader aggregates instead of events: a view exactly
// 30 days before a purchase counts and one a millisecond earlier does not; a checkout at the
// click's millisecond converts it and one only before it does not.
const NOW = Date.parse('2026-12-01T12:00:00Z');
const BOUGHT = Date.parse('2026-11-20T12:00:00Z');
const CLICKED = Date.parse('2026-11-10T12:00:00Z');
let t: TestApp;
let q: AnalyticsQuery;

function event(anon: string, type: string, ts: number, more: Partial<NewEvent> = {}): NewEvent {
  return { id: randomUUID(), site_id: '', anon, session: `${anon}-s`, type, ts, received_at: NOW, ...more };
}

const buyers = ['b1', 'b2', 'b3', 'b4', 'b5'];
const history = (): NewEvent[] => [
  ...buyers.flatMap((b) => [
    event(b, 'purchase', BOUGHT, { workshop_id: 'ws_1' }),
    event(b, 'page_view', BOUGHT - ATTRIBUTION_MS, { path: '/edge' }),
    event(b, 'page_view', BOUGHT, { path: '/same-moment' }),
    event(b, 'page_view', BOUGHT - ATTRIBUTION_MS - 1, { path: '/too-early' }),
    event(b, 'page_view', BOUGHT + 1, { path: '/after' }),
  ]),
  // A sixth buyer read /edge the day before, in another session.
  event('b6', 'purchase', BOUGHT, { workshop_id: 'ws_2' }),
  event('b6', 'page_view', BOUGHT - DAY_MS, { path: '/edge', session: 'b6-s0' }),
  // Recommendation clicks on ws_1 by r1–r5, then:
  ...['r1', 'r2', 'r3', 'r4', 'r5'].map((r) =>
    event(r, 'reco_click', CLICKED, { workshop_id: 'ws_1', label: 'v1:model' }),
  ),
  event('r1', 'checkout_start', CLICKED, { workshop_id: 'ws_1' }), // same millisecond: converted
  event('r2', 'checkout_start', CLICKED - 1, { workshop_id: 'ws_1' }), // only before: not
  event('r3', 'checkout_start', CLICKED + 1, { workshop_id: 'ws_2' }), // another workshop: not
  event('r4', 'checkout_start', CLICKED + DAY_MS, { workshop_id: 'ws_1' }), // later: converted
  event('r4', 'purchase', CLICKED + 2 * DAY_MS, { workshop_id: 'ws_1' }), // …and paid
  event('r5', 'checkout_start', CLICKED - DAY_MS, { workshop_id: 'ws_1' }), // before, and again
  event('r5', 'checkout_start', CLICKED + 1, { workshop_id: 'ws_1' }), // after: converted
];

beforeAll(async () => {
  t = await createTestApp({ LECTERN_RECO_RETRAIN_EVENTS: '0' });
  const site = await t.site();
  const events = history().map((e) => ({ ...e, site_id: site.id }));
  // The server's own writer, in several groups so that the aggregates merge across transactions.
  for (let i = 0; i < events.length; i += 7) await t.deps.eventWriter([events.slice(i, i + 7)]);
  q = await analyticsQuery(
    t.deps.db,
    { id: site.id, settings: {} },
    parseRange('2026-11-01', '2026-11-30', NOW),
    NOW,
  );
});
afterAll(() => t.close());

it('pages: a purchase counts the paths its reader viewed from 30 days before it up to its moment', async () => {
  const { byPurchases } = await pagesPanel(q);
  expect(byPurchases.map(({ path, purchases, readers }) => ({ path, purchases, readers }))).toEqual([
    { path: '/edge', purchases: 6, readers: 6 },
    { path: '/same-moment', purchases: 5, readers: 5 },
  ]);
});

it('recommendations: a click converts when its reader reached the step for that workshop at or after it', async () => {
  const { variants } = await recommendationsPanel(q);
  expect(variants.find((v) => v.variant === 'model')).toMatchObject({ clicks: 5, checkouts: 3, paid: 1 });
});
