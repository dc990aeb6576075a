// Benchmark: GET /v1/sites/:site/workshops over loopback (autocannon, 50 connections) against the
// real server in its own process, next to a raw better-sqlite3 loop running the same query in the
// same run. Prints JSON on the last line; `npm run bench` collects it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

const here = path.dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 6);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start at ${url}`);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'lectern-bench-'));
const port = await freePort();
const server = spawn(process.execPath, ['--import', 'tsx', path.join(here, '..', 'src', 'main.ts')], {
  env: {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    LECTERN_DATA_DIR: dataDir,
    LECTERN_LOG_LEVEL: 'warn',
    // Measure the endpoint, not the limiter refusing one client address.
    LECTERN_RATE_LIMIT_READ: '0',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const url = `http://127.0.0.1:${port}/v1/sites/demo/workshops`;
try {
  await waitFor(url);
  // Warm-up so JIT and SQLite caches are in their steady state.
  await autocannon({ url, connections: 10, duration: 1 });
  const result = await autocannon({ url, connections: 50, duration: seconds, pipelining: 1 });
  const bytes = (await (await fetch(url)).text()).length;

  // Raw ceiling: the same list query (with the seat counts) on the same file, no HTTP.
  const db = new Database(path.join(dataDir, 'lectern.sqlite'), { readonly: true });
  const stmt = db.prepare(`select w.*,
      (select count(*) from orders o where o.workshop_id = w.id and o.status = 'paid') as paid_count,
      (select count(*) from orders o where o.workshop_id = w.id and o.status = 'held' and o.hold_expires_at > ?) as held_count
    from workshops w where w.site_id = ? and w.status in ('published','cancelled') and w.starts_at + w.duration_minutes * 60000 > ?
    order by w.starts_at, w.id`);
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < 2000) {
    const now = Date.now();
    stmt.all(now, 'demo', now);
    n++;
  }
  const rawPerSec = n / ((performance.now() - started) / 1000);
  db.close();

  const out = {
    name: 'workshops-list',
    command: 'npm run bench',
    connections: 50,
    seconds,
    responseBytes: bytes,
    requestsPerSec: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    rawSqliteQueriesPerSec: Math.round(rawPerSec),
    httpToRawRatio: Number((result.requests.average / rawPerSec).toFixed(3)),
    targets: { requestsPerSec: 8000, p99Ms: 20 },
  };
  const summary = `${out.requestsPerSec} req/s, p50 ${out.latencyMs.p50} ms, p99 ${out.latencyMs.p99} ms (target ≥ 8000 req/s, p99 ≤ 20 ms); raw SQLite ${out.rawSqliteQueriesPerSec} q/s, HTTP/raw ${out.httpToRawRatio}`;
  console.log(
    `workshops list: ${out.requestsPerSec} req/s, p50 ${out.latencyMs.p50} ms, p99 ${out.latencyMs.p99} ms ` +
      `(raw SQLite ${out.rawSqliteQueriesPerSec} queries/s, HTTP/raw ${out.httpToRawRatio})`,
  );
  console.log(JSON.stringify({ ...out, summary }));
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
