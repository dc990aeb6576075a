import type { Kysely } from 'kysely';

// Behaviour events uploaded with the reader's consent. No IP, no free text: only ids, a path,
// a number and a short machine label (see contract/events.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    // The browser's uuid: a replayed batch (sendBeacon then retry) hits this key and is ignored.
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id'))
    .addColumn('anon', 'varchar(64)', (c) => c.notNull())
    .addColumn('session', 'varchar(64)', (c) => c.notNull())
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('workshop_id', 'varchar(64)')
    .addColumn('path', 'varchar(512)')
    .addColumn('value', 'double precision')
    .addColumn('label', 'varchar(64)')
    .addColumn('ts', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_site_ts').on('events').columns(['site_id', 'ts']).execute();
  await db.schema.createIndex('events_site_type').on('events').columns(['site_id', 'type']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('events').execute();
}
