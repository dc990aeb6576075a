import { strToU8, zipSync } from 'fflate';
import type {
  Analytics,
  AttendanceFigures,
  FunnelCounts,
  RecoFigures,
  RevenueTotals,
} from '../contract/analytics.ts';
import { ANALYTICS_PANELS, type AnalyticsPanelName } from '../contract/analytics.ts';
import { type CsvCell, toCsv } from '../http/csv.ts';

type Table = { header: string[]; rows: CsvCell[][] };

const funnelCells = (c: FunnelCounts) => [c.pageViews, c.workshopViews, c.checkouts, c.paid, c.attended];
const totalsCells = (t: RevenueTotals) => [t.gross, t.refunded, t.net, t.orders, t.averageOrderValue];
const recoCells = (f: RecoFigures) => [
  f.impressions,
  f.clicks,
  f.ctr,
  f.ctrInterval?.low,
  f.ctrInterval?.high,
  f.checkouts,
  f.checkoutRate,
  f.paid,
  f.paidRate,
];

function attendanceTable(a: Analytics['attendance']): Table {
  const kinds = [
    ...new Set([a, a.previous, ...a.workshops].flatMap((f) => Object.keys(f.interactionsPerHour))),
  ].sort();
  const cells = (f: AttendanceFigures) => [
    f.tickets,
    f.attended,
    f.rate,
    f.medianMinutes,
    f.meanMinutes,
    ...kinds.map((k) => f.interactionsPerHour[k] ?? 0),
  ];
  return {
    header: [
      'scope',
      'workshop_id',
      'title',
      'tickets',
      'attended',
      'rate',
      'median_minutes',
      'mean_minutes',
      ...kinds.map((k) => `${k}_per_hour`),
    ],
    rows: [
      ['period', '', '', ...cells(a)],
      ['previous', '', '', ...cells(a.previous)],
      ...a.workshops.map((w) => ['workshop', w.workshopId, w.title, ...cells(w)]),
    ],
  };
}

