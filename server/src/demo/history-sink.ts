import type { Insertable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { EventWriter } from '../db/event-writer.ts';
import type {
  NewEvent,
  NewWorkshop,
  OrderTable,
  RatingTable,
  RoomPassTable,
  TicketTable,
} from '../db/schema.ts';
import type { HistorySink } from './demo-history.ts';

/**
 * Inserts history rows through Kysely, one transaction per chunk (portable to PostgreSQL);
 * events through the server's own event writer when given (SQLite's prepared fast path).
 */
export function kyselySink(db: Db, writeEvents?: EventWriter): HistorySink {
  return (rows) =>
    db
      .transaction()
      .execute(async (trx) => {
        const insert = async <T extends keyof HistoryTables>(
          table: T,
          list: HistoryTables[T][] | undefined,
        ) => {
          for (let i = 0; list && i < list.length; i += 500) {
            await trx
              .insertInto(table)
              .values(list.slice(i, i + 500) as never)
              .execute();
          }
        };
        await insert('workshops', rows.workshops);
        await insert('orders', rows.orders);
        await insert('tickets', rows.tickets);
        await insert('room_passes', rows.passes);
        await insert('ratings', rows.ratings);
        if (!writeEvents) await insert('events', rows.events);
      })
      .then(async () => {
        if (writeEvents && rows.events?.length) await writeEvents([rows.events]);
      });
}
type HistoryTables = {
  workshops: NewWorkshop;
  orders: Insertable<OrderTable>;
  tickets: TicketTable;
  room_passes: RoomPassTable;
  ratings: RatingTable;
  events: NewEvent;
};
