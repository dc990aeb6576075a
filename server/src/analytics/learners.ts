import { sql } from 'kysely';
import type { AnalyticsQuery } from './query.ts';

/** What one reader (anonymous id) did in the period: counts only, never what they wrote. */
export type LearnerActivity = {
  anon: string;
  pageViews: number;
  workshopViews: number;
  recoClicks: number;
  purchases: number;
  roomJoins: number;
  interactions: number;
  sessions: number;
};

const countOf = (type: string) => sql<number>`sum(case when type = ${type} then 1 else 0 end)`;

/** One row per reader seen in the period, aggregated in SQL (the bench has 1,000,000 events). */
export async function learnerActivity(q: AnalyticsQuery): Promise<LearnerActivity[]> {
  const rows = await q.db
    .selectFrom('events')
    .select((eb) => [
      'anon',
      countOf('page_view').as('page_views'),
      countOf('workshop_click').as('workshop_views'),
      countOf('reco_click').as('reco_clicks'),
      countOf('purchase').as('purchases'),
      countOf('room_join').as('room_joins'),
      countOf('room_interaction').as('interactions'),
      eb.fn.count('session').distinct().as('sessions'),
    ])
    .where('site_id', '=', q.siteId)
    .where('ts', '>=', q.period.start)
    .where('ts', '<', q.period.end)
    .groupBy('anon')
    .execute();
  return rows.map((r) => ({
    anon: r.anon,
    pageViews: Number(r.page_views),
    workshopViews: Number(r.workshop_views),
    recoClicks: Number(r.reco_clicks),
    purchases: Number(r.purchases),
    roomJoins: Number(r.room_joins),
    interactions: Number(r.interactions),
    sessions: Number(r.sessions),
  }));
}

/** FNV-1a: a stable hash, so that the held-out part and samples are the same on every run. */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** At most `max` items, picked by hash (not by order, which would favour early readers). */
export function stableSample<T>(items: readonly T[], key: (t: T) => string, max: number): T[] {
  if (items.length <= max) return [...items];
  return [...items].sort((a, b) => stableHash(key(a)) - stableHash(key(b))).slice(0, max);
}
