import { sql } from 'kysely';
import type { PredictionPanel, TooLittleData, TrainedModel } from '../contract/analytics.ts';
import type { LearnerActivity } from './learners.ts';
import { stableHash, stableSample } from './learners.ts';
import { auc, type Example, predict, trainLogistic } from './logistic.ts';
import type { AnalyticsQuery } from './query.ts';
import { DAY_MS } from './range.ts';
import { round } from './stats.ts';

/** Examples of each outcome (attended and not, bought and not) a model needs. */
export const MIN_PER_OUTCOME = 20;
/** Training cost is linear in examples: beyond this many, a stable sample is enough. */
const MAX_EXAMPLES = 5_000;

type Keyed = Example & { key: string };

/** Trains on 80 % (by a stable hash of the example's key) and measures AUC on the other 20 %. */
export function fitModel(names: readonly string[], examples: readonly Keyed[]): TrainedModel | TooLittleData {
  const positives = examples.filter((e) => e.y === 1).length;
  const have = Math.min(positives, examples.length - positives);
  if (have < MIN_PER_OUTCOME) return { status: 'too_little_data', needed: MIN_PER_OUTCOME, have };
  const sample = stableSample(examples, (e) => e.key, MAX_EXAMPLES);
  const held = sample.map((e) => stableHash(`split:${e.key}`) % 5 === 0);
  const test = sample.filter((_, i) => held[i]);
  const train = sample.filter((_, i) => !held[i]);
  const model = trainLogistic(train);
  const score = auc(
    test.map((e) => predict(model, e.x)),
    test.map((e) => e.y),
  );
  return {
    status: 'trained',
    features: names.map((name, j) => ({ name, weight: round(model.weights[j], 3) })),
    intercept: round(model.intercept, 3),
    auc: score === null ? null : round(score, 3),
    trainSize: train.length,
    testSize: test.length,
    baseRate: round(positives / examples.length),
  };
}

const ATTEND_FEATURES = ['daysBooked', 'free', 'weekend', 'durationHours', 'seatsFilled'] as const;

/** Tickets of workshops that have ended by the end of the period, with whether their holder came. */
async function attendExamples(q: AnalyticsQuery): Promise<Keyed[]> {
  const ended = sql<number>`w.starts_at + w.duration_minutes * 60000`;
  const end = Math.min(q.now, q.period.end);
  // The workshops' own columns are read once per workshop, not once per ticket: every column of
  // every row costs the driver an allocation, and the tickets are thousands.
  const [workshops, rows] = await Promise.all([
    q.db
      .selectFrom('workshops as w')
      .select(['w.id', 'w.starts_at', 'w.duration_minutes', 'w.capacity'])
      .where('w.site_id', '=', q.siteId)
      .where(ended, '<', end)
      .execute(),
    q.db
      .selectFrom('tickets as t')
      .innerJoin('orders as o', 'o.id', 't.order_id')
      .innerJoin('workshops as w', 'w.id', 't.workshop_id')
      .select([
        't.id',
        't.workshop_id',
        't.issued_at',
        'o.amount',
        sql<number>`case when exists (select 1 from room_passes p where p.ticket_id = t.id and p.connected_at is not null) then 1 else 0 end`.as(
          'attended',
        ),
      ])
      .where('t.site_id', '=', q.siteId)
      .where('t.status', '=', 'active')
      .where(ended, '<', end)
      .execute(),
  ]);
  const perWorkshop = new Map<string, number>();
  for (const r of rows) perWorkshop.set(r.workshop_id, (perWorkshop.get(r.workshop_id) ?? 0) + 1);
  const features = new Map(
    workshops.map((w) => {
      const weekday = new Date(Number(w.starts_at)).getUTCDay();
      return [
        w.id,
        {
          startsAt: Number(w.starts_at),
          weekend: weekday === 0 || weekday === 6 ? 1 : 0,
          hours: Number(w.duration_minutes) / 60,
          seatsFilled: (perWorkshop.get(w.id) ?? 0) / Math.max(1, Number(w.capacity)),
        },
      ];
    }),
  );
  return rows.flatMap((r) => {
    const w = features.get(r.workshop_id);
    if (!w) return []; // ended between the two reads
    return [
      {
        key: r.id,
        x: [
          Math.max(0, (w.startsAt - Number(r.issued_at)) / DAY_MS),
          Number(r.amount) === 0 ? 1 : 0,
          w.weekend,
          w.hours,
          w.seatsFilled,
        ],
        y: Number(r.attended) > 0 ? 1 : 0,
      },
    ];
  });
}

const BUY_FEATURES = ['pageViews', 'workshopViews', 'recoClicks', 'sessions'] as const;

function buyExamples(learners: readonly LearnerActivity[]): Keyed[] {
  return learners.map((l) => ({
    key: l.anon,
    x: [l.pageViews, l.workshopViews, l.recoClicks, l.sessions],
    y: l.purchases > 0 ? 1 : 0,
  }));
}

/** P(attend) for ticket holders and P(buy) for readers, trained on this site's own data. */
export async function predictionPanel(
  q: AnalyticsQuery,
  learners: readonly LearnerActivity[],
): Promise<PredictionPanel> {
  return {
    attend: fitModel(ATTEND_FEATURES, await attendExamples(q)),
    buy: fitModel(BUY_FEATURES, buyExamples(learners)),
  };
}
