// The budgets the issues name, checked against the stored benchmark results
// (benchmarks/results/*.json, written by `npm run bench`). `npm run budgets` prints one line per
// budget and exits 1 when one is missed or has no result; `npm run bench` runs the same check and
// writes its table into BENCHMARKS.md.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** [result file, what, read the figure, '≤' or '≥', target, unit] */
export const BUDGETS = [
  ['server-workshops', 'workshop list throughput', (r) => r.requestsPerSec, '≥', 8000, 'req/s'],
  ['server-workshops', 'workshop list p99', (r) => r.latencyMs?.p99, '≤', 20, 'ms'],
  ['server-events', 'event ingest throughput', (r) => r.eventsPerSec, '≥', 20000, 'events/s'],
  ['server-events', 'event ingest p99', (r) => r.latencyMs?.p99, '≤', 50, 'ms'],
  // Issue 17: every panel on 1,000,000 events and 10,000 orders, and ingestion with its index.
  ['analytics', 'analytics panel p95 (worst panel, last 30 days)', (r) => r.worstP95Ms, '≤', 200, 'ms'],
  ['analytics', 'event ingest with the analytics aggregates', (r) => r.eventsPerSec, '≥', 20000, 'events/s'],
  ['widget-first-card', 'script start → first card (median)', (r) => r.medianMs, '≤', 150, 'ms'],
  // Issue 20: against the strongest baseline reported (the recency-weighted item-kNN).
  ['model', 'NDCG@10 gain over the recency-weighted item-kNN', (r) => r.ndcgGainOverBaseline, '≥', 8, '%'],
  // "HR@10 and Recall@20 above it too".
  ...[
    ['HR@10', 'hr10'],
    ['Recall@20', 'recall20'],
  ].map(([what, key]) => [
    'model',
    `${what} gain over the recency-weighted item-kNN`,
    (r) => (r.metrics?.shipped?.[key] / r.metrics?.recencyItemKnn?.[key] - 1) * 100,
    '≥',
    0,
    '%',
  ]),
  ['model', 'ONNX model size', (r) => r.onnxBytes?.raw / 1024, '≤', 500, 'KB'],
  ['model', 'Node inference p50', (r) => r.node?.inferenceP50Ms, '≤', 0.5, 'ms'],
  ['model', 'training time', (r) => r.trainSeconds, '≤', 300, 's'],
  ['model-browser', 'browser inference p50', (r) => r.chromium?.inferenceP50Ms, '≤', 0.5, 'ms'],
  // Issue 18: the extension's popup with a warm model cache.
  [
    'extension',
    'popup → "For you" painted, warm (median)',
    (r) => r.popupForYouPaintMedianMs,
    '≤',
    150,
    'ms',
  ],
  // Issue 4: join → first frame "(median and p95) … target ≤ 1.2× raw", so both are checked.
  ...[1, 5, 10].flatMap((n) =>
    [
      ['median', 'ratioMedian'],
      ['p95', 'ratioP95'],
    ].map(([stat, key]) => [
      'rooms',
      `join → first frame, ${n} learner${n > 1 ? 's' : ''} (${stat}, × raw PeerJS)`,
      (r) => r[key]?.[n],
      '≤',
      1.2,
      '×',
    ]),
  ),
];

/** Every budget against the stored results: what, figure, budget, met (false without a result), measuredAt. */
export function checkBudgets(resultsDir = path.join(root, 'benchmarks', 'results')) {
  return BUDGETS.map(([file, what, read, op, target, unit]) => {
    const f = path.join(resultsDir, `${file}.json`);
    const result = readResult(f);
    const raw = result ? read(result) : undefined;
    const value = typeof raw === 'number' && Number.isFinite(raw) ? Math.round(raw * 100) / 100 : null;
    const met = value !== null && (op === '≤' ? value <= target : value >= target);
    const figure = value === null ? 'no result' : `${value} ${unit}`;
    return {
      file,
      what,
      figure,
      budget: `${op} ${target} ${unit}`,
      met,
      measuredAt: result?.measuredAt?.slice(0, 16).replace('T', ' ') ?? '',
    };
  });
}

/** A stored result, or null when it is missing or unreadable (the budget then shows "no result"). */
function readResult(file) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

export function budgetTable(checks) {
  return [
    '| budget | figure | target | met | measured (UTC) |',
    '|---|---|---|---|---|',
    ...checks.map(
      (c) => `| ${c.what} | ${c.figure} | ${c.budget} | ${c.met ? 'yes' : '**no**'} | ${c.measuredAt} |`,
    ),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const checks = checkBudgets();
  for (const c of checks)
    console.log(`${c.met ? 'met   ' : 'MISSED'}  ${c.what}: ${c.figure} (budget ${c.budget})`);
  const missed = checks.filter((c) => !c.met).length;
  console.log(`\n${checks.length - missed} budgets met, ${missed} missed`);
  process.exit(missed ? 1 : 0);
}
