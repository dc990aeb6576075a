import type {
  RecoFigures,
  RecommendationsPanel,
  RecoVariant,
  RecoVariantFigures,
  RecoVerdict,
  RecoVersionFigures,
} from '../contract/analytics.ts';
import type { WORKSHOP_STEPS } from '../events/reader-journeys.ts';
import type { AnalyticsQuery } from './query.ts';
import { differenceInterval, round, roundOrNull, share, wilson } from './stats.ts';

const VARIANTS: readonly RecoVariant[] = ['model', 'popularity'];
/** Impressions per variant below which no verdict is given. */
export const MIN_IMPRESSIONS_FOR_VERDICT = 100;

type Counts = { impressions: number; clicks: number; checkouts: number; paid: number };

/** The widget labels reco events `<model version>:<variant>` (`fallback:popularity` without a model). */
export function parseRecoLabel(label: string | null): { version: string; variant: RecoVariant } | null {
  const at = label?.lastIndexOf(':') ?? -1;
  if (!label || at < 0) return null;
  const variant = label.slice(at + 1);
  if (!VARIANTS.includes(variant as RecoVariant)) return null;
  return { version: label.slice(0, at), variant: variant as RecoVariant };
}

/**
 * Clicks followed by the same reader's checkout (or purchase) of the clicked workshop, per label:
 * a click counts when the reader's latest such step (kept per reader and workshop by the event
 * writer, events/reader-journeys.ts) is not before it. One primary-key lookup per click.
 */
async function clicksFollowedBy(q: AnalyticsQuery, type: (typeof WORKSHOP_STEPS)[number]) {
  const rows = await q.db
    .selectFrom('events as c')
    .select((eb) => ['c.label', eb.fn.countAll().as('n')])
    .where('c.site_id', '=', q.siteId)
    .where('c.type', '=', 'reco_click')
    .where('c.ts', '>=', q.period.start)
    .where('c.ts', '<', q.period.end)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('reader_workshop_steps as s')
          .select('s.last_ts')
          .where('s.site_id', '=', q.siteId)
          .whereRef('s.anon', '=', 'c.anon')
          .whereRef('s.workshop_id', '=', 'c.workshop_id')
          .where('s.type', '=', type)
          .whereRef('s.last_ts', '>=', 'c.ts'),
      ),
    )
    .groupBy('c.label')
    .execute();
  return new Map(rows.map((r) => [r.label, Number(r.n)]));
}

function figures(c: Counts): RecoFigures {
  return {
    ...c,
    ctr: roundOrNull(share(c.clicks, c.impressions)),
    ctrInterval: wilson(c.clicks, c.impressions),
    checkoutRate: roundOrNull(share(c.checkouts, c.clicks)),
    checkoutInterval: wilson(c.checkouts, c.clicks),
    paidRate: roundOrNull(share(c.paid, c.clicks)),
    paidInterval: wilson(c.paid, c.clicks),
  };
}

/** Which variant leads on click-through, by how many points, and whether the 95 % interval excludes 0. */
export function verdict(model: Counts, popularity: Counts): RecoVerdict {
  const have = Math.min(model.impressions, popularity.impressions);
  if (have < MIN_IMPRESSIONS_FOR_VERDICT) {
    return { status: 'too_little_data', needed: MIN_IMPRESSIONS_FOR_VERDICT, have };
  }
  const d = differenceInterval(model.clicks, model.impressions, popularity.clicks, popularity.impressions);
  const diff = model.clicks / model.impressions - popularity.clicks / popularity.impressions;
  const interval = d ?? { low: 0, high: 0 };
  return {
    status: 'compared',
    leader: diff >= 0 ? 'model' : 'popularity',
    points: round(Math.abs(diff) * 100, 2),
    interval: { low: round(interval.low * 100, 2), high: round(interval.high * 100, 2) },
    significant: interval.low > 0 || interval.high < 0,
  };
}

/** Impressions, click-through and conversion per variant and per model version, with a verdict. */
export async function recommendationsPanel(q: AnalyticsQuery): Promise<RecommendationsPanel> {
  const [events, checkouts, paid] = await Promise.all([
    q.db
      .selectFrom('events')
      .select((eb) => ['label', 'type', eb.fn.countAll().as('n')])
      .where('site_id', '=', q.siteId)
      .where('type', 'in', ['reco_impression', 'reco_click'])
      .where('ts', '>=', q.period.start)
      .where('ts', '<', q.period.end)
      .groupBy(['label', 'type'])
      .execute(),
    clicksFollowedBy(q, 'checkout_start'),
    clicksFollowedBy(q, 'purchase'),
  ]);
  const byLabel = new Map<string, Counts & { version: string; variant: RecoVariant }>();
  for (const e of events) {
    const parsed = parseRecoLabel(e.label);
    if (!parsed || !e.label) continue;
    const c = byLabel.get(e.label) ?? {
      ...parsed,
      impressions: 0,
      clicks: 0,
      checkouts: checkouts.get(e.label) ?? 0,
      paid: paid.get(e.label) ?? 0,
    };
    if (e.type === 'reco_impression') c.impressions += Number(e.n);
    else c.clicks += Number(e.n);
    byLabel.set(e.label, c);
  }
  const sum = (variant: RecoVariant): Counts => {
    const rows = [...byLabel.values()].filter((r) => r.variant === variant);
    const total = (k: keyof Counts) => rows.reduce((s, r) => s + r[k], 0);
    return {
      impressions: total('impressions'),
      clicks: total('clicks'),
      checkouts: total('checkouts'),
      paid: total('paid'),
    };
  };
  const totals = { model: sum('model'), popularity: sum('popularity') };
  const variants: RecoVariantFigures[] = VARIANTS.map((variant) => ({
    variant,
    ...figures(totals[variant]),
  }));
  const versions: RecoVersionFigures[] = [...byLabel.values()]
    .sort((a, b) => b.impressions - a.impressions)
    .map(({ version, variant, ...c }) => ({ version, variant, ...figures(c) }));
  return { variants, versions, verdict: verdict(totals.model, totals.popularity) };
}
