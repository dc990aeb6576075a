import { MIN_LEARNERS_PER_ROW } from '../contract/analytics.ts';

/**
 * Privacy: a breakdown row covering fewer than 5 learners could single one out, so such rows are
 * merged into one `other` row (built by `merge`), listed last. `other` itself may be small: it
 * no longer says which workshop or page a learner was on.
 */
export function foldSmallRows<R>(
  rows: readonly R[],
  learnersOf: (row: R) => number,
  merge: (small: R[]) => R,
): R[] {
  const kept = rows.filter((r) => learnersOf(r) >= MIN_LEARNERS_PER_ROW);
  const small = rows.filter((r) => learnersOf(r) < MIN_LEARNERS_PER_ROW);
  return small.length ? [...kept, merge(small)] : kept;
}

/** Sums the numeric fields `keys` of rows (for building an `other` row). */
export function sumFields<R, K extends keyof R>(rows: readonly R[], keys: readonly K[]): Pick<R, K> {
  const out = {} as Record<K, number>;
  for (const k of keys) {
    let total = 0;
    for (const r of rows) total += Number(r[k]);
    out[k] = total;
  }
  return out as Pick<R, K>;
}
