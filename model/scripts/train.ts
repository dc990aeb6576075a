// `npm -w model run train [-- --sequences FILE --out PATH.onnx]`: leave-last-out split; picks the
// λ's, the three shares, the recency and the neighbour count on a validation split carved from the training part; trains the
// baselines and the model on the training part and evaluates them all with full ranking; then
// refits the model on every enrolment and writes it (PATH.onnx + PATH.json). The model trained
// without the held-out enrolments is written too (PATH.heldout.onnx), for `npm -w model run eval`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCourseKg } from '../src/data/course-kg.ts';
import { loadSequences } from '../src/data/sequences.ts';
import { Vocabulary } from '../src/data/vocabulary.ts';
import type { Metrics } from '../src/eval/metrics.ts';
import { evaluate, evaluateSampled, leaveLastOut } from '../src/eval/protocol.ts';
import { cosineCoEnrolment, itemKnn } from '../src/train/item-knn.ts';
import { popularityCounts } from '../src/train/popularity.ts';
import { recencyItemKnn } from '../src/train/recency-item-knn.ts';
import { selectLinearMix } from '../src/train/select-linear-mix.ts';
import { scoreSequence, trainSequenceModel } from '../src/train/sequence-model.ts';
import { trainRecommender } from '../src/train-recommender.ts';
import { cliArgs, formatRow, metaPathFor } from './args.ts';

const args = cliArgs({ 'no-baselines': { type: 'boolean' } });
const baselines = !(args.values as Record<string, unknown>)['no-baselines'];
const started = performance.now();
const seconds = (since: number) => (performance.now() - since) / 1000;
const sequences = loadSequences(args.sequences);
const vocab = Vocabulary.fromSequences(sequences);
const n = vocab.size;
const { train, cases } = leaveLastOut(sequences.map((s) => vocab.encode(s.items)));
console.log(
  `${sequences.length} learners, ${n} items, ${cases.length} evaluation cases (${path.basename(args.sequences)})`,
);

const side = new Map<string, string[]>();
if (args.kg && existsSync(args.kg))
  for (const [course, entities] of loadCourseKg(args.kg)) side.set(course, entities);
const sideByIndex = new Map<number, string[]>();
for (const [key, entities] of side) {
  const i = vocab.indexOf(key);
  if (i !== undefined) sideByIndex.set(i, entities);
}

const rows: string[] = ['| model | HR@10 | NDCG@10 | Recall@20 |', '|---|---|---|---|'];
const results: Record<string, unknown> = {};
const report = (key: string, label: string, m: Metrics) => {
  results[key] = m;
  rows.push(formatRow(label, m));
  console.error(`  ${label}: NDCG@10 ${m.ndcg10.toFixed(4)} (${seconds(started).toFixed(0)} s in)`);
};
if (baselines) {
  const pop = popularityCounts(train, n);
  report(
    'popularity',
    'popularity',
    evaluate(cases, () => pop),
  );
  const cosine = cosineCoEnrolment(train, n);
  report('itemKnn', 'item-kNN, plain (cosine, whole history)', evaluate(cases, itemKnn(train, n, cosine)));
  report(
    'recencyItemKnn',
    'item-kNN, recency-weighted (last 5, 0.7^age)',
    evaluate(cases, recencyItemKnn(train, n, {}, cosine)),
  );
  const sequence = trainSequenceModel(train, n, { side: sideByIndex });
  report(
    'sequence',
    'sequence model alone (shipped before, top-40)',
    evaluate(cases, (h) => scoreSequence(sequence, h)),
  );
}

// Hyperparameters from the validation split inside the training part; the test cases are not used.
let t = performance.now();
const { best, trials, fitSeconds } = selectLinearMix(train, n, { side: sideByIndex });
const selectSeconds = seconds(t);
const fits = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
console.log(
  `\nValidation (${trials.length} settings, ${selectSeconds.toFixed(1)} s; EASE fits ${fits(fitSeconds.ease)} s, ridge fits ${fits(fitSeconds.ridge)} s), NDCG@10:\n`,
);
console.log(
  '| EASE λ | ridge λ | EASE / ridge / sequence | recency | neighbours | NDCG@10 |\n|---|---|---|---|---|---|',
);
for (const x of trials)
  console.log(
    `| ${x.lambda} | ${x.ridgeLambda} | ${x.mix.ease} / ${x.mix.ridge} / ${x.mix.sequence} | ${x.recency} | ${x.neighbours} | ${x.ndcg10.toFixed(4)} |`,
  );
const { ndcg10: _, ...chosen } = best;
console.log(`Chosen: ${JSON.stringify(chosen)}`);

t = performance.now();
const heldout = trainRecommender(
  train.map((seq) => seq.map((i) => vocab.keys[i])),
  { side, items: vocab.keys, k: Math.min(50, n), ...chosen },
);
const trainSeconds = seconds(t);
const score = (h: readonly number[]) => scoreSequence(heldout.model, h);
const label =
  heldout.algorithm.name === 'ease+ridge+sequence'
    ? `**EASE + next-item ridge + sequence mix (shipped; ${chosen.mix.ease} / ${chosen.mix.ridge} / ${chosen.mix.sequence}, top-${chosen.neighbours})**`
    : '**sequence model (shipped)**';
report('shipped', label, evaluate(cases, score));
const sampled = evaluateSampled(cases, score, n);
results.shippedSampled = sampled;

// The shipped file: the same settings refit on every enrolment, held-out ones included.
t = performance.now();
const shipped = trainRecommender(
  sequences.map((s) => s.items),
  { side, items: vocab.keys, k: Math.min(50, n), ...chosen },
);
const refitSeconds = seconds(t);

const out = args.values.out ? path.resolve(args.values.out) : args.defaultModel;
const heldoutOut = `${out.replace(/\.onnx$/, '')}.heldout.onnx`;
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, shipped.onnx);
writeFileSync(metaPathFor(out), `${JSON.stringify(shipped.meta)}\n`);
writeFileSync(heldoutOut, heldout.onnx);
writeFileSync(metaPathFor(heldoutOut), `${JSON.stringify(heldout.meta)}\n`);

console.log(`\nFull ranking over all untaken items, leave-last-out (${cases.length} learners):\n`);
console.log(rows.join('\n'));
const base = results.recencyItemKnn as Metrics | undefined;
if (base)
  console.log(
    `\nShipped NDCG@10 is ${((results.shipped as Metrics).ndcg10 / base.ndcg10).toFixed(3)} × the recency-weighted item-kNN.`,
  );
console.log(
  `\nSecondary (1 target vs 100 sampled negatives), shipped model: HR@10 ${sampled.hr10.toFixed(4)}, NDCG@10 ${sampled.ndcg10.toFixed(4)}`,
);
console.log(
  `\nModel: ${JSON.stringify(shipped.algorithm)}. Selection ${selectSeconds.toFixed(1)} s, training ${trainSeconds.toFixed(1)} s, refit on all ${refitSeconds.toFixed(1)} s; total ${seconds(started).toFixed(1)} s`,
);
console.log(
  `Wrote ${path.relative(process.cwd(), out)} (${shipped.onnx.length} bytes, all enrolments) and ${path.basename(heldoutOut)} (without the held-out ones, for eval)`,
);
writeFileSync(
  `${out.replace(/\.onnx$/, '')}.results.json`,
  `${JSON.stringify({ ...results, chosen, trials, fitSeconds, selectSeconds, trainSeconds, refitSeconds, onnxBytes: shipped.onnx.length }, null, 2)}\n`,
);
