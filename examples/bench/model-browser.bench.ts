// Inference latency in Debian's Chromium: the shipped model (trained on the shared data) run by
// onnxruntime-web's wasm build, one thread, 1,000 real learner histories; session creation timed
// separately. Files are served to the page from memory (page.route), nothing from outside.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSequences, moocDataDir, trainRecommender } from '@lectern/model';
import { encodeHistory } from '@lectern/model/runtime';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/harness/chromium.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const sequences = loadSequences(path.join(moocDataDir(), 'sequences.txt'));
const trained = trainRecommender(
  sequences.map((s) => s.items.slice(0, -1)),
  { k: 50 },
);
// Inputs are encoded here by the runtime's own encoder; the page only runs the session.
const inputs = sequences.slice(0, 1000).map((s) => {
  const e = encodeHistory(s.items, trained.meta);
  return { history: [...e.history].map(Number), weights: [...e.weights] };
});
const ortDir = path.join(repoRoot, 'node_modules', 'onnxruntime-web', 'dist');
const files: Record<string, { body: Buffer; type: string }> = {
  '/': { body: Buffer.from('<!doctype html><title>bench</title>'), type: 'text/html' },
  '/ort/ort.wasm.bundle.min.mjs': {
    body: readFileSync(path.join(ortDir, 'ort.wasm.bundle.min.mjs')),
    type: 'text/javascript',
  },
  '/ort/ort-wasm-simd-threaded.wasm': {
    body: readFileSync(path.join(ortDir, 'ort-wasm-simd-threaded.wasm')),
    type: 'application/wasm',
  },
  '/ort/ort-wasm-simd-threaded.mjs': {
    body: readFileSync(path.join(ortDir, 'ort-wasm-simd-threaded.mjs')),
    type: 'text/javascript',
  },
  '/model.onnx': { body: Buffer.from(trained.onnx), type: 'application/octet-stream' },
};

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  const page = await browser.newPage();
  // The TypeScript loader wraps named functions with a `__name` helper the page does not have.
  await page.addInitScript('window.__name = (f) => f;');
  await page.route('http://bench.lectern.test/**', (route) => {
    const file = files[new URL(route.request().url()).pathname];
    return file ? route.fulfill({ body: file.body, contentType: file.type }) : route.fulfill({ status: 404 });
  });
  await page.goto('http://bench.lectern.test/');
  const result = await page.evaluate(
    async ({ inputs, n }) => {
      const ort = await import('/ort/ort.wasm.bundle.min.mjs' as string);
      ort.env.wasm.wasmPaths = '/ort/';
      ort.env.wasm.numThreads = 1;
      const bytes = new Uint8Array(await (await fetch('/model.onnx')).arrayBuffer());
      const t0 = performance.now();
      const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
      const sessionMs = performance.now() - t0;
      const exclude = new ort.Tensor('float32', new Float32Array(n), [1, n]);
      const run = (x: { history: number[]; weights: number[] }) =>
        session.run({
          history: new ort.Tensor('int64', BigInt64Array.from(x.history.map(BigInt)), [1, x.history.length]),
          weights: new ort.Tensor('float32', Float32Array.from(x.weights), [1, x.weights.length]),
          exclude,
        });
      for (const x of inputs.slice(0, 50)) await run(x);
      const times: number[] = [];
      for (const x of inputs) {
        const s = performance.now();
        await run(x);
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      return {
        sessionMs,
        p50: times[Math.floor(times.length / 2)],
        p95: times[Math.floor(times.length * 0.95)],
      };
    },
    { inputs, n: trained.meta.items.length },
  );
  const out = {
    name: 'model-browser',
    command: 'npm run bench',
    runs: inputs.length,
    chromium: {
      sessionMs: Number(result.sessionMs.toFixed(1)),
      inferenceP50Ms: Number(result.p50.toFixed(3)),
      inferenceP95Ms: Number(result.p95.toFixed(3)),
    },
    targetP50Ms: 0.5,
  };
  const summary = `Chromium inference p50 ${out.chromium.inferenceP50Ms} ms, p95 ${out.chromium.inferenceP95Ms} ms over ${inputs.length} learners (session creation ${out.chromium.sessionMs} ms; target p50 ≤ 0.5 ms, issue 20)`;
  console.log(summary);
  console.log(JSON.stringify({ ...out, summary }));
} finally {
  await browser.close();
}
