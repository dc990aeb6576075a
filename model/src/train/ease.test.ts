import { describe, expect, it } from 'vitest';
import { easeSimilarity } from './ease.ts';

describe('EASE', () => {
  it('learns co-enrolment with a zero diagonal and explains away indirect links', () => {
    // 0 is taken with 1, 1 with 2; 0 and 2 never together.
    const train = [[0, 1], [0, 1], [0, 1], [1, 2], [1, 2], [3]];
    const b = easeSimilarity(train, 4, { lambda: 1 });
    expect(b[0 * 4 + 0]).toBe(0);
    expect(b[0 * 4 + 1]).toBeGreaterThan(0.3);
    expect(b[1 * 4 + 2]).toBeGreaterThan(0);
    expect(b[0 * 4 + 2]).toBeLessThan(0);
    expect(b[0 * 4 + 3]).toBeCloseTo(0, 6);
  });

  it('links courses through shared side information before anyone enrolled', () => {
    const side = new Map([
      [0, ['tag:art', 'host:ann']],
      [1, ['tag:art', 'host:ann']],
      [2, ['tag:code', 'host:ann']],
    ]);
    const b = easeSimilarity([], 3, { lambda: 10, side });
    expect(b[0 * 3 + 1]).toBeGreaterThan(b[0 * 3 + 2]);
    expect(b[0 * 3 + 2]).toBeGreaterThan(0);
  });
});
