import { describe, expect, it } from 'vitest';
import { trainRecommender } from '../train-recommender.ts';
import { mixSimilarities, trainLinearMix } from './linear-mix.ts';
import { simplex } from './select-linear-mix.ts';
import { scoreSequence } from './sequence-model.ts';

// 0 → 1 is what learners take next; 2 is often taken with 0 but before it.
const train = [
  [0, 1],
  [0, 1],
  [0, 1],
  [2, 0],
  [2, 0, 3],
  [3, 4],
];
const mix = { ease: 0.4, ridge: 0.4, sequence: 0.2 };

describe('EASE + next-item ridge + sequence mix', () => {
  it('ranks what comes next and what goes together, and says which model it is', () => {
    const { model, algorithm } = trainLinearMix(train, 5, { lambda: 1, ridgeLambda: 2, mix });
    expect(algorithm).toEqual({ name: 'ease+ridge+sequence', lambda: 1, ridgeLambda: 2, mix });
    const s = scoreSequence(model, [0]);
    expect(s[1]).toBeGreaterThan(s[3]);
    expect(s[1]).toBeGreaterThan(s[4]);
  });

  it('weighs each part by its share after scaling its typical row maximum to 1', () => {
    const ease = Float32Array.from([0, 4, 2, 0]);
    const ridge = Float32Array.from([0, 1, 0, 0.5]);
    const sequence = Float32Array.from([0, 0, 10, 0]);
    const out = mixSimilarities({ ease, ridge, sequence }, 2, { ease: 0.5, ridge: 0.25, sequence: 0.25 });
    // Row maxima: EASE 4 and 2 (mean 3), ridge 1 and 0.5 (0.75), sequence 10 (one row).
    const want = [0, 0.5 * (4 / 3) + 0.25 * (1 / 0.75), 0.5 * (2 / 3) + 0.25, 0.25 * (0.5 / 0.75)];
    for (const [k, x] of want.entries()) expect(out[k]).toBeCloseTo(x, 6);
    expect(() => mixSimilarities({ sequence }, 2, mix)).toThrow(/ease share but no ease matrix/);
  });

  it('falls back to the sequence model above the item limit, visibly in the metadata', () => {
    const { algorithm } = trainLinearMix(train, 5, { maxEaseItems: 4 });
    expect(algorithm).toEqual({
      name: 'sequence',
      reason: '5 items is above the 4-item limit of the EASE and ridge inversions',
    });
    const trained = trainRecommender(
      train.map((seq) => seq.map(String)),
      { maxEaseItems: 4 },
    );
    expect(trained.meta.algorithm?.name).toBe('sequence');
    expect(trainRecommender(train.map((seq) => seq.map(String))).meta.algorithm?.name).toBe(
      'ease+ridge+sequence',
    );
  });

  it('tries every mix of the three on the validation grid', () => {
    const mixes = simplex(0.2);
    expect(mixes).toHaveLength(21);
    for (const m of mixes) expect(m.ease + m.ridge + m.sequence).toBeCloseTo(1, 9);
    expect(mixes).toContainEqual({ ease: 0.4, ridge: 0.4, sequence: 0.2 });
    expect(mixes).toContainEqual({ ease: 0, ridge: 0, sequence: 1 });
  });
});
