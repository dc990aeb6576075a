import type { Kysely } from 'kysely';

// Rotating a site's owner key bumps this version; owner sessions carry the version they were
// issued under, so every session of the old key stops together with the key.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('sites')
    .addColumn('owner_key_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sites').dropColumn('owner_key_version').execute();
}
