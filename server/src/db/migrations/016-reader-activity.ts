import { type Kysely, type QueryExecutorProvider, sql } from 'kysely';

// Analytics on aggregates (issue 17): what each reader did per UTC day and session, maintained by
// the event writer in the same transaction as the events. Retention, prediction and segments
// read these rows (thousands for a month) instead of grouping a million events by reader.
// The session is part of the key so that "sessions in the period" stays a distinct count.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reader_activity')
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull())
    // Days since the epoch (UTC) of the events' `ts`: a period of whole UTC days is a day range.
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('anon', 'varchar(64)', (c) => c.notNull())
    .addColumn('session', 'varchar(64)', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('page_views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('workshop_views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reco_clicks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('purchases', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('room_joins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('interactions', 'integer', (c) => c.notNull().defaultTo(0))
    // Day first: a day's ingestion touches one end of the key, and panels read a day range.
    .addPrimaryKeyConstraint('reader_activity_pk', ['site_id', 'day', 'anon', 'session'])
    .execute();
  await rebuildReaderActivity(db);
}

const countOf = (type: string) => sql`sum(case when type = ${sql.lit(type)} then 1 else 0 end)`;

/**
 * (Re)builds the rows of one site, or of all, from its stored events: existing history here, and
 * the benchmark after its raw inserts. `ts` is a positive integer, so integer division is the
 * floor on both databases.
 */
export async function rebuildReaderActivity(db: QueryExecutorProvider, siteId?: string): Promise<void> {
  const ofSite = siteId === undefined ? sql`` : sql`where site_id = ${siteId}`;
  await sql`delete from reader_activity ${ofSite}`.execute(db);
  await sql`insert into reader_activity
      (site_id, day, anon, session, events, page_views, workshop_views, reco_clicks, purchases, room_joins, interactions)
    select site_id, cast(ts / 86400000 as integer), anon, session, count(*),
      ${countOf('page_view')}, ${countOf('workshop_click')}, ${countOf('reco_click')},
      ${countOf('purchase')}, ${countOf('room_join')}, ${countOf('room_interaction')}
    from events ${ofSite}
    group by site_id, cast(ts / 86400000 as integer), anon, session`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reader_activity').execute();
}
