// Benchmark: the server on PostgreSQL (one process), each figure next to raw `pg` in the same run:
// GET /v1/sites/:site/workshops and POST /v1/events over loopback (autocannon) against the real
// server in its own process, beside the same list query / the same inserts through a bare `pg`
// pool; and the checkout under 30 concurrent buyers for 10 seats (in-process, PostgreSQL beside
// SQLite). `npm run bench -- pg` starts a durable throwaway cluster (scripts/pg-cluster.mjs) and
// passes its URL as LECTERN_DATABASE_URL. Prints JSON on the last line.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { createTestApp, type TestApp } from '../src/test-support/test-app.ts';
import { createTestDatabase } from '../src/test-support/test-database.ts';
import { publishedWorkshop } from '../src/test-support/workshops.ts';
import { startBenchServer } from './bench-server.ts';

if (!process.env.LECTERN_DATABASE_URL) {
  console.error('pg.bench: run it as `npm run bench -- pg` (it needs LECTERN_DATABASE_URL)');
  process.exit(64);
}
const seconds = Number(process.env.BENCH_SECONDS ?? 6);
const BATCH = 50;
const ROUNDS = Number(process.env.BENCH_CHECKOUT_ROUNDS ?? 20);

/** Calls `task` with up to `concurrency` in flight for `ms`; returns calls per second. */
async function rate(ms: number, concurrency: number, task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  let n = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() - started < ms) {
        await task();
        n++;
      }
    }),
  );
  return n / ((performance.now() - started) / 1000);
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
    ...(i % 5 === 1 && { value: 1200 + i }),
  }));
  return JSON.stringify({ events });
}

