import type { Recommender } from '../runtime/recommender.ts';
import { MetricAccumulator, type Metrics } from './metrics.ts';

/**
 * Evaluates the exported model through the runtime (what ships is what is evaluated): the rank of
 * the held-out item is its position in the model's top list (history excluded), a miss beyond it.
 */
export async function evaluateRecommender(
  recommender: Recommender,
  cases: readonly { history: string[]; target: string }[],
  k = 20,
): Promise<Metrics> {
  const acc = new MetricAccumulator();
  for (const { history, target } of cases) {
    if (history.includes(target)) {
      acc.add(null);
      continue;
    }
    const { items } = await recommender.recommend(history, { k });
    const pos = items.indexOf(target);
    acc.add(pos < 0 ? null : pos);
  }
  return acc.result();
}
