import type { Db } from '../db/database.ts';
import type { SiteEventCountTable } from '../db/schema.ts';
import type { Aggregate } from './aggregate.ts';

/**
 * Events each site has received, counted by whichever process stored them: the retrain trigger's
 * "events since the latest model" is this count minus the one its training started from. The
 * writer upserts one row per site and group transaction, as its last statement, so on PostgreSQL
 * the hot row stays locked only while that transaction commits.
 */
export const receivedCount: Aggregate<SiteEventCountTable> = {
  table: 'site_event_counts',
  key: ['site_id'],
  merge: { received: 'add' },
  rowsOf(events) {
    const rows = new Map<string, SiteEventCountTable>();
    for (const e of events) {
      const row = rows.get(e.site_id);
      if (row) row.received += 1;
      else rows.set(e.site_id, { site_id: e.site_id, received: 1 });
    }
    return [...rows.values()];
  },
};

/** The site's count of received events (0 before its first). */
export async function receivedEvents(db: Db, siteId: string): Promise<number> {
  const row = await db
    .selectFrom('site_event_counts')
    .select('received')
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  return Number(row?.received ?? 0);
}
