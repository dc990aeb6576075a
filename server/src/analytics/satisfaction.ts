import type {
  CriterionName,
  SatisfactionFigures,
  SatisfactionPanel,
  SatisfactionWeek,
  WorkshopSatisfaction,
} from '../contract/analytics.ts';
import { OTHER } from '../contract/analytics.ts';
import { RATING_CRITERIA, satisfaction } from '../contract/satisfaction.ts';
import { foldSmallRows } from './fold.ts';
import type { AnalyticsQuery } from './query.ts';
import { DAY_MS, isoDay, type Period } from './range.ts';
import { round } from './stats.ts';

type Rating = Record<CriterionName, number> & { workshop_id: string; created_at: number };

/** Ratings given in the period (one per ticket: a site has as many as it had attendees). */
function ratingsIn(q: AnalyticsQuery, period: Period): Promise<Rating[]> {
  return q.db
    .selectFrom('ratings')
    .select(['workshop_id', 'created_at', 'content', 'instructor', 'interactivity'])
    .where('site_id', '=', q.siteId)
    .where('created_at', '>=', period.start)
    .where('created_at', '<', period.end)
    .execute();
}

function averages(rows: readonly Rating[]): Record<CriterionName, number | null> {
  const out = {} as Record<CriterionName, number | null>;
  for (const c of RATING_CRITERIA)
    out[c] = rows.length ? round(rows.reduce((s, r) => s + r[c], 0) / rows.length, 2) : null;
  return out;
}

function figures(q: AnalyticsQuery, rows: readonly Rating[]): SatisfactionFigures {
  const avg = averages(rows);
  if (!rows.length) return { ratings: 0, score: null };
  return { ratings: rows.length, score: satisfaction(avg as Record<CriterionName, number>, q.weights) };
}

/** The Monday (UTC) of the week an instant falls in; day 0 of the epoch was a Thursday. */
export function weekOf(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  return isoDay((day - ((day + 3) % 7)) * DAY_MS);
}

function groupBy<K>(rows: readonly Rating[], key: (r: Rating) => K): Map<K, Rating[]> {
  const out = new Map<K, Rating[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/** S = Σ wᵢCᵢ with the site's weights, per workshop and per week, and each criterion's 1–5 spread. */
export async function satisfactionPanel(q: AnalyticsQuery): Promise<SatisfactionPanel> {
  const [now, before] = await Promise.all([ratingsIn(q, q.period), ratingsIn(q, q.previous)]);
  const perWorkshop = [...groupBy(now, (r) => r.workshop_id)].sort((a, b) => b[1].length - a[1].length);
  // One rating is one learner: a workshop rated by fewer than 5 is shown only inside `other`.
  const workshops: WorkshopSatisfaction[] = foldSmallRows(
    perWorkshop,
    ([, rows]) => rows.length,
    (small) => [OTHER, small.flatMap(([, rows]) => rows)] as [string, Rating[]],
  ).map(([id, rows]) => ({
    workshopId: id,
    title: q.titles.get(id) ?? '',
    ...figures(q, rows),
    criteria: averages(rows),
  }));
  const byWeek: SatisfactionWeek[] = [...groupBy(now, (r) => weekOf(Number(r.created_at)))]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, rows]) => ({ week, ...figures(q, rows) }));
  const distribution = {} as SatisfactionPanel['distribution'];
  for (const c of RATING_CRITERIA) {
    const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    for (const r of now) if (r[c] >= 1 && r[c] <= 5) counts[r[c] - 1] += 1;
    distribution[c] = counts;
  }
  return {
    ...figures(q, now),
    weights: { ...q.weights },
    previous: figures(q, before),
    workshops,
    byWeek,
    distribution,
  };
}
