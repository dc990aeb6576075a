import { type Kysely, sql } from 'kysely';

// When a room pass first opened its signalling socket. A pass is fetched when the join screen
// shows (so "Join" goes straight to signalling); it takes the ticket's seat only when it connects,
// so merely opening the room page on a second device does not push the first one out.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('room_passes').addColumn('connected_at', 'bigint').execute();
  // Passes issued before this migration were all meant to be used: count them as connected.
  await sql`update room_passes set connected_at = issued_at`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('room_passes').dropColumn('connected_at').execute();
}
