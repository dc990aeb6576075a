import type { FunnelPanel, TopWorkshop, WorkshopsPanel } from '../contract/analytics.ts';
import { OTHER } from '../contract/analytics.ts';
import { satisfaction } from '../contract/satisfaction.ts';
import type { AnalyticsQuery } from './query.ts';

export const TOP_WORKSHOPS = 10;

/**
 * The workshops that sold most in the period, from the funnel's rows (already folded for
 * privacy), with their net revenue (a workshop has one currency) and satisfaction.
 */
export async function workshopsPanel(q: AnalyticsQuery, funnel: FunnelPanel): Promise<WorkshopsPanel> {
  const top = funnel.workshops
    .filter((w) => w.workshopId !== OTHER)
    .sort((a, b) => b.paid - a.paid || b.workshopViews - a.workshopViews)
    .slice(0, TOP_WORKSHOPS);
  const ids = top.map((w) => w.workshopId);
  if (!ids.length) return { top: [] };
  const [revenue, ratings] = await Promise.all([
    q.db
      .selectFrom('orders')
      .select((eb) => [
        'workshop_id',
        'currency',
        eb.fn.sum(eb.case().when('status', '=', 'paid').then(eb.ref('amount')).else(0).end()).as('net'),
      ])
      .where('site_id', '=', q.siteId)
      .where('workshop_id', 'in', ids)
      .where('provider', '!=', 'free')
      .where('status', 'in', ['paid', 'refunded'])
      .where('paid_at', '>=', q.period.start)
      .where('paid_at', '<', q.period.end)
      .groupBy(['workshop_id', 'currency'])
      .execute(),
    q.db
      .selectFrom('ratings')
      .select((eb) => [
        'workshop_id',
        eb.fn.avg('content').as('content'),
        eb.fn.avg('instructor').as('instructor'),
        eb.fn.avg('interactivity').as('interactivity'),
      ])
      .where('site_id', '=', q.siteId)
      .where('workshop_id', 'in', ids)
      .groupBy('workshop_id')
      .execute(),
  ]);
  const rows: TopWorkshop[] = top.map((w) => {
    const r = revenue.find((x) => x.workshop_id === w.workshopId);
    const s = ratings.find((x) => x.workshop_id === w.workshopId);
    return {
      workshopId: w.workshopId,
      title: w.title,
      views: w.workshopViews,
      paid: w.paid,
      attended: w.attended,
      revenue: r ? { currency: r.currency, net: Number(r.net) } : null,
      score: s
        ? satisfaction(
            {
              content: Number(s.content),
              instructor: Number(s.instructor),
              interactivity: Number(s.interactivity),
            },
            q.weights,
          )
        : null,
    };
  });
  return { top: rows };
}
