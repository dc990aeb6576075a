import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { SiteEventCountTable } from '../db/schema.ts';
import { type Aggregate, rowFor } from './aggregate.ts';

/** Rows a site's count is spread over: processes writing at once rarely share one. */
export const COUNT_SHARDS = 64;

/**
 * Events each site has received, counted by whichever process stored them: the retrain trigger's
 * "events since the latest model" is this count minus the one its training started from. Each
 * writer adds to its own shard row (one upsert per site and group transaction, as the last
 * statement): on PostgreSQL one shared row would make every process's commit wait for the
 * commit of the process that updated it before (measured: two processes stored fewer events per
 * second than one).
 */
export function receivedCount(shard = randomInt(COUNT_SHARDS)): Aggregate<SiteEventCountTable> {
  return {
    table: 'site_event_counts',
    key: ['site_id', 'shard'],
    merge: { received: 'add' },
    rowsOf(events) {
      const rows = new Map<string, SiteEventCountTable>();
      for (const e of events)
        rowFor(rows, e.site_id, () => ({ site_id: e.site_id, shard, received: 0 })).received += 1;
      return [...rows.values()];
    },
  };
}

/** The site's count of received events (0 before its first): the sum of its shard rows. */
export async function receivedEvents(db: Db, siteId: string): Promise<number> {
  const row = await db
    .selectFrom('site_event_counts')
    .select(sql<number | null>`sum(received)`.as('n'))
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
