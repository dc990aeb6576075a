import { describe, expect, it } from 'vitest';
import { hitAt, MetricAccumulator, ndcgAt, rankOf } from './metrics.ts';
import { evaluate, leaveLastOut } from './protocol.ts';

describe('metrics', () => {
  it('HR and NDCG by hand', () => {
    expect(hitAt(0, 10)).toBe(1);
    expect(hitAt(9, 10)).toBe(1);
    expect(hitAt(10, 10)).toBe(0);
    expect(hitAt(null, 10)).toBe(0);
    expect(ndcgAt(0, 10)).toBe(1);
    expect(ndcgAt(1, 10)).toBeCloseTo(1 / Math.log2(3), 12);
    expect(ndcgAt(3, 10)).toBeCloseTo(0.430676558, 8);
    expect(ndcgAt(10, 10)).toBe(0);
  });

  it('averages over learners', () => {
    const acc = new MetricAccumulator();
    for (const r of [0, 1, 15, null]) acc.add(r);
    const m = acc.result();
    expect(m.users).toBe(4);
    expect(m.hr10).toBe(0.5);
    expect(m.recall20).toBe(0.75);
    expect(m.ndcg10).toBeCloseTo((1 + 1 / Math.log2(3)) / 4, 12);
  });

  it('ranks the target among untaken items, pessimistic on ties', () => {
    const scores = Float32Array.from([0.9, 0.5, 0.7, 0.5, 0.1]);
    expect(rankOf(scores, 1, new Set())).toBe(2); // 0.9 and 0.7 above; the equal 0.5 at index 3 comes after
    expect(rankOf(scores, 3, new Set())).toBe(3); // 0.9, 0.7, and the equal score at lower index 1
    expect(rankOf(scores, 3, new Set([0, 2]))).toBe(1);
    expect(rankOf(scores, 0, new Set([0]))).toBeNull();
  });

  it('leave-last-out holds out the last item and evaluates one path for any scorer', () => {
    const split = leaveLastOut([[1, 2, 3], [4], [2, 0]]);
    expect(split.train).toEqual([[1, 2], [4], [2]]);
    expect(split.cases).toEqual([
      { history: [1, 2], target: 3 },
      { history: [2], target: 0 },
    ]);
    // A scorer that puts item 3 first and item 0 last among 5 items.
    const m = evaluate(split.cases, () => Float32Array.from([0, 0.5, 0.6, 1, 0.2]));
    expect(m.hr10).toBe(1);
    // Learner 1: item 3 ranks first. Learner 2 (item 2 taken): items 3, 1 and 4 all beat item 0 → rank 3.
    expect(m.ndcg10).toBeCloseTo((1 + 1 / Math.log2(5)) / 2, 12);
  });
});
