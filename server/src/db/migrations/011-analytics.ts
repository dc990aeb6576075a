import type { Kysely } from 'kysely';

// Analytics (issue 17): a reader's own events by type and time. Recommendation conversions
// (did the reader who clicked then check out?) and pages' purchases (which paths did the buyer
// read?) look events up per reader; without this index each lookup scans the site's events.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('events_site_anon_type_ts')
    .on('events')
    .columns(['site_id', 'anon', 'type', 'ts'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_site_anon_type_ts').execute();
}
