// `npm -w model run predict -- --model PATH.onnx --sequences FILE --k 20 [--out FILE]`: for every
// line `user item item …` (the whole line is the history) writes `user<TAB>item item …`, best
// first, by running the exported ONNX model through the runtime.
import { createWriteStream, readFileSync } from 'node:fs';
import { loadSequences } from '../src/data/sequences.ts';
import { loadRecommender } from '../src/runtime/index.ts';
import { cliArgs, metaPathFor } from './args.ts';

const args = cliArgs();
const modelPath = args.values.model ?? args.defaultModel;
const k = Number(args.values.k ?? 20);
if (!Number.isInteger(k) || k < 1) {
  console.error('predict: --k must be a positive integer');
  process.exit(64);
}
const meta = JSON.parse(readFileSync(metaPathFor(modelPath), 'utf8'));
const recommender = await loadRecommender(new Uint8Array(readFileSync(modelPath)), meta);
const out = args.values.out ? createWriteStream(args.values.out) : process.stdout;
for (const { user, items } of loadSequences(args.sequences)) {
  const rec = await recommender.recommend(items, { k });
  out.write(`${user}\t${rec.items.join(' ')}\n`);
}
if (out !== process.stdout) out.end();
await recommender.release();
