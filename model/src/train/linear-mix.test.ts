import { describe, expect, it } from 'vitest';
import { trainRecommender } from '../train-recommender.ts';
import { trainLinearMix } from './linear-mix.ts';
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

describe('EASE + sequence mix', () => {
  it('ranks what comes next and what goes together, and says which model it is', () => {
    const { model, algorithm } = trainLinearMix(train, 5, { lambda: 1, mix: 0.5 });
    expect(algorithm).toEqual({ name: 'ease+sequence', lambda: 1, mix: 0.5 });
    const s = scoreSequence(model, [0]);
    expect(s[1]).toBeGreaterThan(s[3]);
    expect(s[1]).toBeGreaterThan(s[4]);
  });

  it('falls back to the sequence model above the item limit, visibly in the metadata', () => {
    const { algorithm } = trainLinearMix(train, 5, { maxEaseItems: 4 });
    expect(algorithm).toEqual({
      name: 'sequence',
      reason: '5 items is above the 4-item limit of the EASE inversion',
    });
    const trained = trainRecommender(
      train.map((seq) => seq.map(String)),
      { maxEaseItems: 4 },
    );
    expect(trained.meta.algorithm?.name).toBe('sequence');
    expect(trainRecommender(train.map((seq) => seq.map(String))).meta.algorithm?.name).toBe('ease+sequence');
  });
});
