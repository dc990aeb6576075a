import { describe, expect, it } from 'vitest';
import { scoreSequence } from '../train/sequence-model.ts';
import { trainRecommender } from '../train-recommender.ts';
import { encodeHistory, excludeMask } from './encode.ts';
import { loadRecommender, RecommenderError } from './index.ts';

const sequences = [
  ['a', 'b', 'c'],
  ['a', 'b', 'd'],
  ['b', 'c', 'e'],
  ['a', 'c', 'd'],
  ['x', 'b', 'c'],
  ['d', 'e', 'a'],
];
const trained = trainRecommender(sequences, { k: 6 });

describe('encodeHistory', () => {
  it('maps known items to indices, ignores unknown ones and weights recent items most', () => {
    const meta = { ...trained.meta, maxHistory: 3, recency: 0.5 };
    const e = encodeHistory(['zzz', 'a', 'b', 'nope', 'c', 'd'], meta);
    expect([...e.history].map(Number)).toEqual(['b', 'c', 'd'].map((k) => meta.items.indexOf(k)));
    expect([...e.weights]).toEqual([0.25, 0.5, 1]);
    expect(e.known).toBe(3);
  });

  it('pads an empty or unknown-only history with one zero-weight slot', () => {
    const e = encodeHistory(['unknown'], trained.meta);
    expect([...e.history]).toEqual([0n]);
    expect([...e.weights]).toEqual([0]);
    expect(e.known).toBe(0);
  });

  it('builds the exclusion mask', () => {
    const mask = excludeMask(['b', 'nope'], trained.meta);
    expect(mask[trained.meta.items.indexOf('b')]).toBe(1);
    expect([...mask].reduce((s, x) => s + x, 0)).toBe(1);
  });
});

describe('loadRecommender', () => {
  it('runs the exported model and matches the TypeScript reference ranking', async () => {
    const r = await loadRecommender(trained.onnx, trained.meta);
    const history = ['a', 'b'];
    const got = await r.recommend(history, { k: 4 });
    const ref = scoreSequence(trained.model, trained.vocabulary.encode(history));
    const expected = [...ref.keys()]
      .filter((i) => !history.includes(trained.meta.items[i]))
      .sort((x, y) => ref[y] - ref[x] || x - y)
      .slice(0, 4)
      .map((i) => trained.meta.items[i]);
    expect(got.source).toBe('model');
    expect(got.items).toEqual(expected);
    expect(got.items).not.toContain('a');
    await r.release();
  });

  it('falls back to popularity for an empty or unknown history and honours exclusions', async () => {
    const r = await loadRecommender(trained.onnx, trained.meta);
    const empty = await r.recommend([], { k: 3 });
    expect(empty.source).toBe('popularity');
    expect(empty.items[0]).toBe(trained.meta.popular[0]);
    const unknown = await r.recommend(['never-seen'], { k: 10, exclude: [trained.meta.popular[0]] });
    expect(unknown.items).not.toContain(trained.meta.popular[0]);
    expect(unknown.items.length).toBe(trained.meta.items.length - 1);
    await r.release();
  });

  it('keeps only the most recent items of a long history', async () => {
    const r = await loadRecommender(trained.onnx, trained.meta);
    const long = [...Array(500).fill('x'), 'a', 'b'];
    const got = await r.recommend(long, { k: 3 });
    expect(got.items).toEqual((await r.recommend(['x', 'a', 'b'], { k: 3 })).items);
    await r.release();
  });

  it('rejects corrupt model bytes and bad metadata with typed errors', async () => {
    await expect(loadRecommender(Uint8Array.from([1, 2, 3, 4, 5]), trained.meta)).rejects.toMatchObject({
      name: 'RecommenderError',
      type: 'invalid-model',
    });
    await expect(
      loadRecommender(trained.onnx, { ...trained.meta, format: 'x' } as never),
    ).rejects.toBeInstanceOf(RecommenderError);
  });
});