/** Each panel as one flat table. */
function tables(a: Analytics): Record<AnalyticsPanelName, Table> {
  const model = (name: string, m: Analytics['prediction']['attend']): CsvCell[][] =>
    m.status === 'trained'
      ? [
          ...m.features.map((f) => [name, 'weight', f.name, f.weight]),
          [name, 'intercept', '', m.intercept],
          [name, 'auc', '', m.auc],
          [name, 'train_size', '', m.trainSize],
          [name, 'test_size', '', m.testSize],
          [name, 'base_rate', '', m.baseRate],
        ]
      : [[name, 'too_little_data', `needed ${m.needed}`, m.have]];
  const s = a.satisfaction;
  return {
    funnel: {
      header: [
        'scope',
        'workshop_id',
        'title',
        'page_views',
        'workshop_views',
        'checkouts',
        'paid',
        'attended',
      ],
      rows: [
        ['period', '', '', ...funnelCells(a.funnel)],
        ['previous', '', '', ...funnelCells(a.funnel.previous)],
        ...a.funnel.workshops.map((w) => ['workshop', w.workshopId, w.title, ...funnelCells(w)]),
      ],
    },
    revenue: {
      header: ['row', 'currency', 'day', 'gross', 'refunded', 'net', 'orders', 'average_order_value'],
      rows: [
        ...a.revenue.flatMap((r) => [
          ['period', r.currency, '', ...totalsCells(r)],
          ['previous', r.currency, '', ...totalsCells(r.previous)],
          ...r.byDay.map((d) => ['day', r.currency, d.day, d.gross, d.refunded, d.net, d.orders, '']),
        ]),
        ['free_registrations', '', '', '', '', '', a.freeRegistrations.count, ''],
        ['free_registrations_previous', '', '', '', '', '', a.freeRegistrations.previous, ''],
      ],
    },
    attendance: attendanceTable(a.attendance),
    retention: {
      header: ['row', 'month', 'buyers', 'returned', 'rate'],
      rows: [
        ['new_buyers', '', a.retention.newBuyers, '', ''],
        ['repurchase_30d', '', a.retention.newBuyers, '', a.retention.repurchase30],
        ['repurchase_90d', '', a.retention.newBuyers, '', a.retention.repurchase90],
        [
          'returning_readers',
          '',
          a.retention.readers,
          a.retention.returningReaders,
          a.retention.returningRate,
        ],
        ...a.retention.cohorts.map((c) => ['cohort', c.month, c.buyers, c.returned, c.rate]),
      ],
    },
    recommendations: {
      header: [
        'variant',
        'version',
        'impressions',
        'clicks',
        'ctr',
        'ctr_low',
        'ctr_high',
        'checkouts',
        'checkout_rate',
        'paid',
        'paid_rate',
      ],
      rows: [
        ...a.recommendations.variants.map((v) => [v.variant, '', ...recoCells(v)]),
        ...a.recommendations.versions.map((v) => [v.variant, v.version, ...recoCells(v)]),
      ],
    },
    satisfaction: {
      header: ['row', 'key', 'ratings', 'score', 'content', 'instructor', 'interactivity'],
      rows: [
        ['period', '', s.ratings, s.score, '', '', ''],
        ['previous', '', s.previous.ratings, s.previous.score, '', '', ''],
        ...s.workshops.map((w) => [
          'workshop',
          w.workshopId,
          w.ratings,
          w.score,
          w.criteria.content,
          w.criteria.instructor,
          w.criteria.interactivity,
        ]),
        ...s.byWeek.map((w) => ['week', w.week, w.ratings, w.score, '', '', '']),
        ...[1, 2, 3, 4, 5].map((score, i) => [
          'distribution',
          String(score),
          '',
          '',
          s.distribution.content[i],
          s.distribution.instructor[i],
          s.distribution.interactivity[i],
        ]),
      ],
    },
    realtime: {
      header: ['at', 'workshop_id', 'title', 'learners', 'active_readers'],
      rows: [
        [a.realtime.at, '', '', a.realtime.inRooms, a.realtime.activeReaders],
        ...a.realtime.rooms.map((r) => [a.realtime.at, r.workshopId, r.title, r.learners, '']),
      ],
    },
    pages: {
      header: ['ranking', 'path', 'views', 'readers', 'purchases'],
      rows: [
        ...a.pages.byViews.map((p) => ['views', p.path, p.views, p.readers, p.purchases]),
        ...a.pages.byPurchases.map((p) => ['purchases', p.path, p.views, p.readers, p.purchases]),
      ],
    },
    workshops: {
      header: ['workshop_id', 'title', 'views', 'paid', 'attended', 'currency', 'net', 'score'],
      rows: a.workshops.top.map((w) => [
        w.workshopId,
        w.title,
        w.views,
        w.paid,
        w.attended,
        w.revenue?.currency,
        w.revenue?.net,
        w.score,
      ]),
    },
    prediction: {
      header: ['model', 'figure', 'feature', 'value'],
      rows: [...model('attend', a.prediction.attend), ...model('buy', a.prediction.buy)],
    },
    segments: {
      header: ['segment', 'size', 'share', 'views', 'purchases', 'attended', 'interactions'],
      rows:
        a.segments.status === 'clustered'
          ? a.segments.segments.map((g) => [
              g.id,
              g.size,
              g.share,
              g.profile.views,
              g.profile.purchases,
              g.profile.attended,
              g.profile.interactions,
            ])
          : [['too_little_data', a.segments.have, '', '', '', '', '']],
    },
  };
}

/** The analytics as a zip with one UTF-8 CSV per panel (`funnel.csv`, `revenue.csv`, …). */
export function exportZip(a: Analytics, now: number): Uint8Array {
  const all = tables(a);
  const mtime = new Date(now);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const name of ANALYTICS_PANELS) {
    files[`${name}.csv`] = [strToU8(toCsv(all[name].header, all[name].rows)), { mtime }];
  }
  return zipSync(files, { level: 6 });
}
