import type { Kysely } from 'kysely';

// Tickets, processed webhook events (idempotency), the waitlist, and the order fields the
// checkout needs. Portable DDL: runs unchanged on SQLite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('return_url', 'text').execute();
  await db.schema
    .alterTable('orders')
    .addColumn('locale', 'varchar(8)', (c) => c.notNull().defaultTo('en'))
    .execute();
  await db.schema.alterTable('orders').addColumn('provider_payment_id', 'varchar(255)').execute();
  await db.schema.createIndex('orders_provider_payment').on('orders').column('provider_payment_id').execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('order_id', 'varchar(64)', (c) => c.notNull().unique().references('orders.id'))
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('workshop_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('tickets_workshop').on('tickets').column('workshop_id').execute();

  await db.schema
    .createTable('webhook_events')
    .addColumn('id', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('provider', 'varchar(16)', (c) => c.notNull())
    .addColumn('type', 'varchar(100)', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('waitlist')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('workshop_id', 'varchar(64)', (c) => c.notNull().references('workshops.id'))
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('locale', 'varchar(8)', (c) => c.notNull())
    .addColumn('page_url', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('offered_at', 'bigint')
    .addUniqueConstraint('waitlist_workshop_email', ['workshop_id', 'email'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('waitlist').execute();
  await db.schema.dropTable('webhook_events').execute();
  await db.schema.dropTable('tickets').execute();
}
