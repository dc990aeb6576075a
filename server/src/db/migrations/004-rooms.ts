import type { Kysely } from 'kysely';

// Live rooms: signalling passes (the server's roster), the room's end, and learners' ratings.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('room_passes')
    // The PeerJS id the pass was issued for; the WebSocket is refused for any id not in this table.
    .addColumn('peer_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('workshop_id', 'varchar(64)', (c) => c.notNull().references('workshops.id'))
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('role', 'varchar(8)', (c) => c.notNull())
    // Null for the host. One ticket holds at most one live pass: joining again supersedes it.
    .addColumn('ticket_id', 'varchar(64)')
    .addColumn('name', 'varchar(40)', (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('superseded_at', 'bigint')
    .addColumn('removed_at', 'bigint')
    .execute();
  await db.schema.createIndex('room_passes_workshop').on('room_passes').column('workshop_id').execute();
  await db.schema.createIndex('room_passes_ticket').on('room_passes').column('ticket_id').execute();

  await db.schema
    .createTable('rooms')
    .addColumn('workshop_id', 'varchar(64)', (c) => c.primaryKey().references('workshops.id'))
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .execute();

  await db.schema
    .createTable('ratings')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('workshop_id', 'varchar(64)', (c) => c.notNull().references('workshops.id'))
    // One rating per ticket; rating again replaces it.
    .addColumn('ticket_id', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('content', 'integer', (c) => c.notNull())
    .addColumn('instructor', 'integer', (c) => c.notNull())
    .addColumn('interactivity', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ratings_workshop').on('ratings').column('workshop_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ratings').execute();
  await db.schema.dropTable('rooms').execute();
  await db.schema.dropTable('room_passes').execute();
}
