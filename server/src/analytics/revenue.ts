import { sql } from 'kysely';
import type { CurrencyRevenue, FreeRegistrations, RevenueDay, RevenueTotals } from '../contract/analytics.ts';
import type { AnalyticsQuery } from './query.ts';
import { DAY_MS, isoDay, type Period } from './range.ts';

type DayRow = { currency: string; day: number; gross: number; refunded: number; orders: number };

/**
 * Paid orders per currency and UTC day of payment. Integer division of ms is a day number on
 * SQLite and PostgreSQL alike (both truncate bigint / integer). Free registrations are left out.
 */
async function paidByDay(q: AnalyticsQuery, period: Period): Promise<DayRow[]> {
  const day = sql<number>`paid_at / ${sql.lit(DAY_MS)}`;
  const rows = await q.db
    .selectFrom('orders')
    .select((eb) => [
      'currency',
      day.as('day'),
      eb.fn.countAll().as('orders'),
      eb.fn.sum('amount').as('gross'),
      eb.fn
        .sum(eb.case().when('status', '=', 'refunded').then(eb.ref('amount')).else(0).end())
        .as('refunded'),
    ])
    .where('site_id', '=', q.siteId)
    .where('provider', '!=', 'free')
    .where('status', 'in', ['paid', 'refunded'])
    .where('paid_at', '>=', period.start)
    .where('paid_at', '<', period.end)
    .groupBy(['currency', day])
    .execute();
  return rows.map((r) => ({
    currency: r.currency,
    day: Number(r.day),
    gross: Number(r.gross),
    refunded: Number(r.refunded),
    orders: Number(r.orders),
  }));
}

function totals(rows: readonly Omit<DayRow, 'currency' | 'day'>[]): RevenueTotals {
  const gross = rows.reduce((s, r) => s + r.gross, 0);
  const refunded = rows.reduce((s, r) => s + r.refunded, 0);
  const orders = rows.reduce((s, r) => s + r.orders, 0);
  return {
    gross,
    refunded,
    net: gross - refunded,
    orders,
    averageOrderValue: orders ? Math.round(gross / orders) : null,
  };
}

/** Gross, refunded and net per currency (never summed across currencies), with every day of the range. */
export async function revenuePanel(q: AnalyticsQuery): Promise<CurrencyRevenue[]> {
  const [now, before] = await Promise.all([paidByDay(q, q.period), paidByDay(q, q.previous)]);
  const currencies = [...new Set([...now, ...before].map((r) => r.currency))].sort();
  return currencies.map((currency) => {
    const rows = now.filter((r) => r.currency === currency);
    const byDay: RevenueDay[] = [];
    for (let ms = q.period.start; ms < q.period.end; ms += DAY_MS) {
      const r = rows.find((x) => x.day === ms / DAY_MS);
      const gross = r?.gross ?? 0;
      const refunded = r?.refunded ?? 0;
      byDay.push({ day: isoDay(ms), gross, refunded, net: gross - refunded, orders: r?.orders ?? 0 });
    }
    return {
      currency,
      ...totals(rows),
      byDay,
      previous: totals(before.filter((r) => r.currency === currency)),
    };
  });
}

async function freeCount(q: AnalyticsQuery, period: Period): Promise<number> {
  const row = await q.db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('site_id', '=', q.siteId)
    .where('provider', '=', 'free')
    .where('status', '=', 'paid')
    .where('paid_at', '>=', period.start)
    .where('paid_at', '<', period.end)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Confirmed free registrations, counted apart from revenue. */
export async function freeRegistrations(q: AnalyticsQuery): Promise<FreeRegistrations> {
  const [count, previous] = await Promise.all([freeCount(q, q.period), freeCount(q, q.previous)]);
  return { count, previous };
}
