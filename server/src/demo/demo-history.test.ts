import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAnalytics } from '../analytics/analytics.ts';
import { parseRange } from '../analytics/range.ts';
import type { Analytics } from '../contract/analytics.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { seedDemo } from './seed-demo.ts';

let t: TestApp;
let a: Analytics;
const NOW = Date.parse('2026-12-03T12:00:00Z');
beforeAll(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  await seedDemo(t.deps);
  a = await computeAnalytics(
    t.deps.db,
    { id: 'demo', settings: {} },
    parseRange('2026-09-01', '2026-12-03', NOW),
    NOW,
  );
}, 60_000);
afterAll(() => t.close());

describe('the demo site’s history', () => {
  it('fills every panel', () => {
    expect(a.funnel.pageViews).toBeGreaterThan(5000);
    expect(a.funnel.paid).toBeGreaterThan(50);
    expect(a.funnel.attended).toBeGreaterThan(20);
    expect(a.revenue.map((r) => r.currency)).toEqual(['EUR', 'USD']);
    expect(a.revenue[0].refunded).toBeGreaterThan(0);
    expect(a.freeRegistrations.count).toBeGreaterThan(0);
    expect(a.attendance.medianMinutes).toBeGreaterThan(0);
    expect(Object.keys(a.attendance.interactionsPerHour)).toEqual([
      'chat',
      'hand',
      'poll_vote',
      'question',
      'upvote',
    ]);
    expect(a.retention.returningReaders).toBeGreaterThan(0);
    expect(a.recommendations.variants.every((v) => v.impressions > 100 && v.clicks > 0)).toBe(true);
    expect(a.recommendations.versions.length).toBeGreaterThan(2);
    expect(a.recommendations.verdict.status).toBe('compared');
    expect(a.satisfaction.ratings).toBeGreaterThan(10);
    expect(a.pages.byViews.length).toBeGreaterThan(3);
    expect(a.workshops.top.length).toBeGreaterThan(3);
    expect(a.prediction.attend.status).toBe('trained');
    expect(a.prediction.buy.status).toBe('trained');
    expect(a.segments.status).toBe('clustered');
  });

  it('is the same on every seeding, and made only when the demo site is first created', async () => {
    const count = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('site_id', '=', 'demo')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await seedDemo(t.deps);
    expect(await count()).toBe(before);
    const again = await createTestApp();
    again.setNow(NOW);
    await seedDemo(again.deps);
    const rows = await again.deps.db
      .selectFrom('orders')
      .select(['id', 'amount', 'paid_at'])
      .where('site_id', '=', 'demo')
      .where('id', 'like', 'ord_demo_%')
      .orderBy('id')
      .execute();
    const ours = await t.deps.db
      .selectFrom('orders')
      .select(['id', 'amount', 'paid_at'])
      .where('site_id', '=', 'demo')
      .where('id', 'like', 'ord_demo_%')
      .orderBy('id')
      .execute();
    expect(rows.length).toBeGreaterThan(100);
    expect(rows).toEqual(ours);
    await again.close();
  }, 60_000);
});
