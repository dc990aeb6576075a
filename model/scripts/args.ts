import path from 'node:path';
import { parseArgs } from 'node:util';
import { moocDataDir, repoRoot } from '../src/data/paths.ts';

/** Shared flags: --sequences FILE (default: the shared MOOC data), --model/--out PATH.onnx, --k N. */
export function cliArgs(extra: Record<string, { type: 'string' | 'boolean' }> = {}) {
  const { values } = parseArgs({
    options: {
      sequences: { type: 'string' },
      kg: { type: 'string' },
      out: { type: 'string' },
      model: { type: 'string' },
      k: { type: 'string' },
      ...extra,
    },
    allowPositionals: false,
  });
  const defaultData = !values.sequences;
  // `npm -w model run …` runs here, in model/: resolve paths from where the person typed it.
  const from = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
  if (values.model) values.model = from(values.model);
  if (values.out) values.out = from(values.out);
  return {
    values,
    defaultData,
    sequences: values.sequences ? from(values.sequences) : path.join(moocDataDir(), 'sequences.txt'),
    kg: values.kg ? from(values.kg) : defaultData ? path.join(moocDataDir(), 'course_kg.txt') : undefined,
    defaultModel: path.join(repoRoot, 'model', 'artifacts', 'mooc.onnx'),
  };
}

export function metaPathFor(onnxPath: string): string {
  return `${onnxPath.replace(/\.onnx$/, '')}.json`;
}

export function formatRow(name: string, m: { hr10: number; ndcg10: number; recall20: number }): string {
  return `| ${name} | ${m.hr10.toFixed(4)} | ${m.ndcg10.toFixed(4)} | ${m.recall20.toFixed(4)} |`;
}

/**
 * The `--k` a person asked for, checked against the model: its TopK is fixed at export, so asking
 * for more would silently return fewer.
 */
export function requestedK(raw: string | undefined, modelK: number, fallback = 20): number {
  const k = Number(raw ?? Math.min(fallback, modelK));
  if (!Number.isInteger(k) || k < 1) throw new Error('--k must be a positive integer');
  if (k > modelK) throw new Error(`--k ${k} is more than this model returns: its K is ${modelK}`);
  return k;
}
