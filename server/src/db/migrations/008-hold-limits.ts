import type { Kysely } from 'kysely';

// What checkout needs against seat squatting: who asked for a hold (a keyed hash of the client
// address, never the address itself), the payment session a retry can resume, and the token of
// the link that confirms a free registration.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('client_key', 'varchar(64)').execute();
  await db.schema.alterTable('orders').addColumn('checkout_json', 'text').execute();
  await db.schema.alterTable('orders').addColumn('confirm_token', 'varchar(64)').execute();
  await db.schema.createIndex('orders_client_key').on('orders').columns(['client_key', 'status']).execute();
  await db.schema.createIndex('orders_confirm_token').on('orders').column('confirm_token').unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('orders_confirm_token').execute();
  await db.schema.dropIndex('orders_client_key').execute();
  await db.schema.alterTable('orders').dropColumn('confirm_token').execute();
  await db.schema.alterTable('orders').dropColumn('checkout_json').execute();
  await db.schema.alterTable('orders').dropColumn('client_key').execute();
}
