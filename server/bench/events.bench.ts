// Benchmark: POST /v1/events over loopback (autocannon, batches of 50 fresh events) against the
// real server in its own process, next to a raw better-sqlite3 insert ceiling (the same
// `on conflict do nothing` insert, 50 rows per transaction) measured on the same file in the same
// run. Prints JSON on the last line; `npm run bench` collects it.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { uuidv7 } from '@lectern/widget/log/ids';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { startBenchServer } from './bench-server.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 6);
const BATCH = 50;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

// A realistic reading session: one anon and session per batch, mixed types, a path each, and
// event ids made the way the widget makes them (uuid v7: time first).
const TYPES = ['page_view', 'page_dwell', 'scroll_depth', 'workshop_impression', 'workshop_click'];
function batchBody(): string {
  const anon = randomUUID();
  const session = randomUUID();
  const now = Date.now();
  const events = Array.from({ length: BATCH }, (_, i) => ({
    id: uuidv7(now - (BATCH - i) * 1000),
    ts: now - (BATCH - i) * 1000,
    site: 'demo',
    anon,
    session,
    type: TYPES[i % TYPES.length],
    path: `/posts/post-${i % 7}`,
    ...(i % 5 === 3 && { workshop: `ws_${i % 6}` }),
    ...(i % 5 === 1 && { value: 1200 + i }),
  }));
  return JSON.stringify({ events });
}

// Bodies are made before the clock starts, so that the load generator (on the same 2 cores)
// spends its time sending, not making uuids; more are made on demand if the pool runs out.
const pool = Array.from({ length: 6000 }, batchBody);
const nextBody = () => pool.pop() ?? batchBody();

const server = await startBenchServer(
  // Measure ingestion, not the limiter refusing one client address.
  { LECTERN_RATE_LIMIT_WRITE: '0' },
  process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
);
const { base, dataDir } = server;
try {
  const options = {
    url: `${base}/v1/events`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    connections: CONNECTIONS,
    // A fresh body per request: replaying one body would measure the duplicate path only.
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: nextBody() }) }],
  };
  await autocannon({ ...options, duration: 1 }); // warm-up
  const result = await autocannon({ ...options, duration: seconds });
  const okPerSec = (result.requests.average * result['2xx']) / Math.max(1, result.requests.total);

  // Raw ceiling: the same rows through one prepared statement, 500 per transaction (the best
  // this file and disk allow with no HTTP, no JSON and no validation), on the same file, with
  // the server's settings (its background checkpointer is still running).
  const db = new Database(path.join(dataDir, 'lectern.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 100000');
  const insert = db.prepare(`insert into events
      (id, site_id, anon, session, type, workshop_id, path, value, label, ts, received_at)
      values (@id, @site, @anon, @session, @type, @workshop, @path, @value, null, @ts, @received)
      on conflict (id) do nothing`);
  const insertMany = db.transaction((events: Record<string, unknown>[]) => {
    for (const e of events) insert.run(e);
  });
  const received = Date.now();
  const prepared = Array.from({ length: 400 }, () =>
    (JSON.parse(batchBody()) as { events: Record<string, unknown>[] }).events.map((e) => ({
      workshop: null,
      value: null,
      ...e,
      received,
    })),
  );
  const started = performance.now();
  let rawEvents = 0;
  for (let i = 0; i < prepared.length; i += 10) {
    const group = prepared.slice(i, i + 10).flat();
    insertMany(group);
    rawEvents += group.length;
  }
  const rawPerSec = rawEvents / ((performance.now() - started) / 1000);
  const stored = (db.prepare('select count(*) as n from events').get() as { n: number }).n;
  db.close();

  const eventsPerSec = Math.round(okPerSec * BATCH);
  const out = {
    name: 'events-ingest',
    command: 'npm run bench',
    connections: CONNECTIONS,
    batch: BATCH,
    seconds,
    requestsPerSec: Math.round(okPerSec),
    eventsPerSec,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    storedEvents: stored,
    rawSqliteEventsPerSec: Math.round(rawPerSec),
    httpToRawRatio: Number((eventsPerSec / rawPerSec).toFixed(3)),
    targets: { eventsPerSec: 20000, p99Ms: 50 },
  };
  const summary = `${out.eventsPerSec} events/s (${out.requestsPerSec} batches/s of ${BATCH}), p50 ${out.latencyMs.p50} ms, p99 ${out.latencyMs.p99} ms (target ≥ 20000 events/s, p99 ≤ 50 ms); raw SQLite ${out.rawSqliteEventsPerSec} events/s, HTTP/raw ${out.httpToRawRatio}`;
  console.log(`events ingest: ${summary}`);
  console.log(JSON.stringify({ ...out, summary }));
} finally {
  await server.stop();
}
