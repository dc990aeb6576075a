// Copies onnxruntime-web's wasm runtime into widget/ort-dist/<version>/ with brotli and gzip
// siblings, once per version (brotli at max quality takes ~40 s for the 14 MB wasm, so it is
// cached). The server serves it at /ort/<version>/ with immutable caching; the recommendations
// element points `ort.env.wasm.wasmPaths` there. Nothing is fetched from a CDN.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// The exports map hides package.json: find it next to the resolved entry point.
const pkgPath = path.join(
  path.dirname(require.resolve('onnxruntime-web')).replace(/dist$/, ''),
  'package.json',
);
const { version } = JSON.parse(readFileSync(pkgPath, 'utf8'));
const src = path.join(path.dirname(pkgPath), 'dist');
const out = path.join(here, '..', 'ort-dist', version);
mkdirSync(out, { recursive: true });
for (const name of ['ort-wasm-simd-threaded.wasm', 'ort-wasm-simd-threaded.mjs', 'ort.wasm.bundle.min.mjs']) {
  const target = path.join(out, name);
  if (existsSync(`${target}.br`) && existsSync(`${target}.gz`) && existsSync(target)) continue;
  const data = readFileSync(path.join(src, name));
  copyFileSync(path.join(src, name), target);
  writeFileSync(`${target}.gz`, gzipSync(data, { level: 9 }));
  writeFileSync(
    `${target}.br`,
    brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }),
  );
  console.log(`prepared ${name} for onnxruntime-web ${version}`);
}
