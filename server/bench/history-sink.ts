// The server benchmarks' million-event site: the demo's own simulation (seeded) written straight
// into a real server's SQLite file.
import { randomUUID } from 'node:crypto';
import { uuidv7 } from '@lectern/widget/log/ids';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { generateHistory, type HistoryRows } from '../src/demo/demo-history.ts';

/** Prepared inserts, one transaction per chunk: the generator's fastest way into SQLite. */
export function rawSink(sqlite: Database.Database) {
  const insert = (table: string, rows: object[] | undefined) => {
    if (!rows?.length) return;
    const columns = Object.keys(rows[0]);
    const statement = sqlite.prepare(
      `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    for (const row of rows) statement.run(row);
  };
  return sqlite.transaction((rows: Partial<HistoryRows>) => {
    insert('workshops', rows.workshops);
    insert('orders', rows.orders);
    insert('tickets', rows.tickets);
    insert('room_passes', rows.passes);
    insert('ratings', rows.ratings);
    insert('events', rows.events);
  });
}

/** A year of history on site `siteId` (about 1,000,000 events and 10,000 orders), in `file`. */
export async function generateBenchSite(file: string, siteId: string, now: number) {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite
    .prepare(
      'insert into sites (id, name, origins, owner_key_hash, settings, created_at) values (?, ?, ?, ?, ?, ?)',
    )
    .run(siteId, 'Bench', '["https://bench.example"]', 'x', '{}', now);
  const started = performance.now();
  const generated = await generateHistory(
    { siteId, now, days: 365, sessionsPerDay: 252, seed: 7, checkoutRate: 0.55, capacity: 250 },
    rawSink(sqlite),
  );
  sqlite.close();
  return { ...generated, generateSeconds: Math.round((performance.now() - started) / 100) / 10 };
}

/**
 * POST /v1/events on `base` for `seconds` (autocannon, 10 connections, after a 1 s warm-up),
 * batches of 50 fresh events of `types` for `siteId`: accepted events per second and the result.
 */
export async function ingestEvents(base: string, siteId: string, types: string[], seconds: number) {
  const body = () => {
    const anon = randomUUID();
    const session = randomUUID();
    const ts = Date.now();
    return JSON.stringify({
      events: Array.from({ length: 50 }, (_, i) => ({
        id: uuidv7(ts - (50 - i) * 1000),
        ts: ts - (50 - i) * 1000,
        site: siteId,
        anon,
        session,
        type: types[i % types.length],
        path: `/posts/post-${i % 7}`,
      })),
    });
  };
  const pool = Array.from({ length: 4000 }, body);
  const options = {
    url: `${base}/v1/events`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    connections: 10,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: pool.pop() ?? body() }) }],
  };
  await autocannon({ ...options, duration: 1 });
  const result = await autocannon({ ...options, duration: seconds });
  const eventsPerSec = Math.round(
    ((result.requests.average * result['2xx']) / Math.max(1, result.requests.total)) * 50,
  );
  return { eventsPerSec, result };
}
