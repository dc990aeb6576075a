import type { AnalyticsQuery } from './query.ts';
import { dayNumber } from './range.ts';

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

/**
 * One row per reader seen in the period, from the per-day aggregates the event writer keeps
 * (migration 016): a period is whole UTC days, so its days hold exactly its events. Ordered by
 * reader so that segments and samples come out the same on every run and on both databases.
 */
export async function learnerActivity(q: AnalyticsQuery): Promise<LearnerActivity[]> {
  const rows = await q.db
    .selectFrom('reader_activity')
    .select((eb) => [
      'anon',
      eb.fn.sum<number>('page_views').as('page_views'),
      eb.fn.sum<number>('workshop_views').as('workshop_views'),
      eb.fn.sum<number>('reco_clicks').as('reco_clicks'),
      eb.fn.sum<number>('purchases').as('purchases'),
      eb.fn.sum<number>('room_joins').as('room_joins'),
      eb.fn.sum<number>('interactions').as('interactions'),
      eb.fn.count('session').distinct().as('sessions'),
    ])
    .where('site_id', '=', q.siteId)
    .where('day', '>=', dayNumber(q.period.start))
    .where('day', '<', dayNumber(q.period.end))
    .groupBy('anon')
    .orderBy('anon')
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

/** Items up to this many get their input position packed under the hash in one float (2^21). */
const PACKED = 2_097_152;

/** At most `max` items, picked by hash (not by order, which would favour early readers). */
export function stableSample<T>(items: readonly T[], key: (t: T) => string, max: number): T[] {
  if (items.length <= max) return [...items];
  if (items.length > PACKED) {
    return items
      .map((item, index) => ({ item, hash: stableHash(key(item)), index }))
      .sort((a, b) => a.hash - b.hash || a.index - b.index)
      .slice(0, max)
      .map((h) => h.item);
  }
  // hash · 2^21 + position stays below 2^53, so it is exact: one native numeric sort orders by
  // hash, ties in input order, with no comparator call and no object per item.
  const order = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) order[i] = stableHash(key(items[i])) * PACKED + i;
  order.sort();
  return Array.from(order.subarray(0, max), (packed) => items[packed % PACKED]);
}
