import type { Kysely } from 'kysely';

// Several server processes on one database: who is connected to which process's signalling
// server (rows age out when their process stops refreshing them, so a crashed process's
// connections disappear), and leases that let exactly one process run each background job.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('room_presence')
    .addColumn('peer_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('workshop_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('role', 'varchar(8)', (c) => c.notNull())
    // The process whose signalling server holds the WebSocket; only it refreshes `seen_at`.
    .addColumn('process_id', 'varchar(80)', (c) => c.notNull())
    .addColumn('connected_at', 'bigint', (c) => c.notNull())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('room_presence_workshop').on('room_presence').column('workshop_id').execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'varchar(80)', (c) => c.primaryKey())
    .addColumn('holder', 'varchar(80)', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_leases').execute();
  await db.schema.dropTable('room_presence').execute();
}
