// Benchmark: the workshops list and event ingestion on PostgreSQL with ONE and with TWO server
// processes (`src/main.ts`, each its own Node process, both on one database), in the same run:
// autocannon spreads the same total connections over the processes' ports (as a round-robin
// load balancer would, without a proxy hop on these 2 cores); the list is also measured as a bare
// `pg` query (ratio). Uses LECTERN_DATABASE_URL when set (`npm run bench` with a cluster), else
// starts a durable throwaway cluster (scripts/pg-cluster.mjs). Prints JSON on the last line.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { type BenchServer, startBenchServer } from './bench-server.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 6);
const BATCH = 50;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function cluster(): Promise<{ url: string; stop(): void }> {
  if (process.env.LECTERN_DATABASE_URL) return { url: process.env.LECTERN_DATABASE_URL, stop() {} };
  // Loaded by path: the repository's root `scripts/` is not a package.
  const { startPgCluster } = await import(pathToFileURL(path.join(root, 'scripts/pg-cluster.mjs')).href);
  return startPgCluster({ durable: true });
}

function eventsBody(): string {
  const anon = randomUUID();
  const session = randomUUID();
  const now = Date.now();
  const types = ['page_view', 'page_dwell', 'scroll_depth', 'workshop_impression', 'workshop_click'];
  const events = Array.from({ length: BATCH }, (_, i) => ({
    id: randomUUID(),
    ts: now - (BATCH - i) * 1000,
    site: 'demo',
    anon,
    session,
    type: types[i % types.length],
    path: `/posts/post-${i % 7}`,
  }));
  return JSON.stringify({ events });
}

/** `connections` spread over the servers, all at once; requests/s summed, latency of the slowest. */
async function load(servers: BenchServer[], connections: number, options: Partial<autocannon.Options>) {
  const runs = await Promise.all(
    servers.map((s) =>
      autocannon({
        ...options,
        url: `${s.base}${options.url}`,
        connections: Math.max(1, Math.round(connections / servers.length)),
        duration: seconds,
      }),
    ),
  );
  const ok = runs.reduce(
    (sum, r) => sum + (r.requests.average * r['2xx']) / Math.max(1, r.requests.total),
    0,
  );
  return {
    okPerSec: ok,
    p50: Math.max(...runs.map((r) => r.latency.p50)),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

async function measure(baseUrl: string, processes: number) {
  const name = `lectern_bench_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const env = {
    LECTERN_DATABASE_URL: url.toString(),
    LECTERN_SECRET: randomUUID() + randomUUID(),
    LECTERN_RATE_LIMIT_READ: '0',
    LECTERN_RATE_LIMIT_WRITE: '0',
  };
  const servers: BenchServer[] = [];
  try {
    // One after the other: the first migrates and seeds the demo, the next finds it done.
    for (let i = 0; i < processes; i++) servers.push(await startBenchServer(env));
    const list = { url: '/v1/sites/demo/workshops' };
    await load(servers, 10, { ...list, duration: 1 });
    const listed = await load(servers, 50, list);
    const bodies = Array.from({ length: 4000 }, eventsBody);
    const events = {
      url: '/v1/events',
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      requests: [{ setupRequest: (req: object) => ({ ...req, body: bodies.pop() ?? eventsBody() }) }],
    };
    const ingested = await load(servers, 10, events);
    // The same list query on the same database, servers idle: the raw ceiling of this run.
    const rawQueriesPerSec = await rawList(url.toString());
    return { listed, eventsPerSec: ingested.okPerSec * BATCH, ingested, rawQueriesPerSec };
  } finally {
    for (const s of servers) await s.stop();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** The list query with its seat counts through a bare pool, 10 in flight, for `ms`: queries/s. */
async function rawList(url: string, ms = 2000): Promise<number> {
  const raw = new pg.Pool({ connectionString: url, max: 10 });
  const sql = `select w.*,
      (select count(*) from orders o where o.workshop_id = w.id and o.status = 'paid') as paid_count,
      (select count(*) from orders o where o.workshop_id = w.id and o.status = 'held' and o.hold_expires_at > $1) as held_count
    from workshops w where w.site_id = $2 and w.status in ('published','cancelled') and w.starts_at + w.duration_minutes * 60000 > $3
    order by w.starts_at, w.id`;
  const started = performance.now();
  let n = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (performance.now() - started < ms) {
        await raw.query(sql, [Date.now(), 'demo', Date.now()]);
        n++;
      }
    }),
  );
  await raw.end();
  return n / ((performance.now() - started) / 1000);
}

const pgCluster = await cluster();
try {
  const one = await measure(pgCluster.url, 1);
  const two = await measure(pgCluster.url, 2);
  const row = (m: Awaited<ReturnType<typeof measure>>) => ({
    listRequestsPerSec: Math.round(m.listed.okPerSec),
    listLatencyMs: { p50: m.listed.p50, p99: m.listed.p99 },
    rawPgListQueriesPerSec: Math.round(m.rawQueriesPerSec),
    listToRawPgRatio: Number((m.listed.okPerSec / m.rawQueriesPerSec).toFixed(3)),
    eventsPerSec: Math.round(m.eventsPerSec),
    eventsLatencyMs: { p50: m.ingested.p50, p99: m.ingested.p99 },
    non2xx: m.listed.non2xx + m.ingested.non2xx,
  });
  const out = {
    name: 'pg-two-processes',
    command: 'npm run bench -- pg-two-processes',
    seconds,
    listConnections: 50,
    eventConnections: 10,
    oneProcess: row(one),
    twoProcesses: row(two),
  };
  const summary =
    `list ${out.oneProcess.listRequestsPerSec} → ${out.twoProcesses.listRequestsPerSec} req/s with 2 processes ` +
    `(HTTP/raw pg ${out.oneProcess.listToRawPgRatio} → ${out.twoProcesses.listToRawPgRatio}); events ${out.oneProcess.eventsPerSec} → ${out.twoProcesses.eventsPerSec} /s`;
  console.log(summary);
  console.log(JSON.stringify({ ...out, summary }));
} finally {
  pgCluster.stop();
}
