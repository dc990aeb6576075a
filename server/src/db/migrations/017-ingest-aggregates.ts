import { type Kysely, type QueryExecutorProvider, sql } from 'kysely';

// Ingestion back within its budget (issue 17). Two indexes on `events` were paid by every insert
// for one reader each: (site, anon, type, ts) for the recommendations' conversions and the pages'
// purchases, and (site, received_at) for the retrain trigger's count. They give way to small
// aggregates the event writer keeps in the same transaction (events/reader-journeys.ts,
// events/received-count.ts), about one row per reader and path a day instead of one index
// entry per event.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reader_pages')
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('anon', 'varchar(64)', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('path', 'varchar(512)', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addColumn('first_ts', 'bigint', (c) => c.notNull())
    .addColumn('last_ts', 'bigint', (c) => c.notNull())
    // Reader first: the panel looks up each buyer's days before the purchase.
    .addPrimaryKeyConstraint('reader_pages_pk', ['site_id', 'anon', 'day', 'path'])
    .execute();
  await db.schema
    .createTable('reader_workshop_steps')
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('anon', 'varchar(64)', (c) => c.notNull())
    .addColumn('workshop_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_ts', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('reader_workshop_steps_pk', ['site_id', 'anon', 'workshop_id', 'type'])
    .execute();
  await db.schema
    .createTable('site_event_counts')
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('received', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('site_event_counts_pk', ['site_id', 'shard'])
    .execute();
  await db.schema
    .alterTable('reco_models')
    .addColumn('received_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await rebuildIngestAggregates(db);
  // A stored model started from the events received before it was stored: what the trigger
  // counted from until now (received_at >= created_at), read while the index still exists.
  await sql`update reco_models set received_count = (select count(*) from events
    where events.site_id = reco_models.site_id and events.received_at < reco_models.created_at)`.execute(db);
  await db.schema.dropIndex('events_site_anon_type_ts').execute();
  await db.schema.dropIndex('events_site_received').execute();
}

/**
 * (Re)builds this migration's aggregates for one site, or all, from its stored events: existing
 * history here, and the benchmarks after their raw inserts. `ts` is a positive integer, so
 * integer division is the floor on both databases.
 */
export async function rebuildIngestAggregates(db: QueryExecutorProvider, siteId?: string): Promise<void> {
  const where = siteId === undefined ? sql`` : sql`where site_id = ${siteId}`;
  const and = siteId === undefined ? sql`` : sql`and site_id = ${siteId}`;
  for (const table of ['reader_pages', 'reader_workshop_steps', 'site_event_counts'])
    await sql`delete from ${sql.table(table)} ${where}`.execute(db);
  await sql`insert into reader_pages (site_id, anon, day, path, views, first_ts, last_ts)
    select site_id, anon, cast(ts / 86400000 as integer), path, count(*), min(ts), max(ts)
    from events where type = 'page_view' and path is not null ${and}
    group by site_id, anon, cast(ts / 86400000 as integer), path`.execute(db);
  await sql`insert into reader_workshop_steps (site_id, anon, workshop_id, type, last_ts)
    select site_id, anon, workshop_id, type, max(ts)
    from events where type in ('checkout_start', 'purchase') and workshop_id is not null ${and}
    group by site_id, anon, workshop_id, type`.execute(db);
  await sql`insert into site_event_counts (site_id, shard, received)
    select site_id, 0, count(*) from events ${where} group by site_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('events_site_received')
    .on('events')
    .columns(['site_id', 'received_at'])
    .execute();
  await db.schema
    .createIndex('events_site_anon_type_ts')
    .on('events')
    .columns(['site_id', 'anon', 'type', 'ts'])
    .execute();
  await db.schema.alterTable('reco_models').dropColumn('received_count').execute();
  await db.schema.dropTable('site_event_counts').execute();
  await db.schema.dropTable('reader_workshop_steps').execute();
  await db.schema.dropTable('reader_pages').execute();
}
