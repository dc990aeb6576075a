import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, RATING_CRITERIA, satisfaction } from './satisfaction.ts';

describe('satisfaction', () => {
  it('weighs the criteria the rating form asks for, in its order, with weights adding up to 1', () => {
    expect(RATING_CRITERIA).toEqual(['content', 'instructor', 'interactivity']);
    expect(Object.keys(DEFAULT_WEIGHTS).sort()).toEqual([...RATING_CRITERIA].sort());
    expect(RATING_CRITERIA.reduce((sum, c) => sum + DEFAULT_WEIGHTS[c], 0)).toBeCloseTo(1, 9);
  });

  it('is 0.4·content + 0.3·instructor + 0.3·interactivity by default, rounded to two decimals', () => {
    expect(satisfaction({ content: 5, instructor: 4, interactivity: 3 })).toBe(4.1);
    expect(satisfaction({ content: 4.33, instructor: 2.67, interactivity: 5 })).toBe(4.03);
  });

  it("uses a site's own weights", () => {
    const weights = { content: 0, instructor: 0, interactivity: 1 };
    expect(satisfaction({ content: 1, instructor: 1, interactivity: 5 }, weights)).toBe(5);
  });
});
