import type { Analytics } from '../contract/analytics.ts';
import type { Db } from '../db/database.ts';
import { weightsOf } from '../ratings/satisfaction.ts';
import { attendancePanel } from './attendance.ts';
import { funnelPanel } from './funnel.ts';
import { learnerActivity } from './learners.ts';
import { pagesPanel } from './pages.ts';
import { predictionPanel } from './prediction.ts';
import { type AnalyticsQuery, workshopTitles } from './query.ts';
import { type Period, previousPeriod, rangeOf } from './range.ts';
import { realtimePanel } from './realtime.ts';
import { recommendationsPanel } from './recommendations.ts';
import { retentionPanel } from './retention.ts';
import { freeRegistrations, revenuePanel } from './revenue.ts';
import { satisfactionPanel } from './satisfaction.ts';
import { segmentsPanel } from './segments.ts';
import { workshopsPanel } from './workshops.ts';

export type AnalyticsSite = { id: string; settings: Record<string, unknown> };

export async function analyticsQuery(
  db: Db,
  site: AnalyticsSite,
  period: Period,
  now: number,
): Promise<AnalyticsQuery> {
  return {
    db,
    siteId: site.id,
    period,
    previous: previousPeriod(period),
    now,
    titles: await workshopTitles(db, site.id),
    weights: weightsOf(site.settings),
  };
}

/**
 * Every panel of the owner's analytics for one site and period: the endpoint, the export and
 * `lectern analytics` all answer with this. Panels run one after the other: SQLite has one
 * connection, and in sequence each panel's time is its own (the benchmark measures them so).
 */
export async function computeAnalytics(
  db: Db,
  site: AnalyticsSite,
  period: Period,
  now: number,
): Promise<Analytics> {
  const q = await analyticsQuery(db, site, period, now);
  const funnel = await funnelPanel(q);
  const learners = await learnerActivity(q);
  return {
    site: site.id,
    range: rangeOf(q.period),
    previousRange: rangeOf(q.previous),
    funnel,
    revenue: await revenuePanel(q),
    freeRegistrations: await freeRegistrations(q),
    attendance: await attendancePanel(q),
    retention: await retentionPanel(q, learners),
    recommendations: await recommendationsPanel(q),
    satisfaction: await satisfactionPanel(q),
    realtime: await realtimePanel(q),
    pages: await pagesPanel(q),
    workshops: await workshopsPanel(q, funnel),
    prediction: await predictionPanel(q, learners),
    segments: segmentsPanel(learners),
  };
}
