import { parseArgs } from 'node:util';
import { computeAnalytics } from '../analytics/analytics.ts';
import { InvalidRange, type Period, parseRange } from '../analytics/range.ts';
import type { Analytics, Interval, TooLittleData, TrainedModel } from '../contract/analytics.ts';
import type { CliCommand } from './command.ts';

/** Minor units as money in the currency's own decimals (JPY has none, EUR two). */
function money(minor: number, currency: string): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}
const pct = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 1000) / 10} %`);
const ci = (i: Interval | null) => (i ? ` [${pct(i.low)}–${pct(i.high)}]` : '');
const model = (m: TrainedModel | TooLittleData) =>
  m.status === 'trained'
    ? `AUC ${m.auc ?? '–'} on ${m.testSize} held out; ${m.features.map((f) => `${f.name} ${f.weight}`).join(', ')}`
    : `too little data (${m.have} of ${m.needed} needed)`;

/** The figures as a few readable lines. */
export function analyticsText(a: Analytics): string[] {
  const f = a.funnel;
  const steps = [
    `${f.pageViews} page views`,
    `${f.workshopViews} workshop views`,
    `${f.checkouts} checkouts`,
    `${f.paid} paid`,
    `${f.attended} attended`,
  ];
  const rec = a.recommendations;
  const s = a.satisfaction;
  return [
    `Analytics of ${a.site}, ${a.range.from} to ${a.range.to} (${a.range.days} days; previous period ${a.previousRange.from} to ${a.previousRange.to})`,
    `Funnel: ${steps.map((step, i) => (i ? `${step} (${pct(f.conversions[i - 1].rate)})` : step)).join(' → ')}; previous: ${f.previous.pageViews} page views, ${f.previous.paid} paid`,
    'Revenue:',
    ...(a.revenue.length ? a.revenue : []).map(
      (r) =>
        `  ${r.currency}: gross ${money(r.gross, r.currency)}, refunded ${money(r.refunded, r.currency)}, net ${money(r.net, r.currency)}, ${r.orders} orders, average ${r.averageOrderValue === null ? '–' : money(r.averageOrderValue, r.currency)} (previous net ${money(r.previous.net, r.currency)})`,
    ),
    ...(a.revenue.length ? [] : ['  no paid orders']),
    `  free registrations: ${a.freeRegistrations.count} (previous ${a.freeRegistrations.previous})`,
    `Attendance: ${a.attendance.attended} of ${a.attendance.tickets} tickets (${pct(a.attendance.rate)}), median ${a.attendance.medianMinutes ?? '–'} min, mean ${a.attendance.meanMinutes ?? '–'} min; per attendee-hour: ${
      Object.entries(a.attendance.interactionsPerHour)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || '–'
    }`,
    `Retention: ${a.retention.newBuyers} new buyers, ${pct(a.retention.repurchase30)} bought again within 30 days, ${pct(a.retention.repurchase90)} within 90; ${a.retention.returningReaders} of ${a.retention.readers} readers came back (${pct(a.retention.returningRate)})`,
    `Recommendations: ${rec.variants.map((v) => `${v.variant} CTR ${pct(v.ctr)}${ci(v.ctrInterval)} (${v.clicks}/${v.impressions}), checkout ${pct(v.checkoutRate)}, paid ${pct(v.paidRate)}`).join('; ')}`,
    rec.verdict.status === 'compared'
      ? `  ${rec.verdict.leader} ahead by ${rec.verdict.points} points; ${rec.verdict.significant ? 'significant at 95 %' : 'not yet significant'}`
      : `  no verdict yet (${rec.verdict.have} of ${rec.verdict.needed} impressions per variant)`,
    `Satisfaction: ${s.score ?? '–'} from ${s.ratings} ratings (previous ${s.previous.score ?? '–'} from ${s.previous.ratings})`,
    `Realtime: ${a.realtime.activeReaders} readers active in the last 5 minutes, ${a.realtime.inRooms} learners in live rooms`,
    `Top pages: ${a.pages.byViews.map((p) => `${p.path} ${p.views} views, ${p.purchases} purchases`).join('; ') || '–'}`,
    `Top workshops: ${a.workshops.top.map((w) => `${w.title || w.workshopId} ${w.paid} paid`).join('; ') || '–'}`,
    `Prediction: attend: ${model(a.prediction.attend)}`,
    `            buy: ${model(a.prediction.buy)}`,
    a.segments.status === 'clustered'
      ? `Segments: ${a.segments.segments.map((g) => `#${g.id} ${pct(g.share)} (views ${g.profile.views}, purchases ${g.profile.purchases}, attended ${g.profile.attended}, interactions ${g.profile.interactions})`).join('; ')}`
      : `Segments: too little data (${a.segments.have} of ${a.segments.needed} readers)`,
  ];
}

export const analyticsCommand: CliCommand = {
  group: 'analytics',
  action: '',
  usage: `analytics --site SITE_ID [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
                     The owner's analytics (default: the last 30 days), as text or as JSON.`,
  async run({ args, db, out, err }) {
    const { values } = parseArgs({
      args,
      options: {
        site: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    if (!values.site) {
      err('lectern: analytics needs --site SITE_ID');
      return 64;
    }
    const site = await db
      .selectFrom('sites')
      .select(['id', 'settings'])
      .where('id', '=', values.site)
      .executeTakeFirst();
    if (!site) {
      err(`lectern: no site "${values.site}"`);
      return 1;
    }
    const now = Date.now();
    let period: Period;
    try {
      period = parseRange(values.from, values.to, now);
    } catch (e) {
      if (!(e instanceof InvalidRange)) throw e;
      err(`lectern: ${e.message}`);
      return 64;
    }
    const analytics = await computeAnalytics(
      db,
      { id: site.id, settings: JSON.parse(site.settings) },
      period,
      now,
    );
    if (values.json) out(JSON.stringify(analytics, null, 2));
    else for (const line of analyticsText(analytics)) out(line);
    return 0;
  },
};
