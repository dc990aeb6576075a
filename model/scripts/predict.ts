// `npm -w model run predict -- --model PATH.onnx --sequences FILE --k 20 [--out FILE]`: for every
// line `user item item …` (the whole line is the history) writes `user<TAB>item item …`, best
// first, by running the exported ONNX model through the runtime.
import { createWriteStream, readFileSync } from 'node:fs';
import { loadSequences } from '../src/data/sequences.ts';
import { loadRecommender } from '../src/runtime/index.ts';
import { cliArgs, metaPathFor, requestedK } from './args.ts';

const args = cliArgs();
const modelPath = args.values.model ?? args.defaultModel;
const meta = JSON.parse(readFileSync(metaPathFor(modelPath), 'utf8'));
let k: number;
try {
  k = requestedK(args.values.k, meta.k);
} catch (err) {
  console.error(`predict: ${(err as Error).message}`);
  process.exit(64);
}
const recommender = await loadRecommender(new Uint8Array(readFileSync(modelPath)), meta);
const out = args.values.out ? createWriteStream(args.values.out) : process.stdout;
for (const { user, items } of loadSequences(args.sequences)) {
  const rec = await recommender.recommend(items, { k });
  out.write(`${user}\t${rec.items.join(' ')}\n`);
}
if (out !== process.stdout) out.end();
await recommender.release();
