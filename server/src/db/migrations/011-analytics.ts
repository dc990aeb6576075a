import type { Kysely } from 'kysely';

// Analytics (issue 17), measured on 1,000,000 events (server/bench/analytics.bench.ts):
// - (site, type, ts) replaces (site, type): panels count one type over a period (clicks of
//   recommendations, purchases, page views), which (site, ts) alone answers by reading every
//   event of the period. Same number of indexes, so ingestion pays nothing more for it.
// - (site, anon, type, ts): recommendation conversions (did the reader who clicked then check
//   out?) and pages' purchases (which paths did the buyer read?) look events up per reader.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('events_site_type_ts')
    .on('events')
    .columns(['site_id', 'type', 'ts'])
    .execute();
  await db.schema.dropIndex('events_site_type').execute();
  await db.schema
    .createIndex('events_site_anon_type_ts')
    .on('events')
    .columns(['site_id', 'anon', 'type', 'ts'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_site_anon_type_ts').execute();
  await db.schema.createIndex('events_site_type').on('events').columns(['site_id', 'type']).execute();
  await db.schema.dropIndex('events_site_type_ts').execute();
}
