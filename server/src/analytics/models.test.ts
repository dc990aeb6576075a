import { describe, expect, it } from 'vitest';
import { foldSmallRows } from './fold.ts';
import { kmeans, seededRandom } from './kmeans.ts';
import { stableHash, stableSample } from './learners.ts';
import { auc, type Example, predict, trainLogistic } from './logistic.ts';
import { fitModel } from './prediction.ts';
import { InvalidRange, parseRange, previousPeriod } from './range.ts';
import { differenceInterval, median, wilson } from './stats.ts';

const NOW = Date.parse('2026-12-01T12:00:00Z');

describe('ranges', () => {
  it('defaults to the last 30 days and compares with the 30 before', () => {
    const p = parseRange(undefined, undefined, NOW);
    expect([p.from, p.to, p.days]).toEqual(['2026-11-02', '2026-12-01', 30]);
    expect(previousPeriod(p)).toMatchObject({ from: '2026-10-03', to: '2026-11-01', days: 30 });
  });

  it('refuses impossible days, from after to, and more than 366 days', () => {
    expect(() => parseRange('2026-02-30', '2026-03-01', NOW)).toThrow(InvalidRange);
    expect(() => parseRange('2026-3-1', undefined, NOW)).toThrow(InvalidRange);
    expect(() => parseRange('2026-11-02', '2026-11-01', NOW)).toThrow(InvalidRange);
    expect(() => parseRange('2025-01-01', '2026-01-02', NOW)).toThrow(/366 days/);
    expect(parseRange('2025-01-01', '2026-01-01', NOW).days).toBe(366);
  });
});

describe('statistics', () => {
  it('Wilson interval: 0 of 10 is [0, 0.2775], never below 0', () => {
    // p = 0: centre = (z²/2n)/(1+z²/n) = 0.19207/1.38415 = 0.13876 = half → [0, 0.2775].
    expect(wilson(0, 10)).toEqual({ low: 0, high: 0.2775 });
    expect(wilson(0, 0)).toBeNull();
  });

  it('difference of proportions with the normal approximation', () => {
    // 0.5 − 0.4, SE √(0.25/100 + 0.24/100) = 0.07 → ±0.1372.
    const d = differenceInterval(50, 100, 40, 100);
    expect(d?.low).toBeCloseTo(-0.0372, 4);
    expect(d?.high).toBeCloseTo(0.2372, 4);
  });

  it('median of an even count is the mean of the two middle values', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('AUC: perfect, inverted, and ties count half', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(auc([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(auc([0.5, 0.6], [1, 1])).toBeNull();
  });
});

describe('stable samples', () => {
  it('keeps the items with the lowest hashes, ties (same key) in input order, ordered by hash', () => {
    // 3,000 items over 1,000 keys: every key three times, so ties are everywhere.
    const items = Array.from({ length: 3000 }, (_, i) => ({ key: `anon-${i % 1000}`, i }));
    const expected = items
      .map((item) => ({ item, hash: stableHash(item.key) }))
      .sort((a, b) => a.hash - b.hash || a.item.i - b.item.i)
      .slice(0, 500)
      .map((h) => h.item);
    expect(stableSample(items, (item) => item.key, 500)).toEqual(expected);
    expect(stableSample(items.slice(0, 10), (item) => item.key, 500)).toEqual(items.slice(0, 10));
  });
});

describe('privacy folding', () => {
  it('folds every row covering fewer than 5 learners into one `other` row, last', () => {
    const rows = [
      { key: 'a', learners: 7 },
      { key: 'b', learners: 4 },
      { key: 'c', learners: 5 },
      { key: 'd', learners: 1 },
    ];
    const folded = foldSmallRows(
      rows,
      (r) => r.learners,
      (small) => ({ key: 'other', learners: small.reduce((s, r) => s + r.learners, 0) }),
    );
    expect(folded).toEqual([
      { key: 'a', learners: 7 },
      { key: 'c', learners: 5 },
      { key: 'other', learners: 5 },
    ]);
  });
});

describe('models', () => {
  it('logistic regression learns a signal and reports its held-out AUC', () => {
    const random = seededRandom(3);
    // y depends on the first feature only; the second is noise.
    const examples = Array.from({ length: 600 }, (_, i) => {
      const signal = random() * 10;
      const noise = random() * 10;
      return { key: `k${i}`, x: [signal, noise], y: (signal + random() * 4 > 7 ? 1 : 0) as 0 | 1 };
    });
    const m = fitModel(['signal', 'noise'], examples);
    if (m.status !== 'trained') throw new Error('expected a trained model');
    expect(m.trainSize + m.testSize).toBe(600);
    expect(m.testSize).toBeGreaterThan(80);
    expect(m.features[0].weight).toBeGreaterThan(1);
    expect(Math.abs(m.features[1].weight)).toBeLessThan(0.5);
    expect(m.auc).toBeGreaterThan(0.85);
  });

  it('logistic regression reaches the exact minimum of its penalised log-loss', () => {
    const random = seededRandom(11);
    // Two strongly correlated features on different scales: slow going for gradient descent.
    const data: Example[] = Array.from({ length: 2000 }, () => {
      const a = random() * 20;
      const b = a * 3 + random() * 6;
      const y = random() < 1 / (1 + Math.exp(-(0.4 * a - 0.1 * b - 1))) ? 1 : 0;
      return { x: [a, b, random()], y };
    });
    const l2 = 1e-3;
    const model = trainLogistic(data, { l2 });
    // At the minimum the gradient of mean log-loss + l2/2·|w|² is zero (in standardised units).
    const gradient = [0, 0, 0, 0];
    for (const e of data) {
      const err = predict(model, e.x) - e.y;
      e.x.forEach((v, j) => {
        gradient[j] += (err * (v - model.means[j])) / model.scales[j] / data.length;
      });
      gradient[3] += err / data.length;
    }
    model.weights.forEach((w, j) => {
      gradient[j] += l2 * w;
    });
    for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-9);
  });

  it('logistic regression keeps finite weights on perfectly separable data', () => {
    const data: Example[] = Array.from({ length: 200 }, (_, i) => ({ x: [i, i % 7], y: i < 100 ? 0 : 1 }));
    const model = trainLogistic(data);
    expect([...model.weights, model.intercept].every(Number.isFinite)).toBe(true);
    expect(model.weights[0]).toBeGreaterThan(5);
    expect(
      auc(
        data.map((e) => predict(model, e.x)),
        data.map((e) => e.y),
      ),
    ).toBe(1);
  });

  it('refuses to train with fewer than 20 examples of either outcome', () => {
    const examples = Array.from({ length: 100 }, (_, i) => ({
      key: `k${i}`,
      x: [i],
      y: (i < 12 ? 1 : 0) as 0 | 1,
    }));
    expect(fitModel(['x'], examples)).toEqual({ status: 'too_little_data', needed: 20, have: 12 });
  });

  it('k-means separates clear groups, the same way on every run', () => {
    const points = [
      ...Array.from({ length: 10 }, (_, i) => [0 + i * 0.01, 0]),
      ...Array.from({ length: 10 }, (_, i) => [10 + i * 0.01, 10]),
    ];
    const assign = kmeans(points, 2);
    expect(new Set(assign.slice(0, 10)).size).toBe(1);
    expect(new Set(assign.slice(10)).size).toBe(1);
    expect(assign[0]).not.toBe(assign[10]);
    expect(kmeans(points, 2)).toEqual(assign);
  });
});
