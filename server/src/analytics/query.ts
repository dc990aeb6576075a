import type { RatingWeights } from '../contract/satisfaction.ts';
import type { Db } from '../db/database.ts';
import type { Period } from './range.ts';

/** What every panel's query reads: the site, the period asked for and the one before it. */
export type AnalyticsQuery = {
  db: Db;
  siteId: string;
  period: Period;
  previous: Period;
  now: number;
  /** Workshop titles of the site by id (small: a site has hundreds of workshops at most). */
  titles: ReadonlyMap<string, string>;
  /** The site's satisfaction weights. */
  weights: RatingWeights;
};

export async function workshopTitles(db: Db, siteId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('workshops')
    .select(['id', 'title'])
    .where('site_id', '=', siteId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** The map's entry for `key`, created by `make` the first time. */
export function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Events of one type in the period: answered from the (site, type, ts) index alone. */
export async function countType(
  q: Pick<AnalyticsQuery, 'db' | 'siteId'>,
  period: Period,
  type: string,
): Promise<number> {
  const row = await q.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('site_id', '=', q.siteId)
    .where('type', '=', type)
    .where('ts', '>=', period.start)
    .where('ts', '<', period.end)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type EventCount = { type: string; workshopId: string | null; n: number; readers: number };

/** Events of the given types in the period, counted per type and workshop (and distinct readers). */
export async function countEvents(
  q: Pick<AnalyticsQuery, 'db' | 'siteId'>,
  period: Period,
  types: readonly string[],
): Promise<EventCount[]> {
  const rows = await q.db
    .selectFrom('events')
    .select((eb) => [
      'type',
      'workshop_id',
      eb.fn.countAll().as('n'),
      eb.fn.count('anon').distinct().as('readers'),
    ])
    .where('site_id', '=', q.siteId)
    .where('type', 'in', types)
    .where('ts', '>=', period.start)
    .where('ts', '<', period.end)
    .groupBy(['type', 'workshop_id'])
    .execute();
  return rows.map((r) => ({
    type: r.type,
    workshopId: r.workshop_id,
    n: Number(r.n),
    readers: Number(r.readers),
  }));
}

/** Paid orders (refunded ones included) by payment day in the period, per workshop. */
export async function paidOrdersByWorkshop(q: Pick<AnalyticsQuery, 'db' | 'siteId'>, period: Period) {
  const rows = await q.db
    .selectFrom('orders')
    .select((eb) => ['workshop_id', eb.fn.countAll().as('n'), eb.fn.count('email').distinct().as('buyers')])
    .where('site_id', '=', q.siteId)
    .where('status', 'in', ['paid', 'refunded'])
    .where('paid_at', '>=', period.start)
    .where('paid_at', '<', period.end)
    .groupBy('workshop_id')
    .execute();
  return new Map(rows.map((r) => [r.workshop_id, { n: Number(r.n), buyers: Number(r.buyers) }]));
}

/** Tickets whose holder connected to the live room in the period, per workshop. */
export async function attendedByWorkshop(q: Pick<AnalyticsQuery, 'db' | 'siteId'>, period: Period) {
  const rows = await q.db
    .selectFrom('room_passes')
    .select((eb) => ['workshop_id', eb.fn.count('ticket_id').distinct().as('n')])
    .where('site_id', '=', q.siteId)
    .where('role', '=', 'learner')
    .where('connected_at', '>=', period.start)
    .where('connected_at', '<', period.end)
    .groupBy('workshop_id')
    .execute();
  return new Map(rows.map((r) => [r.workshop_id, Number(r.n)]));
}
