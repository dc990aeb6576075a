// Benchmark: event ingestion (POST /v1/events, autocannon) on a site with 1,000,000 events while
// its recommendation model retrains in the background (every `BENCH_RETRAIN_EVENTS` new events,
// at most once per `BENCH_RETRAIN_INTERVAL_SECONDS`), next to what one retrain costs: the read of
// the training data and the training itself, timed in this process on the same file.
// `BENCH_RETRAIN_EVENTS=0` measures the same ingestion with no retrain. Prints JSON on the last line.
import path from 'node:path';
import { trainRecommender } from '@lectern/model';
import { openDatabase } from '../src/db/database.ts';
import { rebuildIngestAggregates } from '../src/db/migrations/017-ingest-aggregates.ts';
import { SERVER_MAX_EASE_ITEMS } from '../src/reco/reco-service.ts';
import { readSiteTrainingData, type SiteTrainingData } from '../src/reco/site-training-data.ts';
import { pack } from '../src/reco/worker-trainer.ts';
import { startBenchServer } from './bench-server.ts';
import { generateBenchSite, ingestEvents } from './history-sink.ts';

const SITE = 'bench';
const INGEST_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RETRAIN_EVENTS = process.env.BENCH_RETRAIN_EVENTS ?? '500';
const RETRAIN_INTERVAL = process.env.BENCH_RETRAIN_INTERVAL_SECONDS ?? '2';

/** The options the server trains with (reco-service.ts). */
const job = (data: SiteTrainingData) => ({
  sequences: data.sequences,
  items: data.items,
  k: Math.min(50, data.items.length),
  maxEaseItems: SERVER_MAX_EASE_ITEMS,
});

const server = await startBenchServer({
  LECTERN_RATE_LIMIT_WRITE: '0',
  LECTERN_RECO_RETRAIN_EVENTS: RETRAIN_EVENTS,
  LECTERN_RECO_RETRAIN_INTERVAL_SECONDS: RETRAIN_INTERVAL,
});
try {
  const now = Date.now();
  const generated = await generateBenchSite(path.join(server.dataDir, 'lectern.sqlite'), SITE, now);
  console.log(`generated ${generated.events} events in ${generated.generateSeconds} s`);

  const database = openDatabase(server.dataDir);
  // The raw inserts bypass the event writer: count them as it would (migration 017), so the
  // server sees a million events received and no model, as a real site would.
  await rebuildIngestAggregates(database.db, SITE);

  // What one retrain costs, part by part (the server reads on its event loop, trains in a worker).
  let started = performance.now();
  const data = await readSiteTrainingData(database.db, SITE);
  const readMs = Math.round(performance.now() - started);
  started = performance.now();
  const packed = pack({ ...job(data), side: [...data.side] });
  structuredClone(packed, { transfer: [packed.lengths.buffer, packed.flat.buffer] });
  const handOverMs = Math.round(performance.now() - started);
  started = performance.now();
  trainRecommender(data.sequences, { ...job(data), side: data.side });
  const trainMs = Math.round(performance.now() - started);
  console.log(
    `one retrain: read ${readMs} ms (${data.eventsUsed} interest events, ${data.sequences.length} sequences, ` +
      `${data.items.length} items), hand-over ${handOverMs} ms, training ${trainMs} ms`,
  );

  const ingestStart = Date.now();
  const { eventsPerSec, result } = await ingestEvents(
    server.base,
    SITE,
    ['page_view', 'workshop_impression', 'workshop_click', 'scroll_depth', 'page_dwell'],
    INGEST_SECONDS,
  );
  const retrains = await database.db
    .selectFrom('reco_models')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('site_id', '=', SITE)
    .where('created_at', '>=', ingestStart)
    .executeTakeFirstOrThrow();
  await database.close();
  const out = {
    name: 'reco-retrain',
    command: 'npm run bench -- reco-retrain',
    events: generated.events,
    retrainEvery: Number(RETRAIN_EVENTS),
    retrainsDuringIngest: Number(retrains.n),
    readMs,
    handOverMs,
    trainMs,
    ingestEventsPerSec: eventsPerSec,
    ingestP99Ms: result.latency.p99,
    ingestMaxMs: result.latency.max,
    non2xx: result.non2xx,
  };
  console.log(
    `ingest ${eventsPerSec} events/s, p99 ${out.ingestP99Ms} ms, ${out.retrainsDuringIngest} retrains`,
  );
  console.log(JSON.stringify(out));
} finally {
  await server.stop();
}
