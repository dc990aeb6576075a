import type { Kysely } from 'kysely';

// Several server processes, continued: what one process learned from a write must reach the
// others through the database. `list_versions` counts the writes that change a site's public
// workshop list (every process compares it before serving its cached copy), and the index lets
// the retrain scheduler count a site's events received since its model was trained.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('list_versions')
    .addColumn('site_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('events_site_received')
    .on('events')
    .columns(['site_id', 'received_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_site_received').execute();
  await db.schema.dropTable('list_versions').execute();
}
