// `npm -w model run train [-- --sequences FILE --out PATH.onnx]`: leave-last-out split, trains the
// baselines and the sequence model on the training part, evaluates all three with full ranking,
// and writes the exported model (PATH.onnx + PATH.json).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCourseKg } from '../src/data/course-kg.ts';
import { loadSequences } from '../src/data/sequences.ts';
import { Vocabulary } from '../src/data/vocabulary.ts';
import { evaluate, evaluateSampled, leaveLastOut } from '../src/eval/protocol.ts';
import { itemKnn } from '../src/train/item-knn.ts';
import { popularityCounts } from '../src/train/popularity.ts';
import { scoreSequence } from '../src/train/sequence-model.ts';
import { trainRecommender } from '../src/train-recommender.ts';
import { cliArgs, formatRow, metaPathFor } from './args.ts';

const args = cliArgs({ 'no-baselines': { type: 'boolean' } });
const started = performance.now();
const sequences = loadSequences(args.sequences);
const vocab = Vocabulary.fromSequences(sequences);
const { train, cases } = leaveLastOut(sequences.map((s) => vocab.encode(s.items)));
console.log(
  `${sequences.length} learners, ${vocab.size} items, ${cases.length} evaluation cases (${path.basename(args.sequences)})`,
);

const side = new Map<string, string[]>();
if (args.kg && existsSync(args.kg))
  for (const [course, entities] of loadCourseKg(args.kg)) side.set(course, entities);

const t0 = performance.now();
const trained = trainRecommender(
  train.map((seq) => seq.map((i) => vocab.keys[i])),
  { side, items: vocab.keys, k: Math.min(50, vocab.size) },
);
const trainSeconds = (performance.now() - t0) / 1000;
const score = (h: readonly number[]) => scoreSequence(trained.model, h);

const rows: string[] = ['| model | HR@10 | NDCG@10 | Recall@20 |', '|---|---|---|---|'];
const results: Record<string, unknown> = {};
if (!(args.values as Record<string, unknown>)['no-baselines']) {
  const pop = popularityCounts(train, vocab.size);
  results.popularity = evaluate(cases, () => pop);
  rows.push(formatRow('popularity', results.popularity as never));
  const knn = itemKnn(train, vocab.size);
  results.itemKnn = evaluate(cases, knn);
  rows.push(formatRow('item-kNN (cosine)', results.itemKnn as never));
}
results.sequence = evaluate(cases, score);
rows.push(formatRow('sequence model (shipped)', results.sequence as never));
const sampled = evaluateSampled(cases, score, vocab.size);
results.sequenceSampled = sampled;

const out = args.values.out ? path.resolve(args.values.out) : args.defaultModel;
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, trained.onnx);
writeFileSync(metaPathFor(out), `${JSON.stringify(trained.meta)}\n`);

console.log(`\nFull ranking over all untaken items, leave-last-out (${cases.length} learners):\n`);
console.log(rows.join('\n'));
console.log(
  `\nSecondary (1 target vs 100 sampled negatives), sequence model: HR@10 ${sampled.hr10.toFixed(4)}, NDCG@10 ${sampled.ndcg10.toFixed(4)}`,
);
console.log(
  `\nTraining ${trainSeconds.toFixed(1)} s; total ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(
  `Wrote ${path.relative(process.cwd(), out)} (${trained.onnx.length} bytes) and ${path.basename(metaPathFor(out))}`,
);
writeFileSync(
  `${out.replace(/\.onnx$/, '')}.results.json`,
  `${JSON.stringify({ ...results, trainSeconds }, null, 2)}\n`,
);