async function httpFigures() {
  const database = await createTestDatabase();
  const server = await startBenchServer({
    LECTERN_DATABASE_URL: database.url!,
    LECTERN_RATE_LIMIT_READ: '0',
    LECTERN_RATE_LIMIT_WRITE: '0',
  });
  const raw = new pg.Pool({ connectionString: database.url, max: 10 });
  try {
    const listUrl = `${server.base}/v1/sites/demo/workshops`;
    await autocannon({ url: listUrl, connections: 10, duration: 1 });
    const list = await autocannon({ url: listUrl, connections: 50, duration: seconds });
    // The same list query (with the seat counts) through a bare pool, 10 in flight, no HTTP.
    const listSql = `select w.*,
        (select count(*) from orders o where o.workshop_id = w.id and o.status = 'paid') as paid_count,
        (select count(*) from orders o where o.workshop_id = w.id and o.status = 'held' and o.hold_expires_at > $1) as held_count
      from workshops w where w.site_id = $2 and w.status in ('published','cancelled') and w.starts_at + w.duration_minutes * 60000 > $3
      order by w.starts_at, w.id`;
    const rawList = await rate(2000, 10, () => raw.query(listSql, [Date.now(), 'demo', Date.now()]));

    const bodies = Array.from({ length: 4000 }, eventsBody);
    const events = {
      url: `${server.base}/v1/events`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      connections: 10,
      requests: [
        { setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies.pop() ?? eventsBody() }) },
      ],
    };
    await autocannon({ ...events, duration: 1 });
    const ingest = await autocannon({ ...events, duration: seconds });
    const okPerSec = (ingest.requests.average * ingest['2xx']) / Math.max(1, ingest.requests.total);
    // The same rows through a bare pool: one 50-row insert per batch, 10 batches per transaction.
    const rawInsert = async () => {
      const client = await raw.connect();
      try {
        await client.query('begin');
        for (let b = 0; b < 10; b++) {
          const rows = (JSON.parse(eventsBody()) as { events: Record<string, unknown>[] }).events;
          const values: unknown[] = [];
          const tuples = rows.map((e, i) => {
            values.push(e.id, 'demo', e.anon, e.session, e.type, e.path, e.value ?? null, e.ts, Date.now());
            const p = (k: number) => `$${i * 9 + k}`;
            return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)})`;
          });
          await client.query(
            `insert into events (id, site_id, anon, session, type, path, value, ts, received_at) values ${tuples.join(', ')} on conflict (id) do nothing`,
            values,
          );
        }
        await client.query('commit');
      } finally {
        client.release();
      }
    };
    const rawEventsPerSec = (await rate(3000, 10, rawInsert)) * 10 * BATCH;
    return {
      workshopsList: {
        connections: 50,
        requestsPerSec: Math.round(list.requests.average),
        latencyMs: { p50: list.latency.p50, p99: list.latency.p99 },
        non2xx: list.non2xx,
        rawPgQueriesPerSec: Math.round(rawList),
        httpToRawRatio: Number((list.requests.average / rawList).toFixed(3)),
      },
      eventsIngest: {
        connections: 10,
        batch: BATCH,
        eventsPerSec: Math.round(okPerSec * BATCH),
        latencyMs: { p50: ingest.latency.p50, p99: ingest.latency.p99 },
        non2xx: ingest.non2xx,
        rawPgEventsPerSec: Math.round(rawEventsPerSec),
        httpToRawRatio: Number(((okPerSec * BATCH) / rawEventsPerSec).toFixed(3)),
      },
    };
  } finally {
    await raw.end();
    await server.stop();
    await database.drop();
  }
}

/** Rounds of 30 concurrent checkouts for a 10-seat workshop, each hold then paid (dev payments). */
async function checkoutRounds(t: TestApp) {
  const origin = 'https://blog.example';
  const site = await t.site([origin]);
  const ms: number[] = [];
  let oversold = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const w = await publishedWorkshop(t, site.id, { capacity: 10 });
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.app.request(
          '/v1/checkout',
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Origin: origin },
            body: JSON.stringify({ siteId: site.id, workshopId: w.id, returnUrl: `${origin}/` }),
          },
          { incoming: { socket: { remoteAddress: `10.1.${round}.${i + 1}` } } },
        ),
      ),
    );
    const held = (await Promise.all(answers.map((r) => r.json()))).filter((b) => b.order);
    await Promise.all(held.map((b) => t.app.request(`/dev-checkout/${b.order.id}/pay`, { method: 'POST' })));
    ms.push(performance.now() - started);
    const paid = await t.database.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workshop_id', '=', w.id)
      .where('status', '=', 'paid')
      .executeTakeFirstOrThrow();
    if (Number(paid.n) !== 10) oversold++;
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => Number(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(1));
  return { rounds: ROUNDS, roundMs: { p50: at(0.5), p99: at(0.99) }, roundsNotExactlyTenPaid: oversold };
}

async function checkoutFigures() {
  const onPg = await createTestApp();
  const onSqlite = await createTestApp({ LECTERN_DATABASE_URL: '' });
  try {
    return { postgres: await checkoutRounds(onPg), sqlite: await checkoutRounds(onSqlite) };
  } finally {
    await onPg.close();
    await onSqlite.close();
  }
}

const http = await httpFigures();
const checkout = await checkoutFigures();
const out = { name: 'postgres', command: 'npm run bench -- pg', seconds, ...http, checkout30for10: checkout };
const summary =
  `list ${http.workshopsList.requestsPerSec} req/s p99 ${http.workshopsList.latencyMs.p99} ms (HTTP/raw pg ${http.workshopsList.httpToRawRatio}); ` +
  `events ${http.eventsIngest.eventsPerSec}/s p99 ${http.eventsIngest.latencyMs.p99} ms (HTTP/raw pg ${http.eventsIngest.httpToRawRatio}); ` +
  `checkout 30 buyers/10 seats p50 ${checkout.postgres.roundMs.p50} ms (SQLite ${checkout.sqlite.roundMs.p50} ms), ` +
  `${checkout.postgres.roundsNotExactlyTenPaid + checkout.sqlite.roundsNotExactlyTenPaid} rounds not exactly 10 paid`;
console.log(`postgres: ${summary}`);
console.log(JSON.stringify({ ...out, summary }));
