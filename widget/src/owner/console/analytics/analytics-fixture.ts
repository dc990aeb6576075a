// A complete, small analytics answer for the panel's unit tests (test code only).
import type { Analytics, RecoFigures } from '@lectern/server/contract';

const reco = (impressions: number, clicks: number): RecoFigures => ({
  impressions,
  clicks,
  ctr: clicks / impressions,
  ctrInterval: { low: clicks / impressions - 0.01, high: clicks / impressions + 0.01 },
  checkouts: 2,
  paid: 1,
  checkoutRate: 2 / clicks,
  checkoutInterval: null,
  paidRate: 1 / clicks,
  paidInterval: null,
});

/** Dec 1–3 2026: 1,200 page views down to 9 attended, EUR and JPY sales, a model ahead by 2.1 points. */
export function analyticsFixture(): Analytics {
  const zero = { gross: 0, refunded: 0, net: 0, orders: 0, averageOrderValue: null };
  return {
    site: 'demo',
    range: { from: '2026-12-01', to: '2026-12-03', days: 3 },
    previousRange: { from: '2026-11-28', to: '2026-11-30', days: 3 },
    funnel: {
      pageViews: 1200,
      workshopViews: 300,
      checkouts: 40,
      paid: 12,
      attended: 9,
      conversions: [
        { from: 'pageViews', to: 'workshopViews', rate: 0.25 },
        { from: 'workshopViews', to: 'checkouts', rate: 40 / 300 },
        { from: 'checkouts', to: 'paid', rate: 0.3 },
        { from: 'paid', to: 'attended', rate: 0.75 },
      ],
      previous: { pageViews: 1000, workshopViews: 250, checkouts: 30, paid: 10, attended: 8 },
      workshops: [
        {
          workshopId: 'ws_1',
          title: 'Sourdough <b>basics</b>',
          pageViews: 0,
          workshopViews: 200,
          checkouts: 30,
          paid: 10,
          attended: 8,
          conversions: [],
        },
        {
          workshopId: 'other',
          title: '',
          pageViews: 0,
          workshopViews: 100,
          checkouts: 10,
          paid: 2,
          attended: 1,
          conversions: [],
        },
      ],
    },
    revenue: [
      {
        currency: 'EUR',
        gross: 29000,
        refunded: 2900,
        net: 26100,
        orders: 10,
        averageOrderValue: 2900,
        byDay: [
          { day: '2026-12-01', gross: 8700, refunded: 0, net: 8700, orders: 3 },
          { day: '2026-12-02', gross: 0, refunded: 0, net: 0, orders: 0 },
          { day: '2026-12-03', gross: 20300, refunded: 2900, net: 17400, orders: 7 },
        ],
        previous: { gross: 23200, refunded: 0, net: 23200, orders: 8, averageOrderValue: 2900 },
      },
      {
        currency: 'JPY',
        gross: 3000,
        refunded: 0,
        net: 3000,
        orders: 2,
        averageOrderValue: 1500,
        byDay: [
          { day: '2026-12-01', gross: 0, refunded: 0, net: 0, orders: 0 },
          { day: '2026-12-02', gross: 3000, refunded: 0, net: 3000, orders: 2 },
          { day: '2026-12-03', gross: 0, refunded: 0, net: 0, orders: 0 },
        ],
        previous: zero,
      },
    ],
    freeRegistrations: { count: 5, previous: 4 },
    attendance: {
      tickets: 12,
      attended: 9,
      rate: 0.75,
      medianMinutes: 42,
      meanMinutes: 38.5,
      interactionsPerHour: { chat: 6.5, question: 1.25 },
      previous: {
        tickets: 10,
        attended: 8,
        rate: 0.8,
        medianMinutes: 40,
        meanMinutes: 35,
        interactionsPerHour: {},
      },
      workshops: [
        {
          workshopId: 'ws_1',
          title: 'Sourdough',
          tickets: 12,
          attended: 9,
          rate: 0.75,
          medianMinutes: 42,
          meanMinutes: 38.5,
          interactionsPerHour: {},
        },
      ],
    },
    retention: {
      newBuyers: 10,
      repurchase30: 0.2,
      repurchase90: 0.3,
      cohorts: [{ month: '2026-11', buyers: 10, returned: 3, rate: 0.3 }],
      readers: 400,
      returningReaders: 100,
      returningRate: 0.25,
    },
    recommendations: {
      variants: [
        { variant: 'model', ...reco(1000, 52) },
        { variant: 'popularity', ...reco(1000, 31) },
      ],
      versions: [{ version: 'v3', variant: 'model', ...reco(1000, 52) }],
      verdict: {
        status: 'compared',
        leader: 'model',
        points: 2.1,
        interval: { low: -0.2, high: 4.4 },
        significant: false,
      },
    },
    satisfaction: {
      ratings: 8,
      score: 4.35,
      weights: { content: 0.4, instructor: 0.3, interactivity: 0.3 },
      previous: { ratings: 6, score: 4.1 },
      workshops: [
        {
          workshopId: 'ws_1',
          title: 'Sourdough',
          ratings: 8,
          score: 4.35,
          criteria: { content: 4.5, instructor: 4.25, interactivity: 4.25 },
        },
      ],
      byWeek: [
        { week: '2026-11-23', ratings: 2, score: 4 },
        { week: '2026-11-30', ratings: 6, score: 4.5 },
      ],
      distribution: { content: [0, 0, 1, 2, 5], instructor: [0, 0, 1, 4, 3], interactivity: [0, 1, 0, 3, 4] },
    },
    realtime: {
      at: '2026-12-03T15:00:00Z',
      activeReaders: 3,
      inRooms: 2,
      rooms: [{ workshopId: 'ws_1', title: 'Sourdough', learners: 2 }],
    },
    pages: {
      byViews: [
        { path: '/blog/bread', views: 800, readers: 300, purchases: 9 },
        { path: 'other', views: 400, readers: 100, purchases: 3 },
      ],
      byPurchases: [{ path: '/blog/bread', views: 800, readers: 300, purchases: 9 }],
    },
    workshops: {
      top: [
        {
          workshopId: 'ws_1',
          title: 'Sourdough',
          views: 200,
          paid: 10,
          attended: 8,
          revenue: { currency: 'EUR', net: 26100 },
          score: 4.35,
        },
      ],
    },
    prediction: {
      attend: {
        status: 'trained',
        features: [
          { name: 'daysBooked', weight: 0.8 },
          { name: 'free', weight: -0.25 },
        ],
        intercept: 0.1,
        auc: 0.71,
        trainSize: 160,
        testSize: 40,
        baseRate: 0.6,
      },
      buy: { status: 'too_little_data', needed: 200, have: 37 },
    },
    segments: { status: 'too_little_data', needed: 50, have: 12 },
  };
}
