import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analytics } from '../contract/analytics.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { computeAnalytics } from './analytics.ts';
import { parseRange } from './range.ts';
import { NOW, RANGE, seedFixture } from './test-fixture.ts';

// Every expected figure below is derived by hand from test-fixture.ts; the comments show how.
let t: TestApp;
let a: Analytics;
beforeAll(async () => {
  t = await createTestApp();
  const site = await t.site();
  await seedFixture(t.deps.db, site.id);
  a = await computeAnalytics(
    t.deps.db,
    { id: site.id, settings: {} },
    parseRange(RANGE.from, RANGE.to, NOW),
    NOW,
  );
});
afterAll(() => t.close());

describe('analytics on the hand-computed fixture (November 2026)', () => {
  it('compares with the 30 days before', () => {
    expect(a.range).toEqual({ from: '2026-11-01', to: '2026-11-30', days: 30 });
    expect(a.previousRange).toEqual({ from: '2026-10-02', to: '2026-10-31', days: 30 });
  });

  it('funnel: page views → workshop views → checkouts → paid → attended', () => {
    // page views: r1–r6 twice on /blog/a + r7–r10 once = 16 (the 3 realtime views are in December).
    // workshop views: A by r1–r6, B by r1–r5, C by r7–r8 = 13. checkouts: A 5 + B 4 + C 1 = 10.
    // paid: A 6 (b6 refunded later still paid) + B 5 + C 2 (b9, free b10) = 13. attended: 3 + 5 + 1 = 9.
    expect(a.funnel).toMatchObject({
      pageViews: 16,
      workshopViews: 13,
      checkouts: 10,
      paid: 13,
      attended: 9,
    });
    expect(a.funnel.conversions.map((c) => c.rate)).toEqual([0.8125, 0.7692, 1.3, 0.6923]); // 13/16, 10/13, 13/10, 9/13
    expect(a.funnel.previous).toEqual({ pageViews: 0, workshopViews: 0, checkouts: 0, paid: 1, attended: 0 }); // b11
    // A covers 6 readers, B 5; C covers 2 (r7, r8; b9, b10) and is folded into `other`.
    expect(
      a.funnel.workshops.map((w) => [
        w.workshopId,
        w.pageViews,
        w.workshopViews,
        w.checkouts,
        w.paid,
        w.attended,
      ]),
    ).toEqual([
      ['ws_a', 6, 6, 5, 6, 3],
      ['ws_b', 0, 5, 4, 5, 5],
      ['other', 0, 2, 1, 2, 1],
    ]);
  });

  it('revenue per currency, never summed across them; free registrations apart', () => {
    // EUR: A 6 × 2000 (b6's 2000 refunded) + C 1000 = 13000 gross, 11000 net, 7 orders, 13000/7 ≈ 1857.
    // USD: B 5 × 1500 = 7500. Previous: b11's 2000 EUR. The free registration is in neither.
    const [eur, usd] = a.revenue;
    expect(eur).toMatchObject({
      currency: 'EUR',
      gross: 13000,
      refunded: 2000,
      net: 11000,
      orders: 7,
      averageOrderValue: 1857,
    });
    expect(eur.previous).toEqual({ gross: 2000, refunded: 0, net: 2000, orders: 1, averageOrderValue: 2000 });
    expect(usd).toMatchObject({
      currency: 'USD',
      gross: 7500,
      refunded: 0,
      net: 7500,
      orders: 5,
      averageOrderValue: 1500,
    });
    expect(eur.byDay).toHaveLength(30);
    expect(eur.byDay.filter((d) => d.orders)).toEqual([
      { day: '2026-11-10', gross: 12000, refunded: 2000, net: 10000, orders: 6 },
      { day: '2026-11-15', gross: 1000, refunded: 0, net: 1000, orders: 1 },
    ]);
    expect(a.freeRegistrations).toEqual({ count: 1, previous: 0 });
  });

  it('attendance: rate, minutes in the room, interactions per attendee-hour', () => {
    // Tickets of workshops started in November: A 5 (b6 revoked), B 5, C 2 = 12; joined 9 → 0.75.
    // Minutes per reader: A 10, 30, 60 (r3: 30 + 30); B 20, 40, 50, 10, 30; C 15. Sorted, the
    // middle of 9 is 30; the mean is 265 / 9 = 29.44 → 29.4. Hours 265/60: chat 10 → 2.26, question 2 → 0.45.
    expect(a.attendance).toMatchObject({
      tickets: 12,
      attended: 9,
      rate: 0.75,
      medianMinutes: 30,
      meanMinutes: 29.4,
      interactionsPerHour: { chat: 2.26, question: 0.45 },
    });
    // Previous: the old workshop's one ticket, nobody joined.
    expect(a.attendance.previous).toMatchObject({ tickets: 1, attended: 0, rate: 0 });
    // A: 100 minutes = 1.667 h → chat 6 / 1.667 = 3.6, question 1.2. C (2 tickets) is folded.
    expect(a.attendance.workshops).toMatchObject([
      {
        workshopId: 'ws_a',
        tickets: 5,
        attended: 3,
        rate: 0.6,
        medianMinutes: 30,
        meanMinutes: 33.3,
        interactionsPerHour: { chat: 3.6, question: 1.2 },
      },
      {
        workshopId: 'ws_b',
        tickets: 5,
        attended: 5,
        rate: 1,
        medianMinutes: 30,
        meanMinutes: 30,
        interactionsPerHour: { chat: 1.6 },
      },
      { workshopId: 'other', tickets: 2, attended: 1, rate: 0.5, medianMinutes: 15 },
    ]);
  });

  it('retention: repurchase, cohorts and returning readers', () => {
    // New buyers in November: b1–b9 (b10 free, b11 first bought in October) = 9; b1–b3 bought
    // again 2 days later → 3/9 within 30 and 90 days. October's cohort (b11 alone) is folded.
    expect(a.retention).toEqual({
      newBuyers: 9,
      repurchase30: 0.3333,
      repurchase90: 0.3333,
      cohorts: [
        { month: '2026-11', buyers: 9, returned: 0, rate: 0 },
        { month: 'other', buyers: 1, returned: 0, rate: 0 },
      ],
      // r1–r10 seen; r1–r6 in two sessions.
      readers: 10,
      returningReaders: 6,
      returningRate: 0.6,
    });
  });

  it('recommendations: CTR with Wilson intervals and the verdict per variant', () => {
    // Model: 30/200 = 0.15. Wilson (z = 1.96): centre (0.15 + 3.8415/400) / (1 + 3.8415/200) = 0.15660,
    // half 1.96·√(0.1275/200 + 3.8415/160000) / 1.01921 = 0.04946 → [0.1071, 0.2061].
    // r1–r5's clicks on A are followed by their checkout and purchase of A: 5/30 = 0.1667 each.
    const [model, popularity] = a.recommendations.variants;
    expect(model).toMatchObject({
      variant: 'model',
      impressions: 200,
      clicks: 30,
      ctr: 0.15,
      ctrInterval: { low: 0.1071, high: 0.2061 },
      checkouts: 5,
      paid: 5,
      checkoutRate: 0.1667,
      paidRate: 0.1667,
    });
    // Popularity: 20/200 = 0.10; r1–r4 check out B after clicking it (4/20), no purchase event.
    expect(popularity).toMatchObject({
      variant: 'popularity',
      impressions: 200,
      clicks: 20,
      ctr: 0.1,
      checkouts: 4,
      paid: 0,
      checkoutRate: 0.2,
      paidRate: 0,
    });
    expect(popularity.ctrInterval).toEqual({ low: 0.0657, high: 0.1494 });
    // Difference 5 points, SE √(0.15·0.85/200 + 0.1·0.9/200) = 0.03298 → ±6.46: [−1.46, 11.46], not significant.
    expect(a.recommendations.verdict).toEqual({
      status: 'compared',
      leader: 'model',
      points: 5,
      interval: { low: -1.46, high: 11.46 },
      significant: false,
    });
    expect(a.recommendations.versions.map((v) => [v.version, v.variant, v.impressions])).toEqual([
      ['fallback', 'popularity', 200],
      ['v1', 'model', 200],
    ]);
  });

  it('satisfaction: S per workshop and week, and each criterion’s spread', () => {
    // B: means 4.2 / 4.0 / 3.8 → S = 0.4·4.2 + 0.3·4 + 0.3·3.8 = 4.02. A (3 ratings) folds into other:
    // 3 / 3.33 / 3.67 → 3.3. All 8: 30/8 = 3.75 on each criterion → 3.75.
    expect(a.satisfaction).toMatchObject({ ratings: 8, score: 3.75, previous: { ratings: 0, score: null } });
    expect(a.satisfaction.workshops.map((w) => [w.workshopId, w.ratings, w.score])).toEqual([
      ['ws_b', 5, 4.02],
      ['other', 3, 3.3],
    ]);
    // Thursday 26 November is in the week starting Monday the 23rd.
    expect(a.satisfaction.byWeek).toEqual([{ week: '2026-11-23', ratings: 8, score: 3.75 }]);
    // Content scores: 2, 3, 4 (A) and 5, 4, 5, 3, 4 (B).
    expect(a.satisfaction.distribution.content).toEqual([0, 1, 2, 3, 2]);
  });

  it('realtime, pages and top workshops', () => {
    // Three readers a minute ago; 7 passes in the live room, one superseded and one removed.
    expect(a.realtime).toMatchObject({
      activeReaders: 3,
      inRooms: 5,
      rooms: [{ workshopId: 'ws_live', learners: 5 }],
    });
    // /blog/a: 12 views by 6 readers, 5 of whom (r1–r5) bought within 30 days; /blog/b's 4 readers fold.
    expect(a.pages.byViews).toEqual([
      { path: '/blog/a', views: 12, readers: 6, purchases: 5 },
      { path: 'other', views: 4, readers: 4, purchases: 0 },
    ]);
    expect(a.pages.byPurchases).toEqual([{ path: '/blog/a', views: 12, readers: 5, purchases: 5 }]);
    // A's net: 5 × 2000 (b6 refunded); B: 5 × 1500.
    expect(a.workshops.top).toMatchObject([
      { workshopId: 'ws_a', paid: 6, revenue: { currency: 'EUR', net: 10000 }, score: 3.3 },
      { workshopId: 'ws_b', paid: 5, revenue: { currency: 'USD', net: 7500 }, score: 4.02 },
    ]);
  });

  it('says when there is too little data for the models', () => {
    // 13 ended tickets, 9 joined: the rarer outcome has 4 examples; 5 of 10 readers bought.
    expect(a.prediction).toEqual({
      attend: { status: 'too_little_data', needed: 20, have: 4 },
      buy: { status: 'too_little_data', needed: 20, have: 5 },
    });
    expect(a.segments).toEqual({ status: 'too_little_data', needed: 40, have: 10 });
  });
});
