import type { BuyerCohort, RetentionPanel } from '../contract/analytics.ts';
import { OTHER } from '../contract/analytics.ts';
import { foldSmallRows } from './fold.ts';
import type { LearnerActivity } from './learners.ts';
import type { AnalyticsQuery } from './query.ts';
import { DAY_MS } from './range.ts';
import { round, roundOrNull, share } from './stats.ts';

const MAX_COHORTS = 12;

/** Each buyer's paid orders (payment times, ascending), up to the end of the period. */
async function purchasesByBuyer(q: AnalyticsQuery): Promise<number[][]> {
  // At most one row per order: a site's orders are thousands, not millions.
  const rows = await q.db
    .selectFrom('orders')
    .select(['email', 'paid_at'])
    .where('site_id', '=', q.siteId)
    .where('provider', '!=', 'free')
    .where('status', 'in', ['paid', 'refunded'])
    .where('email', 'is not', null)
    .where('paid_at', '<', q.period.end)
    .orderBy('paid_at')
    .execute();
  const byBuyer = new Map<string, number[]>();
  for (const r of rows) {
    const email = (r.email ?? '').toLowerCase();
    const list = byBuyer.get(email) ?? [];
    list.push(Number(r.paid_at));
    byBuyer.set(email, list);
  }
  return [...byBuyer.values()];
}

/** Months since year 0 (UTC): a number, because formatting a date per purchase is most of this panel's time. */
function monthOf(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}
const monthLabel = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

function cohorts(buyers: readonly number[][]): BuyerCohort[] {
  const byMonth = new Map<number, { buyers: number; returned: number }>();
  for (const times of buyers) {
    const first = monthOf(times[0]);
    const c = byMonth.get(first) ?? { buyers: 0, returned: 0 };
    c.buyers += 1;
    // Times are ascending: the buyer came back in a later month if their last purchase is in one.
    if (monthOf(times[times.length - 1]) > first) c.returned += 1;
    byMonth.set(first, c);
  }
  const rows = [...byMonth]
    .sort(([a], [b]) => a - b)
    .slice(-MAX_COHORTS)
    .map(([m, c]) => ({ month: monthLabel(m), ...c, rate: roundOrNull(share(c.returned, c.buyers)) }));
  return foldSmallRows(
    rows,
    (r) => r.buyers,
    (small) => {
      const buyers = small.reduce((s, r) => s + r.buyers, 0);
      const returned = small.reduce((s, r) => s + r.returned, 0);
      return { month: OTHER, buyers, returned, rate: roundOrNull(share(returned, buyers)) };
    },
  );
}

/** Repurchase within 30 / 90 days, monthly buyer cohorts, returning readers. */
export async function retentionPanel(
  q: AnalyticsQuery,
  learners: readonly LearnerActivity[],
): Promise<RetentionPanel> {
  const buyers = await purchasesByBuyer(q);
  // Readers seen in the period, and how many came back in another session.
  const seen = { readers: learners.length, returning: learners.filter((l) => l.sessions > 1).length };
  const fresh = buyers.filter((t) => t[0] >= q.period.start);
  const within = (days: number) => fresh.filter((t) => t.length > 1 && t[1] - t[0] <= days * DAY_MS).length;
  return {
    newBuyers: fresh.length,
    repurchase30: roundOrNull(share(within(30), fresh.length)),
    repurchase90: roundOrNull(share(within(90), fresh.length)),
    cohorts: cohorts(buyers),
    readers: seen.readers,
    returningReaders: seen.returning,
    returningRate: seen.readers ? round(seen.returning / seen.readers) : null,
  };
}
