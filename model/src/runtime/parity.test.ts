import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moocDataDir } from '../data/paths.ts';
import { loadSequences } from '../data/sequences.ts';
import { roundToFloat16 } from '../export/float16.ts';
import { scoreSequence } from '../train/sequence-model.ts';
import { trainRecommender } from '../train-recommender.ts';
import { loadRecommender } from './index.ts';

// The ONNX model (float16 weights, run by onnxruntime-web) and the TypeScript reference give the
// same top-10 for 1,000 real learners. Trained on the first 20,000 learners for speed.
describe('ONNX ↔ reference parity', () => {
  it('gives the same top-10 for 1,000 learners', async () => {
    const sequences = loadSequences(path.join(moocDataDir(), 'sequences.txt')).slice(0, 20_000);
    const trained = trainRecommender(
      sequences.map((s) => s.items),
      { k: 10 },
    );
    // The reference uses the weights the ONNX file holds (float16-rounded).
    const model = {
      ...trained.model,
      weight: roundToFloat16(trained.model.weight),
      bias: roundToFloat16(trained.model.bias),
    };
    const recommender = await loadRecommender(trained.onnx, trained.meta);
    let same = 0;
    const learners = sequences.slice(0, 1000);
    for (const { items } of learners) {
      const got = await recommender.recommend(items, { k: 10 });
      const history = trained.vocabulary.encode(items);
      const taken = new Set(history);
      const scores = scoreSequence(model, history);
      const expected = [...scores.keys()]
        .filter((i) => !taken.has(i))
        .sort((x, y) => scores[y] - scores[x] || x - y)
        .slice(0, 10);
      // Equal scores may come back in either order; compare positions by score.
      const gotIdx = got.items.map((k) => trained.vocabulary.indexOf(k)!);
      if (
        gotIdx.every(
          (g, i) => Math.abs(scores[g] - scores[expected[i]]) <= 1e-5 * Math.max(1, Math.abs(scores[g])),
        )
      )
        same++;
    }
    expect(same).toBe(learners.length);
    await recommender.release();
  }, 300_000); // two inversions now; minutes on a shared machine
});
