import type { Kysely } from 'kysely';

// Analytics (issue 17): the funnel (this period and the one before), revenue, free registrations
// and retention read a site's orders by payment time. Without this index each of those scanned
// every order of every site; with it a period reads its own orders (about 800 of the bench
// site's 10,000 for 30 days). Orders are written at checkout, not with events: ingestion pays
// nothing for it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('orders_site_paid').on('orders').columns(['site_id', 'paid_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('orders_site_paid').execute();
}
