import { sql } from 'kysely';
import type { PageRow, PagesPanel } from '../contract/analytics.ts';
import { OTHER } from '../contract/analytics.ts';
import { foldSmallRows } from './fold.ts';
import type { AnalyticsQuery } from './query.ts';
import { DAY_MS } from './range.ts';

export const TOP_PAGES = 10;
/** A page view counts towards a purchase by the same reader up to 30 days before it. */
export const ATTRIBUTION_MS = 30 * DAY_MS;

function fold(rows: PageRow[]): PageRow[] {
  return foldSmallRows(
    rows,
    (r) => r.readers,
    (small) => ({
      path: OTHER,
      views: small.reduce((s, r) => s + r.views, 0),
      readers: small.reduce((s, r) => s + r.readers, 0),
      purchases: small.reduce((s, r) => s + r.purchases, 0),
    }),
  );
}

/** Top paths by views, and by the purchases of readers who had viewed them (within 30 days before). */
export async function pagesPanel(q: AnalyticsQuery): Promise<PagesPanel> {
  const [viewed, bought] = await Promise.all([
    q.db
      .selectFrom('events')
      .select((eb) => ['path', eb.fn.countAll().as('views'), eb.fn.count('anon').distinct().as('readers')])
      .where('site_id', '=', q.siteId)
      .where('type', '=', 'page_view')
      .where('path', 'is not', null)
      .where('ts', '>=', q.period.start)
      .where('ts', '<', q.period.end)
      .groupBy('path')
      .orderBy('views', 'desc')
      .limit(TOP_PAGES * 3)
      .execute(),
    // Each purchase looks up its reader's days of page views up to 30 days before it (kept by the
    // event writer, events/reader-journeys.ts): a day counts when one of its views is inside the
    // window, which its first and last view's times tell exactly (no day spans both ends).
    q.db
      .selectFrom('events as b')
      .innerJoin('reader_pages as p', (join) =>
        join
          .onRef('p.site_id', '=', 'b.site_id')
          .onRef('p.anon', '=', 'b.anon')
          .on('p.day', '>=', sql<number>`(b.ts - ${sql.lit(ATTRIBUTION_MS)}) / ${sql.lit(DAY_MS)}`)
          .on('p.day', '<=', sql<number>`b.ts / ${sql.lit(DAY_MS)}`)
          .onRef('p.first_ts', '<=', 'b.ts')
          .on('p.last_ts', '>=', sql<number>`b.ts - ${sql.lit(ATTRIBUTION_MS)}`),
      )
      .select((eb) => [
        'p.path',
        eb.fn.count('b.id').distinct().as('purchases'),
        eb.fn.count('b.anon').distinct().as('readers'),
      ])
      .where('b.site_id', '=', q.siteId)
      .where('b.type', '=', 'purchase')
      .where('b.ts', '>=', q.period.start)
      .where('b.ts', '<', q.period.end)
      .groupBy('p.path')
      .orderBy('purchases', 'desc')
      .limit(TOP_PAGES * 3)
      .execute(),
  ]);
  const purchasesOf = new Map(bought.map((b) => [b.path, Number(b.purchases)]));
  const viewsOf = new Map(viewed.map((v) => [v.path, Number(v.views)]));
  const byViews = viewed.map((v) => ({
    path: v.path ?? '',
    views: Number(v.views),
    readers: Number(v.readers),
    purchases: purchasesOf.get(v.path ?? '') ?? 0,
  }));
  const byPurchases = bought.map((b) => ({
    path: b.path,
    views: viewsOf.get(b.path) ?? 0,
    readers: Number(b.readers),
    purchases: Number(b.purchases),
  }));
  return {
    byViews: fold(byViews).slice(0, TOP_PAGES + 1),
    byPurchases: fold(byPurchases).slice(0, TOP_PAGES + 1),
  };
}
