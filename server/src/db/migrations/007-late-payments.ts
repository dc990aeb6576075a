import type { Kysely } from 'kysely';

// A payment that completes after its seat is gone (the hold lapsed and the seat was sold, or the
// workshop was cancelled or ended) is refunded: the order records why, and the provider's refund
// id once the provider has confirmed it. A refunded order with a reason and no refund id is a
// refund still owed; the sweeper retries it, so money that arrived is never kept by mistake.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('refund_reason', 'varchar(32)').execute();
  await db.schema.alterTable('orders').addColumn('provider_refund_id', 'varchar(255)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').dropColumn('provider_refund_id').execute();
  await db.schema.alterTable('orders').dropColumn('refund_reason').execute();
}
