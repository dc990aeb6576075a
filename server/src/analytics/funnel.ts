import {
  type FunnelConversion,
  type FunnelCounts,
  type FunnelPanel,
  type FunnelStep,
  OTHER,
  type WorkshopFunnel,
} from '../contract/analytics.ts';
import { foldSmallRows, sumFields } from './fold.ts';
import {
  type AnalyticsQuery,
  attendedByWorkshop,
  countEvents,
  countType,
  entry,
  paidOrdersByWorkshop,
} from './query.ts';
import type { Period } from './range.ts';
import { round, share } from './stats.ts';

export const FUNNEL_STEPS: readonly FunnelStep[] = [
  'pageViews',
  'workshopViews',
  'checkouts',
  'paid',
  'attended',
];
const EVENT_STEP = { workshop_click: 'workshopViews', checkout_start: 'checkouts' } as const;

export function conversions(c: FunnelCounts): FunnelConversion[] {
  return FUNNEL_STEPS.slice(1).map((to, i) => {
    const from = FUNNEL_STEPS[i];
    const rate = share(c[to], c[from]);
    return { from, to, rate: rate === null ? null : round(rate) };
  });
}

const zero = (): FunnelCounts => ({ pageViews: 0, workshopViews: 0, checkouts: 0, paid: 0, attended: 0 });
type Row = FunnelCounts & { workshopId: string; learners: number };

async function counts(q: AnalyticsQuery, period: Period): Promise<{ total: FunnelCounts; rows: Row[] }> {
  const [pageViews, events, paid, attended] = await Promise.all([
    countType(q, period, 'page_view'),
    countEvents(q, period, ['workshop_impression', 'workshop_click', 'checkout_start']),
    paidOrdersByWorkshop(q, period),
    attendedByWorkshop(q, period),
  ]);
  const total = { ...zero(), pageViews };
  const byWorkshop = new Map<string, Row>();
  const row = (id: string) => entry(byWorkshop, id, () => ({ ...zero(), workshopId: id, learners: 0 }));
  for (const e of events) {
    if (!e.workshopId) continue;
    const r = row(e.workshopId);
    r.learners = Math.max(r.learners, e.readers);
    // A workshop's own first step is being shown on a page (its impressions).
    if (e.type === 'workshop_impression') r.pageViews += e.n;
    else {
      const step = EVENT_STEP[e.type as keyof typeof EVENT_STEP];
      r[step] += e.n;
      total[step] += e.n;
    }
  }
  for (const [id, p] of paid) {
    const r = row(id);
    r.paid = p.n;
    r.learners = Math.max(r.learners, p.buyers);
    total.paid += p.n;
  }
  for (const [id, n] of attended) {
    const r = row(id);
    r.attended = n;
    r.learners = Math.max(r.learners, n);
    total.attended += n;
  }
  return { total, rows: [...byWorkshop.values()] };
}

/**
 * The overall steps alone (what the previous period shows): the same counts as `counts`' total,
 * without its per-workshop impressions and distinct readers, which only the rows need and which
 * cost a lookup of every impression (most of the funnel's time on a big site).
 */
async function totals(q: AnalyticsQuery, period: Period): Promise<FunnelCounts> {
  const [pageViews, steps, paid, attended] = await Promise.all([
    countType(q, period, 'page_view'),
    q.db
      .selectFrom('events')
      .select((eb) => ['type', eb.fn.countAll().as('n')])
      .where('site_id', '=', q.siteId)
      .where('type', 'in', Object.keys(EVENT_STEP))
      .where('ts', '>=', period.start)
      .where('ts', '<', period.end)
      // `counts` leaves out events without a workshop (none, or an empty id) the same way.
      .where('workshop_id', 'is not', null)
      .where('workshop_id', '!=', '')
      .groupBy('type')
      .execute(),
    paidOrdersByWorkshop(q, period),
    attendedByWorkshop(q, period),
  ]);
  const total = { ...zero(), pageViews };
  for (const s of steps) total[EVENT_STEP[s.type as keyof typeof EVENT_STEP]] += Number(s.n);
  for (const p of paid.values()) total.paid += p.n;
  for (const n of attended.values()) total.attended += n;
  return total;
}

/** Page views → workshop views → checkouts → paid → attended, overall and per workshop. */
export async function funnelPanel(q: AnalyticsQuery): Promise<FunnelPanel> {
  const [now, before] = await Promise.all([counts(q, q.period), totals(q, q.previous)]);
  const rows = now.rows.sort((a, b) => b.paid - a.paid || b.workshopViews - a.workshopViews);
  const folded = foldSmallRows(
    rows,
    (r) => r.learners,
    (small) => ({ ...sumFields(small, FUNNEL_STEPS), workshopId: OTHER, learners: 0 }),
  );
  const workshops: WorkshopFunnel[] = folded.map(({ learners: _l, ...r }) => ({
    ...r,
    title: q.titles.get(r.workshopId) ?? '',
    conversions: conversions(r),
  }));
  return { ...now.total, conversions: conversions(now.total), previous: before, workshops };
}
