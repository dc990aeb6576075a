import { describe, expect, it } from 'vitest';
import { cosineCoEnrolment, itemKnn } from './item-knn.ts';
import { recencyItemKnn } from './recency-item-knn.ts';

// Items 0..4. 0 and 1 are each taken with a different follower: 0 with 2, 1 with 3.
const train = [
  [0, 2],
  [0, 2],
  [1, 3],
  [1, 3],
  [1, 3],
  [4, 1],
];

describe('recency-weighted item-kNN', () => {
  it('uses cosine co-enrolment', () => {
    const co = cosineCoEnrolment(train, 5);
    // 0 and 2: 2 learners together, 2 each → 2/√(2·2) = 1. 1 and 3: 3/√(4·3).
    expect(co[0 * 5 + 2]).toBeCloseTo(1, 6);
    expect(co[1 * 5 + 3]).toBeCloseTo(3 / Math.sqrt(12), 6);
    expect(co[1 * 5 + 4]).toBeCloseTo(1 / Math.sqrt(4), 6);
    expect(co[0 * 5 + 0]).toBe(0);
  });

  it('weights the latest course most, by position', () => {
    const score = recencyItemKnn(train, 5, { window: 5, decay: 0.5 });
    const co = cosineCoEnrolment(train, 5);
    const s = score([0, 1]); // 1 is the latest (weight 1), 0 before it (weight 0.5)
    expect(s[3]).toBeCloseTo(co[1 * 5 + 3], 6);
    expect(s[2]).toBeCloseTo(0.5 * co[0 * 5 + 2], 6);
    expect(s[3]).toBeGreaterThan(s[2]);
    // Plain item-kNN ignores the order and ranks 2 first.
    const plain = itemKnn(train, 5)([0, 1]);
    expect(plain[2]).toBeGreaterThan(plain[3]);
    // Reversed history: now 0 is the latest, so 2 comes first.
    const r = score([1, 0]);
    expect(r[2]).toBeGreaterThan(r[3]);
  });

  it('looks at the last `window` distinct courses only', () => {
    const score = recencyItemKnn(train, 5, { window: 1, decay: 0.5 });
    const s = score([0, 1, 1]);
    expect(s[2]).toBe(0); // course 0 is outside the window of one
    expect(s[3]).toBeGreaterThan(0);
    expect([...score([])]).toEqual([0, 0, 0, 0, 0]);
  });
});
