// Size budget, checked in `npm test`: the loader alone, and the loader plus everything the
// workshop list needs (its chunk and the chunks it imports statically, Preact included).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const BUDGET = { loader: 4 * 1024, list: 20 * 1024 };

const read = (rel) => readFileSync(path.join(dist, rel));
const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** Static imports of a built module (dynamic `import()` calls are loaded later, on demand). */
function staticImports(rel) {
  const code = read(rel).toString();
  const out = new Set();
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{},\s$]+from\s*)?["']([^"']+)["']/g))
    out.add(m[1]);
  for (const m of code.matchAll(/export\s*[{*][^;]*?from\s*["']([^"']+)["']/g)) out.add(m[1]);
  return [...out].map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec)));
}

function closure(entry) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length) {
    const rel = stack.pop();
    if (seen.has(rel)) continue;
    seen.add(rel);
    stack.push(...staticImports(rel));
  }
  return [...seen];
}

const loader = read('lectern.js');
const loaderCode = loader.toString();
// The list chunk is the one the loader imports for <lectern-workshops>.
const listChunk = /["'`](\.\/chunks\/workshops-element-[\w-]+\.js)["'`]/
  .exec(loaderCode)?.[1]
  ?.replace(/^\.\//, '');
if (!listChunk) {
  console.error('check-size: cannot find the workshops-element chunk in dist/lectern.js');
  process.exit(1);
}
const listFiles = closure(listChunk);
const listBuf = Buffer.concat([loader, ...listFiles.map(read)]);
const forbidden = listFiles.filter(
  (f) => /peerjs|onnxruntime|stripe/i.test(read(f).toString().slice(0, 20000)) && /peer|ort|stripe/i.test(f),
);

const row = (name, buf, budget) => {
  const b = br(buf);
  const ok = b <= budget;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name.padEnd(34)} raw ${String(buf.length).padStart(7)}  gzip ${String(gz(buf)).padStart(6)}  brotli ${String(b).padStart(6)} / ${budget}`,
  );
  return ok;
};
const okLoader = row('loader (lectern.js)', loader, BUDGET.loader);
const okList = row(`loader + list (${listFiles.length} chunks)`, listBuf, BUDGET.list);
const consoleFiles = ownerConsoleRow();
/**
 * The owner console (<lectern-dashboard>) loads only for owners, so it has no share of the reader's
 * budget: its size is reported (its chunk, everything it imports, and its lazily loaded sections),
 * not checked. Returns its files.
 */
function ownerConsoleRow() {
  const entry = /["'`]\.\/(chunks\/dashboard-element-[\w-]+\.js)["'`]/.exec(loaderCode)?.[1];
  if (!entry) return new Set();
  const sections = [
    ...read(entry)
      .toString()
      .matchAll(/import\(\s*["'`]\.\/([\w-]+\.js)["'`]\s*\)/g),
  ].map((m) => path.posix.join('chunks', m[1]));
  const files = new Set([entry, ...sections].flatMap(closure));
  const buf = Buffer.concat([...files].map(read));
  console.log(
    `info ${`owner console, owners only (${files.size} chunks)`.padEnd(34)} raw ${String(buf.length).padStart(7)}  gzip ${String(gz(buf)).padStart(6)}  brotli ${String(br(buf)).padStart(6)}`,
  );
  return files;
}
// The console builds against its own copies of what it shares with the reader (see
// owner-console-copies.ts): a chunk both load would mean the console shapes the reader's chunks
// again. The logger is one for the page on purpose.
const sharedWithConsole = listFiles.filter((f) => consoleFiles.has(f) && !/^chunks\/logger-/.test(f));
if (sharedWithConsole.length)
  console.error(`the owner console shares the reader's chunks: ${sharedWithConsole.join(', ')}`);

if (forbidden.length) console.error(`the list pulls in heavy chunks: ${forbidden.join(', ')}`);
// The owner console's Analytics section: uPlot and the panels load only when an owner opens it.
// Its size is reported (no budget); uPlot (found by its `.u-wrap` class) must be in no other chunk.
const chunkFiles = readdirSync(path.join(dist, 'chunks')).filter((f) => f.endsWith('.js'));
const analyticsChunk = chunkFiles.find((f) => f.startsWith('analytics-section-'));
if (analyticsChunk) {
  const buf = read(`chunks/${analyticsChunk}`);
  console.log(
    `info ${'analytics section (owners only)'.padEnd(34)} raw ${String(buf.length).padStart(7)}  gzip ${String(gz(buf)).padStart(6)}  brotli ${String(br(buf)).padStart(6)}`,
  );
}
const uplotElsewhere = chunkFiles.filter(
  (f) => f !== analyticsChunk && read(`chunks/${f}`).includes('u-wrap'),
);
if (uplotElsewhere.length) console.error(`uPlot outside the analytics chunk: ${uplotElsewhere.join(', ')}`);
process.exit(
  okLoader && okList && !forbidden.length && !uplotElsewhere.length && !sharedWithConsole.length ? 0 : 1,
);
