// `npm -w model run eval -- --model PATH.onnx [--sequences FILE]`: evaluates the exported ONNX
// model through the runtime with the same leave-last-out protocol as training. The default is
// model/artifacts/mooc.heldout.onnx: the shipped mooc.onnx has seen every held-out enrolment.
import { readFileSync } from 'node:fs';
import { loadSequences } from '../src/data/sequences.ts';
import { evaluateRecommender } from '../src/eval/evaluate-runtime.ts';
import { loadRecommender } from '../src/runtime/index.ts';
import { cliArgs, formatRow, metaPathFor } from './args.ts';

const args = cliArgs();
const modelPath = args.values.model ?? args.defaultModel.replace(/\.onnx$/, '.heldout.onnx');
const meta = JSON.parse(readFileSync(metaPathFor(modelPath), 'utf8'));
const recommender = await loadRecommender(new Uint8Array(readFileSync(modelPath)), meta);
const cases = loadSequences(args.sequences)
  .filter((s) => s.items.length >= 2)
  .map((s) => ({ history: s.items.slice(0, -1), target: s.items[s.items.length - 1] }));
const started = performance.now();
const metrics = await evaluateRecommender(recommender, cases);
console.log(
  `ONNX model ${meta.version} through the runtime, ${cases.length} learners (${((performance.now() - started) / 1000).toFixed(1)} s):\n`,
);
console.log('| model | HR@10 | NDCG@10 | Recall@20 |\n|---|---|---|---|');
console.log(formatRow(`${meta.algorithm?.name ?? 'sequence'} model (ONNX)`, metrics));
await recommender.release();
