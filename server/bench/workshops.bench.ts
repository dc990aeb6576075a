// Benchmark: GET /v1/sites/:site/workshops over loopback (autocannon, 50 connections) against the
// real server in its own process, next to a raw better-sqlite3 loop running the same query in the
// same run. Prints JSON on the last line; `npm run bench` collects it.
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { startBenchServer } from './bench-server.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 6);

// Measure the endpoint, not the limiter refusing one client address.
const server = await startBenchServer({ LECTERN_RATE_LIMIT_READ: '0' });
const { dataDir } = server;
const url = `${server.base}/v1/sites/demo/workshops`;
try {
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
  await server.stop();
}
