import { MetricAccumulator, type Metrics, rankOf } from './metrics.ts';

/** Scores every item (length N) for a history of item indices, oldest first. */
export type Scorer = (history: readonly number[]) => Float32Array | Float64Array;

export type Split = {
  /** Training sequences: every learner's history without the last item. */
  train: number[][];
  /** The held-out evaluation cases. */
  cases: { history: number[]; target: number }[];
};

/** Leave-last-out: hold out each learner's last item; learners with fewer than 2 items only train. */
export function leaveLastOut(sequences: readonly number[][]): Split {
  const train: number[][] = [];
  const cases: Split['cases'] = [];
  for (const seq of sequences) {
    if (seq.length < 2) {
      train.push([...seq]);
      continue;
    }
    const history = seq.slice(0, -1);
    train.push(history);
    cases.push({ history, target: seq[seq.length - 1] });
  }
  return { train, cases };
}

/** Full ranking over all items the learner has not taken: one code path for every model. */
export function evaluate(cases: Split['cases'], score: Scorer): Metrics {
  const acc = new MetricAccumulator();
  for (const { history, target } of cases) acc.add(rankOf(score(history), target, new Set(history)));
  return acc.result();
}

/**
 * Secondary, easier metric: the target against `negatives` random items the learner has not
 * taken (HR@10 and NDCG@10 within that small list). Reported only next to the full ranking.
 */
export function evaluateSampled(
  cases: Split['cases'],
  score: Scorer,
  itemCount: number,
  negatives = 100,
  seed = 7,
): Metrics {
  let state = seed >>> 0;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const acc = new MetricAccumulator();
  for (const { history, target } of cases) {
    const taken = new Set(history);
    if (taken.has(target)) {
      acc.add(null);
      continue;
    }
    const scores = score(history);
    const t = scores[target];
    let rank = 0;
    const picked = new Set<number>();
    while (picked.size < Math.min(negatives, itemCount - taken.size - 1)) {
      const j = Math.floor(random() * itemCount);
      if (j === target || taken.has(j) || picked.has(j)) continue;
      picked.add(j);
      if (scores[j] > t || (scores[j] === t && j < target)) rank++;
    }
    acc.add(rank);
  }
  return acc.result();
}
