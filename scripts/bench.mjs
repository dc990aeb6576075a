// `npm run bench`: runs every benchmark, prints its figures, keeps each result as JSON in
// benchmarks/results/, and rewrites the "Latest run" table in BENCHMARKS.md from them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { budgetTable, checkBudgets } from './budgets.mjs';
import { startPgCluster, stopOnExit } from './pg-cluster.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'benchmarks', 'results');
mkdirSync(resultsDir, { recursive: true });

// Each entry: a script that prints one JSON object on its last stdout line.
const benches = [
  { name: 'server-workshops', file: 'server/bench/workshops.bench.ts' },
  { name: 'server-events', file: 'server/bench/events.bench.ts' },
  // On a throwaway PostgreSQL cluster (durable: fsync on, as in production).
  { name: 'pg', file: 'server/bench/pg.bench.ts', postgres: true },
  // The same cluster with one and with two server processes (run alone, it starts its own).
  { name: 'pg-two-processes', file: 'server/bench/pg-processes.bench.ts', postgres: true },
  { name: 'analytics', file: 'server/bench/analytics.bench.ts' },
  { name: 'reco-retrain', file: 'server/bench/retrain.bench.ts' },
  { name: 'widget-first-card', file: 'examples/bench/first-card.bench.ts' },
  { name: 'model', file: 'model/bench/bench.ts' },
  { name: 'model-browser', file: 'examples/bench/model-browser.bench.ts' },
  { name: 'rooms', file: 'examples/bench/rooms/rooms.bench.ts' },
  { name: 'extension', file: 'examples/bench/extension.bench.ts' },
].filter((b) => existsSync(path.join(root, b.file)));

const only = process.argv.slice(2);
const selected = only.length ? benches.filter((b) => only.some((o) => b.name.includes(o))) : benches;
let failed = 0;
for (const bench of selected) {
  console.log(`\n━━ ${bench.name} (${bench.file})`);
  const cluster = bench.postgres ? await startPgCluster({ durable: true }) : undefined;
  if (cluster) stopOnExit(cluster);
  const run = spawnSync(process.execPath, ['--import', 'tsx', bench.file], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    env: cluster ? { ...process.env, LECTERN_DATABASE_URL: cluster.url } : process.env,
  });
  cluster?.stop();
  const lines = (run.stdout ?? '').trim().split('\n');
  for (const line of lines.slice(0, -1)) console.log(line);
  let result;
  try {
    result = JSON.parse(lines.at(-1) ?? '');
  } catch {
    console.log(lines.at(-1));
    console.error(`${bench.name}: no JSON result (exit ${run.status})`);
    failed += 1;
    continue;
  }
  result.measuredAt = new Date().toISOString();
  result.machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  writeFileSync(path.join(resultsDir, `${bench.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`→ benchmarks/results/${bench.name}.json`);
}

// Rewrite the generated section of BENCHMARKS.md from every stored result.
const mdPath = path.join(root, 'BENCHMARKS.md');
const md = readFileSync(mdPath, 'utf8');
const rows = benches
  .map((b) => path.join(resultsDir, `${b.name}.json`))
  .filter((f) => existsSync(f))
  .map((f) => JSON.parse(readFileSync(f, 'utf8')))
  .map(
    (r) => `| ${r.name} | ${r.summary ?? summarize(r)} | ${r.measuredAt?.slice(0, 16).replace('T', ' ')} |`,
  );
const table = ['| benchmark | figures | measured (UTC) |', '|---|---|---|', ...rows].join('\n');
// The issues' budgets, checked by script against the same results (scripts/budgets.mjs).
const checks = checkBudgets(resultsDir);
console.log('\nBudgets (from the stored results):');
for (const c of checks)
  console.log(`  ${c.met ? 'met   ' : 'MISSED'}  ${c.what}: ${c.figure} (budget ${c.budget})`);
const next = md
  .replace(
    /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
    `<!-- bench:start -->\n${table}\n<!-- bench:end -->`,
  )
  .replace(
    /<!-- budgets:start -->[\s\S]*<!-- budgets:end -->/,
    `<!-- budgets:start -->\n${budgetTable(checks)}\n<!-- budgets:end -->`,
  );
writeFileSync(mdPath, next);
console.log(
  `\nBENCHMARKS.md updated (${rows.length} results, ${checks.filter((c) => c.met).length}/${checks.length} budgets met).`,
);
process.exit(failed ? 1 : 0);

function summarize(r) {
  if (r.name === 'workshops-list') {
    return `${r.requestsPerSec} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms; raw SQLite ${r.rawSqliteQueriesPerSec} q/s (HTTP/raw ${r.httpToRawRatio})`;
  }
  return Object.entries(r)
    .filter(([k, v]) => !['name', 'command', 'measuredAt', 'machine'].includes(k) && typeof v !== 'object')
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}
