import type { Kysely } from 'kysely';

// Per-site recommendation models. The ONNX bytes are stored base64 in a text column: portable
// between SQLite and PostgreSQL, and models are small (kilobytes to a few hundred).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reco_models')
    .addColumn('version', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id'))
    .addColumn('onnx_base64', 'text', (c) => c.notNull())
    .addColumn('meta', 'text', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('events_used', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reco_models_site')
    .on('reco_models')
    .columns(['site_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reco_models').execute();
}
