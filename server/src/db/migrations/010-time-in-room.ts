import type { Kysely } from 'kysely';

// How long each room pass was connected, for the owner's attendee list: `online_since` is set
// while its signalling socket is open, and each disconnection adds the stretch to `in_room_ms`,
// so reconnections and second devices add up without counting the gaps between them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('room_passes').addColumn('online_since', 'bigint').execute();
  await db.schema
    .alterTable('room_passes')
    .addColumn('in_room_ms', 'bigint', (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('room_passes').dropColumn('in_room_ms').execute();
  await db.schema.alterTable('room_passes').dropColumn('online_since').execute();
}
